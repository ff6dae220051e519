import { PlatformError } from '../lib/errors.js';
import type { Platform } from '../types.js';
import { pinterestAccounts } from './account.js';
import { readPinterestError } from './errors.js';
import { pinMetrics } from './metrics.js';
import { PINTEREST_SCOPES, pinterestAuthorizeUrl, pinterestTokenRequest } from './oauth.js';
import { publishPin } from './publish.js';
import { reconcilePin } from './reconcile.js';

export { listPinterestBoards, type PinterestBoard } from './account.js';

/**
 * Pinterest (API v5): OAuth with Basic-auth token requests and continuous refresh tokens, one profile
 * per connection with its boards as the board option, image / multi-image / video Pins, reconcile by
 * the board's recent Pins, lifetime Pin metrics. No `revoke`: Pinterest only revokes system-user
 * tokens; people disconnect the app in their Pinterest settings.
 */
export const pinterestPlatform: Platform = {
  id: 'pinterest',
  readVendorError: readPinterestError,
  oauth: {
    scopes: PINTEREST_SCOPES,
    pkce: false,
    authorizeUrl: (settings, request) => pinterestAuthorizeUrl(settings, request),
    exchangeCode: (context, request) => pinterestTokenRequest(context, { grant_type: 'authorization_code', code: request.code, redirect_uri: request.redirectUri }),
  },
  listAccounts: pinterestAccounts,
  refresh: (context, tokens) => {
    if (!tokens.refreshToken) throw new PlatformError('auth', 'This Pinterest connection cannot be renewed. Reconnect the Pinterest account.');
    return pinterestTokenRequest(context, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken }, tokens);
  },
  publish: (context, account, content, checkpoint) => publishPin(context, account, content, checkpoint),
  reconcile: reconcilePin,
  metrics: pinMetrics,
};
