import { DEFAULT_POLL_TIMING, type PollTiming } from '../meta/poll.js';
import type { Platform } from '../types.js';
import { listFacebookPages } from './accounts.js';
import { facebookMetrics } from './metrics.js';
import { exchangeFacebookCode, FACEBOOK_SCOPES, facebookAuthorizeUrl, revokeFacebook } from './oauth.js';
import { publishToPage } from './publish.js';
import { reconcileFacebook } from './reconcile.js';
import { readFacebookError } from './errors.js';

/**
 * Facebook Pages through the Graph API. No `refresh`: a Page token read with a long-lived user token does
 * not expire (it ends when the person removes the app or loses the Page role, and then only a reconnect
 * helps). `timing` bounds how long a publish waits for video processing before resuming later.
 */
export function createFacebookPlatform(timing: PollTiming = DEFAULT_POLL_TIMING): Platform {
  return {
    id: 'facebook',
    readVendorError: readFacebookError,
    oauth: { scopes: FACEBOOK_SCOPES, pkce: false, authorizeUrl: facebookAuthorizeUrl, exchangeCode: exchangeFacebookCode },
    listAccounts: listFacebookPages,
    revoke: revokeFacebook,
    publish: (context, account, content, checkpoint) => publishToPage(context, account, content, checkpoint, timing),
    reconcile: reconcileFacebook,
    metrics: facebookMetrics,
  };
}

/** The Facebook adapter with production timing. */
export const facebookPlatform: Platform = createFacebookPlatform();
