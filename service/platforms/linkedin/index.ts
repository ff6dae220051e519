import type { Platform } from '../types.js';
import { listLinkedInAccounts } from './accounts.js';
import { readLinkedInError } from './errors.js';
import { linkedInMetrics } from './metrics.js';
import { linkedInOAuth, refreshLinkedInTokens, revokeLinkedInTokens } from './oauth.js';
import { publishToLinkedIn } from './publish.js';
import { reconcileLinkedIn } from './reconcile.js';

/**
 * LinkedIn (Posts, Images, Videos and Documents APIs, versioned `/rest`): posts as the member or a Page
 * they administer; 60-day tokens, refreshable only for partner apps; revocation; Page share statistics
 * and member post reactions. No idempotency key exists: the checkpoint and reconcile prevent doubles.
 */
export const linkedinPlatform: Platform = {
  id: 'linkedin',
  readVendorError: readLinkedInError,
  oauth: linkedInOAuth,
  listAccounts: listLinkedInAccounts,
  refresh: refreshLinkedInTokens,
  revoke: revokeLinkedInTokens,
  publish: (ctx, account, content, checkpoint) => publishToLinkedIn(ctx, account, content, checkpoint),
  reconcile: reconcileLinkedIn,
  metrics: linkedInMetrics,
};
