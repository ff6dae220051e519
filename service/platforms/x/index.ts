import type { Platform } from '../types.js';
import { listXAccounts } from './account.js';
import { xMetrics } from './metrics.js';
import { refreshXTokens, revokeXTokens, xOAuth } from './oauth.js';
import { publishToX } from './publish.js';
import { reconcileX } from './reconcile.js';
import { readXError } from './errors.js';

/**
 * X (API v2, OAuth 2.0 with PKCE): posts and threads with up to 4 images or one video/GIF uploaded in
 * chunks; single-use refresh tokens; revocation; public metrics. X takes no idempotency key, so the
 * checkpoint (part ids) and reconcile (the account's recent posts) are what prevent a second post.
 */
export const xPlatform: Platform = {
  id: 'x',
  readVendorError: readXError,
  oauth: xOAuth,
  listAccounts: listXAccounts,
  refresh: refreshXTokens,
  revoke: revokeXTokens,
  publish: (ctx, account, content, checkpoint) => publishToX(ctx, account, content, checkpoint),
  reconcile: reconcileX,
  metrics: xMetrics,
};
