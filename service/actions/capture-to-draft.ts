import type { Knex } from 'knex';
import type { z } from 'zod';
import type { CaptureInput } from '#shared/api/captures.js';
import type { PostSource } from '#shared/api/posts.js';
import type { MediaFetch } from '#shared/api/media.js';
import { draftFromCapture } from '#shared/capture/draft-text.js';
import { type CaptureMediaKind, fetchMessage, obviouslyPrivateHost } from '../media/capture-media.js';
import { batchedStatement } from '../db/batched-statement.js';
import type { PostWithAuthor } from '../models/post.js';
import type { DeferredAuth } from '../middleware/auth.js';
import { authSelect, toAuthentication, type AuthRow } from './authenticate.js';
import { selectPostsWithAuthor } from './find-post.js';

type Capture = z.output<typeof CaptureInput>;

/** The capture, kept on the draft as provenance: what was captured, where and when. A note has none. */
export function sourceOf(capture: Capture, now: Date): PostSource | null {
  if (capture.kind === 'note' || !capture.url) return null;
  return {
    kind: capture.kind,
    url: capture.url,
    title: capture.title ?? null,
    selectionText: capture.selectionText ?? null,
    linkUrl: capture.linkUrl ?? null,
    linkText: capture.linkText ?? null,
    imageUrl: capture.imageUrl ?? null,
    imageAlt: capture.imageAlt ?? null,
    ...(capture.kind === 'video' ? { videoUrl: capture.videoUrl, videoTitle: capture.videoTitle ?? null } : {}),
    page: capture.page ?? null,
    capturedAt: (capture.capturedAt ? new Date(capture.capturedAt) : now).toISOString(),
  };
}

// One statement checks each capture's session and membership (the same lookup as every other request)
// and inserts only when the session is live and the role allows: the capture route is one database
// round trip. Under load, the captures that arrive together share that statement (NaturalBatcher): the
// batch goes in as one jsonb array of rows, `n` being each row's place in it. An image or video capture
// also queues its file for the fetch job in the same statement: a draft never exists without its fetch row.
// Prepared once per connection (see runPrepared).
const CAPTURE_BATCH_SQL = `
  with input as (
    select * from jsonb_to_recordset($1::jsonb) as i(
      n int, workspace_id uuid, token_hash text, allowed_roles text[], title text, body text, hashtags text[],
      source jsonb, client_id uuid, media_url text, media_kind text, fetch_state text, fetch_reason text, fetch_message text)
  ),
  auth as (
    select i.n, a.* from input i cross join lateral (${authSelect('i.token_hash', 'i.workspace_id')}) a
  ),
  p as (
    insert into posts (workspace_id, created_by, title, body, hashtags, source, client_id)
    select i.workspace_id, a."userId", i.title, i.body, i.hashtags, i.source, i.client_id
    from input i join auth a on a.n = i.n
    where not a.ended and a.role = any(i.allowed_roles)
    order by i.n
    on conflict (workspace_id, client_id) do nothing
    returning client_id, id, workspace_id as "workspaceId", created_by as "createdBy", status, title, body, hashtags, source,
              created_at as "createdAt", updated_at as "updatedAt", archived_at as "archivedAt"
  ),
  f as (
    insert into capture_media_fetches (post_id, workspace_id, requested_by, media_url, media_kind, state, reason, message)
    select p.id, p."workspaceId", p."createdBy", i.media_url, i.media_kind, i.fetch_state, i.fetch_reason, i.fetch_message
    from p join input i on i.workspace_id = p."workspaceId" and i.client_id = p.client_id
    where i.media_url is not null
  )
  select i.n, a."sessionId", a."userId", a."firstName", a."lastName", a."emailVerified", a."lastUsedAt", a.ended, a.role,
         p.id, p."workspaceId", p."createdBy", p.status, p.title, p.body, p.hashtags, p.source, p."createdAt", p."updatedAt", p."archivedAt"
  from input i
  left join auth a on a.n = i.n
  left join p on p."workspaceId" = i.workspace_id and p.client_id = i.client_id
  order by i.n`;

/** One capture's row of the batch statement (see CAPTURE_BATCH_SQL). */
interface CaptureRow {
  workspace_id: string;
  token_hash: string;
  allowed_roles: string[];
  title: string | null;
  body: string;
  hashtags: string[];
  source: PostSource | null;
  client_id: string;
  media_url: string | null;
  media_kind: CaptureMediaKind | null;
  fetch_state: MediaFetch['state'] | null;
  fetch_reason: MediaFetch['reason'];
  fetch_message: string | null;
}

/**
 * How captures are grouped: one batch at a time gathers the largest batches (measured with
 * `npm run bench -- captures`: two or four at a time cost more per capture and had a longer tail); a
 * batch still running after 25 ms (a lock wait) lets up to three more start beside it.
 */
const BATCHING = { maxInFlight: 4, stalledAfterMs: 25, maxBatch: 64, keyOf: (row: CaptureRow) => `${row.workspace_id}/${row.client_id}` };

const captureBatcher = batchedStatement<CaptureRow, Row>('minopa_capture_batch', CAPTURE_BATCH_SQL, BATCHING);

type InsertedPost = Omit<PostWithAuthor, 'authorFirstName' | 'authorLastName'>;
// A capture with no live session has null session columns: `sessionId` tells.
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
  const media = capturedMedia(capture);
  const mediaFetch = media ? initialFetch(media, options.fetchAllowedAddresses ?? []) : undefined;
  const row = await captureBatcher(knex).submit({
    workspace_id: auth.workspaceId,
    token_hash: auth.tokenHash,
    allowed_roles: auth.allowedRoles,
    title,
    body,
    hashtags: capture.draft?.hashtags ?? [],
    source: sourceOf(capture, new Date()),
    client_id: capture.clientId,
    media_url: media?.url ?? null,
    media_kind: media?.kind ?? null,
    fetch_state: mediaFetch?.state ?? null,
    fetch_reason: mediaFetch?.reason ?? null,
    fetch_message: mediaFetch?.message ?? null,
  });
  // Throws the 401/403/404 the middleware would have (nothing was inserted in those cases).
  const { user } = auth.settle(await toAuthentication(knex, row.sessionId ? row : undefined));
  if (row.id) {
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

/** The file an image or video capture brings into the library; none for the other kinds. */
function capturedMedia(capture: Capture): { kind: CaptureMediaKind; url: string } | undefined {
  if (capture.kind === 'image' && capture.imageUrl) return { kind: 'image', url: capture.imageUrl };
  if (capture.kind === 'video' && capture.videoUrl) return { kind: 'video', url: capture.videoUrl };
  return undefined;
}

/** Where a new capture's fetch starts: the job's queue, or straight to the browser for a private host. */
function initialFetch(media: { kind: CaptureMediaKind; url: string }, allowedAddresses: readonly string[]): MediaFetch {
  return obviouslyPrivateHost(media.url, allowedAddresses)
    ? { state: 'needs_browser', reason: 'private_address', message: fetchMessage(media.kind, 'private_address') }
    : { state: 'pending', reason: null, message: null };
}
