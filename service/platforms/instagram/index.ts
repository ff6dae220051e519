import { DEFAULT_POLL_TIMING, type PollTiming } from '../meta/poll.js';
import type { Platform } from '../types.js';
import { listInstagramAccount } from './accounts.js';
import { readInstagramError } from './errors.js';
import { instagramMetrics } from './metrics.js';
import { exchangeInstagramCode, INSTAGRAM_SCOPES, instagramAuthorizeUrl, refreshInstagram } from './oauth.js';
import { publishToInstagram } from './publish.js';
import { reconcileInstagram } from './reconcile.js';

/**
 * Instagram professional accounts through the Instagram API with Instagram Login (graph.instagram.com).
 * No `revoke`: Instagram Login offers no revocation endpoint (reference §3); people remove the app in
 * Instagram's settings. `timing` bounds how long a publish waits for container processing.
 */
export function createInstagramPlatform(timing: PollTiming = DEFAULT_POLL_TIMING): Platform {
  return {
    id: 'instagram',
    readVendorError: readInstagramError,
    oauth: { scopes: INSTAGRAM_SCOPES, pkce: false, authorizeUrl: instagramAuthorizeUrl, exchangeCode: exchangeInstagramCode },
    listAccounts: listInstagramAccount,
    refresh: refreshInstagram,
    publish: (context, account, content, checkpoint) => publishToInstagram(context, account, content, checkpoint, timing),
    reconcile: reconcileInstagram,
    metrics: instagramMetrics,
  };
}

/** The Instagram adapter with production timing. */
export const instagramPlatform: Platform = createInstagramPlatform();
