import { DEFAULT_POLL_TIMING, type PollTiming } from '../meta/poll.js';
import type { Platform } from '../types.js';
import { listThreadsAccount } from './accounts.js';
import { readThreadsError } from './errors.js';
import { threadsMetrics } from './metrics.js';
import { exchangeThreadsCode, refreshThreads, THREADS_SCOPES, threadsAuthorizeUrl } from './oauth.js';
import { publishToThreads } from './publish.js';
import { reconcileThreads } from './reconcile.js';

/**
 * Threads through graph.threads.net. No `revoke`: Threads offers no revocation endpoint (reference §5);
 * people remove the app in their settings. Thread parts are published as a chain of replies.
 */
export function createThreadsPlatform(timing: PollTiming = DEFAULT_POLL_TIMING): Platform {
  return {
    id: 'threads',
    readVendorError: readThreadsError,
    oauth: { scopes: THREADS_SCOPES, pkce: false, authorizeUrl: threadsAuthorizeUrl, exchangeCode: exchangeThreadsCode },
    listAccounts: listThreadsAccount,
    refresh: refreshThreads,
    publish: (context, account, content, checkpoint) => publishToThreads(context, account, content, checkpoint, timing),
    reconcile: reconcileThreads,
    metrics: threadsMetrics,
  };
}

/** The Threads adapter with production timing. */
export const threadsPlatform: Platform = createThreadsPlatform();
