import type { Readable } from 'node:stream';
import type { MediaFetchReason } from '#shared/api/media.js';
import { storeMedia } from '../actions/upload-media.js';
import { HttpError } from '../errors.js';
import { type Resolve, SafeFetchError, safeFetch } from '../lib/safe-fetch.js';
import { BROWSER_REASONS, FETCH_MESSAGES, recordCaptureImage } from '../media/capture-image.js';
import type { MediaDeps } from '../media/deps.js';
import type { CaptureImageFetch } from '../models/media.js';

/** Fetches claimed per batch; the job keeps claiming while batches come back full. */
const BATCH = 5;
/** A claim's lease: longer than one fetch's deadline plus storing; a crashed worker's claims come back after it. */
const LEASE_SECONDS = 120;
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

/**
 * The job that brings each image capture's image into the library (claim → call → record, DESIGN.md §5):
 * claims due 'pending' fetches with FOR UPDATE SKIP LOCKED and a lease (so several instances never fetch
 * the same image), fetches each with no transaction open through the SSRF guard (lib/safe-fetch.ts) and
 * the upload pipeline, then records the outcome in a short transaction. Private addresses, 401/403 and
 * unknown hosts become 'needs_browser' (the extension supplies the bytes); a gone or unusable image is
 * 'failed'; timeouts and 5xx are retried with backoff. `resolve` lets tests choose DNS answers.
 */
export async function fetchCaptureImages(
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

async function claim(deps: MediaDeps): Promise<CaptureImageFetch[]> {
  const { rows } = (await deps.knex.raw(
    `update capture_image_fetches
        set locked_until = now() + make_interval(secs => ?), attempts = attempts + 1, updated_at = now()
      where post_id in (
        select post_id from capture_image_fetches
         where state = 'pending' and next_attempt_at <= now() and (locked_until is null or locked_until < now())
         order by next_attempt_at
         limit ?
         for update skip locked)
      returning post_id as "postId", workspace_id as "workspaceId", requested_by as "requestedBy", image_url as "imageUrl", attempts`,
    [LEASE_SECONDS, BATCH],
  )) as { rows: CaptureImageFetch[] };
  return rows;
}

async function fetchOne(deps: MediaDeps & { resolve?: Resolve }, fetch: CaptureImageFetch): Promise<Outcome> {
  let body: Readable | undefined;
  try {
    const response = await safeFetch(fetch.imageUrl, {
      timeoutMs: deps.config.media.fetchTimeoutMs,
      allowedAddresses: deps.config.media.fetchAllowedAddresses,
      headers: { Accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif,image/*;q=0.8' },
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
      sourceUrl: fetch.imageUrl,
      kinds: ['image'],
    });
    await recordCaptureImage(deps, fetch.postId, media, ['pending']);
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
  }
  return { kind: 'retry', why: error instanceof Error ? error.message : String(error) };
}

async function record(deps: MediaDeps, fetch: CaptureImageFetch, outcome: Outcome, result: FetchRunResult): Promise<void> {
  const row = deps.knex('captureImageFetches').where({ postId: fetch.postId, state: 'pending' });
  if (outcome.kind === 'done') {
    result.done++;
    return;
  }
  if (outcome.kind === 'retry' && fetch.attempts < MAX_ATTEMPTS) {
    result.retried++;
    deps.logger.info('capture image fetch will be retried', { postId: fetch.postId, attempt: fetch.attempts, why: outcome.why });
    await row.update({ lockedUntil: null, nextAttemptAt: new Date(Date.now() + 30_000 * 4 ** (fetch.attempts - 1)), updatedAt: deps.knex.fn.now() });
    return;
  }
  const reason: MediaFetchReason = outcome.kind === 'stuck' ? outcome.reason : 'unreachable';
  const state = BROWSER_REASONS.has(reason) ? 'needs_browser' : 'failed';
  if (state === 'needs_browser') result.needsBrowser++;
  else result.failed++;
  deps.logger.info('capture image not fetched by the service', { postId: fetch.postId, state, reason });
  await row.update({ state, reason, message: FETCH_MESSAGES[reason], lockedUntil: null, updatedAt: deps.knex.fn.now() });
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
