import { isIP } from 'node:net';
import type { Knex } from 'knex';
import type { MediaFetchReason } from '#shared/api/media.js';
import { discard } from './ingest.js';
import type { MediaDeps } from './deps.js';
import { insertMedia, type StoredMedia } from '../actions/upload-media.js';
import { assertCanStore } from '../billing/limits.js';
import { classifyAddress, parseAllowlist } from '../lib/safe-fetch-address.js';
import { putMediaFirst } from './post-media.js';

/** The kinds of file a capture brings into the library: an image capture's image, a video capture's video. */
export type CaptureMediaKind = 'image' | 'video';

/** The library's types per kind, in the words the messages use. */
const TYPE_NAMES: Record<CaptureMediaKind, string> = { image: 'a JPEG, PNG, GIF or WebP image', video: 'an MP4, MOV or WebM video' };

/** Why the service will not fetch a captured image or video itself, in words shown on the draft. */
export function fetchMessage(kind: CaptureMediaKind, reason: MediaFetchReason): string {
  const the = kind === 'image' ? 'The image' : 'The video';
  const its = kind === 'image' ? 'The image’s' : 'The video’s';
  const messages: Record<MediaFetchReason, string> = {
    private_address: `${the} is on a private or local network address, which the service does not fetch from. The browser supplies it.`,
    origin_refused: `${its} site refused the service (it needs your sign-in). The browser supplies it.`,
    host_not_found: `${its} site cannot be found from the service (an intranet name?). The browser supplies it.`,
    not_found: `${the} is no longer at its address.`,
    too_large: `${the} is larger than the library accepts.`,
    type_not_allowed: `The file at that address is not ${TYPE_NAMES[kind]}.`,
    unreadable: `${the} could not be read; it may be damaged.`,
    unreachable: `${its} site did not answer after several tries.`,
    plan_limit: `${the} was not added: the workspace’s plan has no storage left. Upgrade the plan or remove files from the library.`,
  };
  return messages[reason];
}

/** Reasons the browser can do something about (it has the person's cookies and network). */
export const BROWSER_REASONS: ReadonlySet<MediaFetchReason> = new Set(['private_address', 'origin_refused', 'host_not_found']);

/**
 * Hosts that can only be on the person's own network: answered 'needs_browser' at capture time,
 * without asking DNS (the capture route stays a single INSERT). Everything else the job checks properly.
 * `allowedAddresses` is the test/development allowlist (MEDIA_FETCH_ALLOWED_ADDRESSES).
 */
export function obviouslyPrivateHost(url: string, allowedAddresses: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  } catch {
    return false;
  }
  if (isIP(host)) return !classifyAddress(host, parseAllowlist(allowedAddresses)).allowed;
  if (host === 'localhost' || /\.(localhost|local|internal|lan|home\.arpa|intranet|corp)$/.test(host)) return true;
  // A name without a dot is resolved through the person's search domains: an intranet host.
  return !host.includes('.');
}

/**
 * Records a fetched (or browser-supplied) image or video: within one short transaction, if the fetch is
 * still open (`pending`, `needs_browser` or `failed`), writes the medium's row, puts it first in the draft
 * and marks the fetch done. Returns false — and removes the stored files — when the fetch was already
 * done (the browser and the job both delivered) or the draft is gone; throws plan_limit_reached (files
 * removed too) when the workspace's plan has no storage left for it.
 */
export async function recordCaptureMedia(
  deps: Pick<MediaDeps, 'knex' | 'storage' | 'config'>,
  postId: string,
  media: StoredMedia,
  allowedStates: ReadonlyArray<'pending' | 'needs_browser' | 'failed'>,
): Promise<boolean> {
  let recorded = false;
  try {
    recorded = await deps.knex.transaction(async (trx: Knex.Transaction) => {
      const fetch = await trx('captureMediaFetches').where({ postId }).forUpdate().first('state', 'workspaceId');
      if (!fetch || !allowedStates.includes(fetch.state) || fetch.workspaceId !== media.file.workspaceId) return false;
      await trx('posts').where({ id: postId }).forUpdate().first('id');
      // The plan's storage counts captured files like uploaded ones (issue 7): 402 plan_limit_reached.
      await assertCanStore(trx, deps.config, media.file.workspaceId, media.stored.sizeBytes);
      const row = await insertMedia(trx, media);
      await putMediaFirst(trx, media.file.workspaceId, postId, row.id);
      await trx('captureMediaFetches')
        .where({ postId })
        .update({ state: 'done', reason: null, message: null, mediaId: row.id, lockedUntil: null, updatedAt: trx.fn.now() });
      return true;
    });
  } finally {
    if (!recorded) await discard(deps.storage, media.stored);
  }
  return recorded;
}
