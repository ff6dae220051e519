import type { Knex } from 'knex';
import type { z } from 'zod';
import type { CaptureInput } from '#shared/api/captures.js';
import type { PostSource } from '#shared/api/posts.js';
import type { MediaFetch } from '#shared/api/media.js';
import { draftFromCapture } from '#shared/capture/draft-text.js';
import { FETCH_MESSAGES, obviouslyPrivateHost } from '../media/capture-image.js';
import { runPrepared } from '../db/prepared.js';
import type { PostWithAuthor } from '../models/post.js';
import type { DeferredAuth } from '../middleware/auth.js';
import { authSelect, toAuthentication, type AuthRow } from './authenticate.js';
import { selectPostsWithAuthor } from './find-post.js';

type Capture = z.output<typeof CaptureInput>;

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

// One statement checks the session and membership (the same lookup as every other request) and inserts
// only when the session is live and the role allows: the capture route is one database round trip.
// Prepared once per connection (see runPrepared).
const POST_COLUMNS = `id, workspace_id as "workspaceId", created_by as "createdBy", status, title, body, hashtags, source,
            created_at as "createdAt", updated_at as "updatedAt", archived_at as "archivedAt"`;
const AUTHORIZED_INSERT = `
  auth as (${authSelect('$8', '$1')}),
  p as (
    insert into posts (workspace_id, created_by, title, body, hashtags, source, client_id)
    select $1, "userId", $3, $4, $5::text[], $6::jsonb, $7 from auth where not ended and role = any($2::text[])
    on conflict (workspace_id, client_id) do nothing
    returning ${POST_COLUMNS})`;
const CAPTURE_SQL = `with ${AUTHORIZED_INSERT} select * from auth left join p on true`;

// An image capture also queues its image for the fetch job, in the same statement: a draft never
// exists without its fetch row.
const IMAGE_CAPTURE_SQL = `with ${AUTHORIZED_INSERT},
  f as (
    insert into capture_image_fetches (post_id, workspace_id, requested_by, image_url, state, reason, message)
    select id, "workspaceId", "createdBy", $9, $10, $11, $12 from p
  )
  select * from auth left join p on true`;

type InsertedPost = Omit<PostWithAuthor, 'authorFirstName' | 'authorLastName'>;
type Row = AuthRow & Partial<InsertedPost>;

/**
 * Turns a capture into a draft of the workspace, checking the caller's session and role in the same
 * statement (`auth` answers exactly as the auth middleware would). Idempotent on the client's id: the
 * first call inserts (`duplicate: false`); a repeat (the extension retrying after a lost response, the
 * offline queue) finds the unique (workspace_id, client_id) taken, inserts nothing and returns the
 * existing post (`duplicate: true`).
 */
export async function captureToDraft(
  knex: Knex,
  auth: DeferredAuth,
  capture: Capture,
  options: { fetchAllowedAddresses?: readonly string[] } = {},
): Promise<{ post: PostWithAuthor; duplicate: boolean; mediaFetch?: MediaFetch }> {
  const { title, body } = draftFromCapture(capture);
  const values = [
    auth.workspaceId, auth.allowedRoles, title, body, capture.draft?.hashtags ?? [],
    JSON.stringify(sourceOf(capture, new Date())), capture.clientId, auth.tokenHash,
  ];
  const mediaFetch = capture.kind === 'image' && capture.imageUrl ? initialFetch(capture.imageUrl, options.fetchAllowedAddresses ?? []) : undefined;
  const [row] = mediaFetch
    ? await runPrepared<Row>(knex, 'minopa_image_capture', IMAGE_CAPTURE_SQL, [
        ...values, capture.imageUrl, mediaFetch.state, mediaFetch.reason, mediaFetch.message,
      ])
    : await runPrepared<Row>(knex, 'minopa_capture', CAPTURE_SQL, values);
  // Throws the 401/403/404 the middleware would have (nothing was inserted in those cases).
  const { user } = auth.settle(await toAuthentication(knex, row));
  if (row?.id) {
    return {
      post: { ...pickPost(row as InsertedPost), authorFirstName: user.firstName, authorLastName: user.lastName },
      duplicate: false,
      ...(mediaFetch ? { mediaFetch } : {}),
    };
  }
  const existing = (await selectPostsWithAuthor(knex).where({ 'p.workspaceId': auth.workspaceId, 'p.clientId': capture.clientId }).first()) as
    | PostWithAuthor
    | undefined;
  // The row that conflicted cannot vanish between the two statements unless it was deleted meanwhile.
  if (!existing) throw new Error('capture conflicted on client_id but the existing post was not found');
  return { post: existing, duplicate: true };
}

/** The post's own columns of a joined row (the session columns are not part of the post). */
function pickPost(row: InsertedPost): InsertedPost {
  const { id, workspaceId, createdBy, status, title, body, hashtags, source, createdAt, updatedAt, archivedAt } = row;
  return { id, workspaceId, createdBy, status, title, body, hashtags, source, createdAt, updatedAt, archivedAt } as InsertedPost;
}

/** Where a new image capture's fetch starts: the job's queue, or straight to the browser for a private host. */
function initialFetch(imageUrl: string, allowedAddresses: readonly string[]): MediaFetch {
  return obviouslyPrivateHost(imageUrl, allowedAddresses)
    ? { state: 'needs_browser', reason: 'private_address', message: FETCH_MESSAGES.private_address }
    : { state: 'pending', reason: null, message: null };
}
