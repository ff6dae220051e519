import type { Knex } from 'knex';
import type { z } from 'zod';
import type { CaptureInput } from '#shared/api/captures.js';
import type { PostSource } from '#shared/api/posts.js';
import type { MediaFetch } from '#shared/api/media.js';
import { draftFromCapture } from '#shared/capture/draft-text.js';
import { FETCH_MESSAGES, obviouslyPrivateHost } from '../media/capture-image.js';
import { runPrepared } from '../db/prepared.js';
import type { PostWithAuthor } from '../models/post.js';
import { selectPostsWithAuthor } from './find-post.js';

type Capture = z.output<typeof CaptureInput>;

/** The person capturing (from the session: no extra query). */
export interface Author {
  id: string;
  firstName: string;
  lastName: string;
}

/** The capture, kept on the draft as provenance: what was captured, where and when. */
export function sourceOf(capture: Capture, now: Date): PostSource {
  return {
    kind: capture.kind,
    url: capture.url,
    title: capture.title ?? null,
    selectionText: capture.selectionText ?? null,
    linkUrl: capture.linkUrl ?? null,
    linkText: capture.linkText ?? null,
    imageUrl: capture.imageUrl ?? null,
    imageAlt: capture.imageAlt ?? null,
    page: capture.page ?? null,
    capturedAt: (capture.capturedAt ? new Date(capture.capturedAt) : now).toISOString(),
  };
}

// Prepared once per connection (see runPrepared): captures are the hot write path.
const INSERT_SQL = `
  insert into posts (workspace_id, created_by, title, body, hashtags, source, client_id)
  values ($1, $2, $3, $4, $5::text[], $6::jsonb, $7)
  on conflict (workspace_id, client_id) do nothing
  returning id, workspace_id as "workspaceId", created_by as "createdBy", status, title, body, hashtags, source,
            created_at as "createdAt", updated_at as "updatedAt", archived_at as "archivedAt"`;

// An image capture also queues its image for the fetch job, in the same statement: the route stays one
// round trip and a draft never exists without its fetch row.
const IMAGE_INSERT_SQL = `
  with p as (${INSERT_SQL}),
  f as (
    insert into capture_image_fetches (post_id, workspace_id, requested_by, image_url, state, reason, message)
    select id, "workspaceId", $2, $8, $9, $10, $11 from p
  )
  select * from p`;

/**
 * Turns a capture into a draft of the workspace. Idempotent on the client's id: the first call inserts
 * (`duplicate: false`); a repeat (the extension retrying after a lost response, the offline queue) finds
 * the unique (workspace_id, client_id) taken, inserts nothing and returns the existing post
 * (`duplicate: true`). The common path is a single INSERT … ON CONFLICT DO NOTHING RETURNING.
 */
export async function captureToDraft(
  knex: Knex,
  workspaceId: string,
  author: Author,
  capture: Capture,
  options: { fetchAllowedAddresses?: readonly string[] } = {},
): Promise<{ post: PostWithAuthor; duplicate: boolean; mediaFetch?: MediaFetch }> {
  const { title, body } = draftFromCapture(capture);
  const values = [workspaceId, author.id, title, body, capture.draft?.hashtags ?? [], JSON.stringify(sourceOf(capture, new Date())), capture.clientId];
  const mediaFetch = capture.kind === 'image' && capture.imageUrl ? initialFetch(capture.imageUrl, options.fetchAllowedAddresses ?? []) : undefined;
  const [inserted] = mediaFetch
    ? await runPrepared<Omit<PostWithAuthor, 'authorFirstName' | 'authorLastName'>>(knex, 'minopa_image_capture_insert', IMAGE_INSERT_SQL, [
        ...values, capture.imageUrl, mediaFetch.state, mediaFetch.reason, mediaFetch.message,
      ])
    : await runPrepared<Omit<PostWithAuthor, 'authorFirstName' | 'authorLastName'>>(knex, 'minopa_capture_insert', INSERT_SQL, values);
  if (inserted) {
    return {
      post: { ...inserted, authorFirstName: author.firstName, authorLastName: author.lastName },
      duplicate: false,
      ...(mediaFetch ? { mediaFetch } : {}),
    };
  }
  const existing = (await selectPostsWithAuthor(knex).where({ 'p.workspaceId': workspaceId, 'p.clientId': capture.clientId }).first()) as
    | PostWithAuthor
    | undefined;
  // The row that conflicted cannot vanish between the two statements unless it was deleted meanwhile.
  if (!existing) throw new Error('capture conflicted on client_id but the existing post was not found');
  return { post: existing, duplicate: true };
}

/** Where a new image capture's fetch starts: the job's queue, or straight to the browser for a private host. */
function initialFetch(imageUrl: string, allowedAddresses: readonly string[]): MediaFetch {
  return obviouslyPrivateHost(imageUrl, allowedAddresses)
    ? { state: 'needs_browser', reason: 'private_address', message: FETCH_MESSAGES.private_address }
    : { state: 'pending', reason: null, message: null };
}
