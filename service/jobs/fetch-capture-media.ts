import type { Readable } from 'node:stream';
import type { MediaFetchReason } from '#shared/api/media.js';
import { storeMedia } from '../actions/upload-media.js';
import { HttpError } from '../errors.js';
import { type Resolve, SafeFetchError, safeFetch } from '../lib/safe-fetch.js';
import { BROWSER_REASONS, type CaptureMediaKind, fetchMessage, recordCaptureMedia } from '../media/capture-media.js';
import type { MediaDeps } from '../media/deps.js';
import type { CaptureMediaFetch } from '../models/media.js';

/** Fetches claimed per batch; the job keeps claiming while batches come back full. */
const BATCH = 5;
/**
 * A video may take minutes to arrive (the library takes up to MEDIA_MAX_VIDEO_BYTES): its fetch gets this
 * deadline, body included, instead of MEDIA_FETCH_TIMEOUT_MS (which stays the deadline for images).
 */
const VIDEO_DEADLINE_MS = 5 * 60_000;
/**
 * A claim's lease, per kind: longer than a batch's fetches one after the other (each its deadline plus
 * storing); a crashed worker's claims come back after it.
 */
const LEASE_SECONDS = { image: 120, video: (BATCH * VIDEO_DEADLINE_MS) / 1000 + 120 };
/** Transient failures (timeouts, 5xx, resets) are retried this many times in all, 30 s, 2 min, 8 min apart. */
const MAX_ATTEMPTS = 3;
/** One run stops claiming after this long, leaving the rest to the next tick. */
const RUN_BUDGET_MS = 50_000;

/** What one run did. */
export interface FetchRunResult {
  done: number;
  needsBrowser: number;
  failed: number;
  retried: number;
}

type Outcome = { kind: 'done' } | { kind: 'stuck'; reason: MediaFetchReason } | { kind: 'retry'; why: string };

/** What the job asks an origin for, per kind. */
const ACCEPT: Record<CaptureMediaKind, string> = {
  image: 'image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8',
  video: 'video/mp4,video/quicktime,video/webm,video/*;q=0.8',
};

/**
 * The job that brings each image capture's image and each video capture's video into the library
 * (claim → call → record, DESIGN.md §5): claims due 'pending' fetches with FOR UPDATE SKIP LOCKED and a
 * lease (so several instances never fetch the same file), fetches each with no transaction open through
 * the SSRF guard (lib/safe-fetch.ts) and the upload pipeline (streamed to storage; only the fetch's kind,
 * with that kind's size limit; a video's duration is probed on the way), then records the outcome in a
 * short transaction. Private addresses, 401/403 and unknown hosts become 'needs_browser' (the extension
 * supplies the bytes); a gone, too large or unusable file is 'failed'; timeouts and 5xx are retried with
 * backoff. `resolve` lets tests choose DNS answers.
 */
export async function fetchCaptureMedia(
  deps: MediaDeps & { resolve?: Resolve; signal?: AbortSignal | undefined },
): Promise<FetchRunResult> {
  const result: FetchRunResult = { done: 0, needsBrowser: 0, failed: 0, retried: 0 };
  const started = Date.now();
  for (;;) {
    const claimed = await claim(deps);
    for (const fetch of claimed) {
      const outcome = await fetchOne(deps, fetch);
      await record(deps, fetch, outcome, result);
    }
    if (claimed.length < BATCH || Date.now() - started > RUN_BUDGET_MS || deps.signal?.aborted) return result;
  }
}

async function claim(deps: MediaDeps): Promise<CaptureMediaFetch[]> {
  const { rows } = (await deps.knex.raw(
    `update capture_media_fetches
        set locked_until = now() + make_interval(secs => case when media_kind = 'video' then ?::double precision else ?::double precision end), attempts = attempts + 1, updated_at = now()
      where post_id in (
        select post_id from capture_media_fetches
         where state = 'pending' and next_attempt_at <= now() and (locked_until is null or locked_until < now())
         order by next_attempt_at
         limit ?
         for update skip locked)
      returning post_id as "postId", workspace_id as "workspaceId", requested_by as "requestedBy", media_url as "mediaUrl", media_kind as "mediaKind", attempts`,
    [LEASE_SECONDS.video, LEASE_SECONDS.image, BATCH],
  )) as { rows: CaptureMediaFetch[] };
  return rows;
}

async function fetchOne(deps: MediaDeps & { resolve?: Resolve }, fetch: CaptureMediaFetch): Promise<Outcome> {
  let body: Readable | undefined;
  try {
    const response = await safeFetch(fetch.mediaUrl, {
      timeoutMs: fetch.mediaKind === 'video' ? Math.max(VIDEO_DEADLINE_MS, deps.config.media.fetchTimeoutMs) : deps.config.media.fetchTimeoutMs,
      allowedAddresses: deps.config.media.fetchAllowedAddresses,
      headers: { Accept: ACCEPT[fetch.mediaKind] },
      ...(deps.resolve ? { resolve: deps.resolve } : {}),
    });
    body = response.body;
    if (response.status === 401 || response.status === 403) return { kind: 'stuck', reason: 'origin_refused' };
    if (response.status === 404 || response.status === 410) return { kind: 'stuck', reason: 'not_found' };
    if (response.status !== 200) {
      return response.status >= 500 || response.status === 429 ? { kind: 'retry', why: `HTTP ${response.status}` } : { kind: 'stuck', reason: 'not_found' };
    }
    const length = Number(response.headers['content-length']);
    const media = await storeMedia(deps, {
      workspaceId: fetch.workspaceId,
      uploadedBy: fetch.requestedBy,
      body: response.body,
      declaredLength: Number.isFinite(length) ? length : undefined,
      filename: filenameOf(response.url),
      sourceUrl: fetch.mediaUrl,
      kinds: [fetch.mediaKind],
    });
    await recordCaptureMedia(deps, fetch.postId, media, ['pending']);
    return { kind: 'done' };
  } catch (error) {
    return classify(error);
  } finally {
    body?.destroy();
  }
}

function classify(error: unknown): Outcome {
  if (error instanceof SafeFetchError) {
    if (error.reason === 'blocked_address') return { kind: 'stuck', reason: 'private_address' };
    if (error.reason === 'host_not_found') return { kind: 'stuck', reason: 'host_not_found' };
    if (error.reason === 'bad_url' || error.reason === 'too_many_redirects') return { kind: 'stuck', reason: 'not_found' };
    return { kind: 'retry', why: error.message };
  }
  if (error instanceof HttpError) {
    if (error.code === 'media_too_large') return { kind: 'stuck', reason: 'too_large' };
    if (error.code === 'media_type_not_allowed') return { kind: 'stuck', reason: 'type_not_allowed' };
    if (error.code === 'media_unreadable' || error.code === 'media_empty') return { kind: 'stuck', reason: 'unreadable' };
    if (error.code === 'plan_limit_reached') return { kind: 'stuck', reason: 'plan_limit' };
  }
  return { kind: 'retry', why: error instanceof Error ? error.message : String(error) };
}

async function record(deps: MediaDeps, fetch: CaptureMediaFetch, outcome: Outcome, result: FetchRunResult): Promise<void> {
  const row = deps.knex('captureMediaFetches').where({ postId: fetch.postId, state: 'pending' });
  if (outcome.kind === 'done') {
    result.done++;
    return;
  }
  if (outcome.kind === 'retry' && fetch.attempts < MAX_ATTEMPTS) {
    result.retried++;
    deps.logger.info('capture media fetch will be retried', { postId: fetch.postId, attempt: fetch.attempts, why: outcome.why });
    await row.update({ lockedUntil: null, nextAttemptAt: new Date(Date.now() + 30_000 * 4 ** (fetch.attempts - 1)), updatedAt: deps.knex.fn.now() });
    return;
  }
  const reason: MediaFetchReason = outcome.kind === 'stuck' ? outcome.reason : 'unreachable';
  const state = BROWSER_REASONS.has(reason) ? 'needs_browser' : 'failed';
  if (state === 'needs_browser') result.needsBrowser++;
  else result.failed++;
  deps.logger.info('capture media not fetched by the service', { postId: fetch.postId, kind: fetch.mediaKind, state, reason });
  await row.update({ state, reason, message: fetchMessage(fetch.mediaKind, reason), lockedUntil: null, updatedAt: deps.knex.fn.now() });
}

/** The last path segment of the address, as the medium's file name (display only). */
function filenameOf(url: string): string | null {
  try {
    const segment = new URL(url).pathname.split('/').pop();
    return segment ? decodeURIComponent(segment) : null;
  } catch {
    return null;
  }
}
