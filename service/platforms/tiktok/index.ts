import type { Platform } from '../types.js';
import { tiktokAccounts } from './account.js';
import { readTikTokError } from './errors.js';
import { tiktokMetrics } from './metrics.js';
import { TIKTOK_SCOPES, tiktokAuthorizeUrl, tiktokRevoke, tiktokTokenRequest } from './oauth.js';
import { publishTikTok, type TikTokPacing } from './publish.js';
import { reconcileTikTok } from './reconcile.js';
import { PlatformError } from '../lib/errors.js';

const DEFAULT_PACING: TikTokPacing = { chunkBytes: 10 * 1024 * 1024, statusBudgetMs: 2 * 60_000, firstPollDelayMs: 2000 };

/**
 * TikTok (Login Kit v2 + Content Posting API, Direct Post): rotating single-use refresh tokens,
 * revocation, the creator's profile, chunked FILE_UPLOAD with the publish_id checkpointed, status-based
 * reconcile, video counts. `pacing` lets tests use small chunks and short waits.
 */
export function createTikTokPlatform(pacing: Partial<TikTokPacing> = {}): Platform {
  const paced = { ...DEFAULT_PACING, ...pacing };
  return {
    id: 'tiktok',
    readVendorError: readTikTokError,
    oauth: {
      scopes: TIKTOK_SCOPES,
      pkce: false,
      authorizeUrl: tiktokAuthorizeUrl,
      exchangeCode: (context, request) => tiktokTokenRequest(context, { grant_type: 'authorization_code', code: request.code, redirect_uri: request.redirectUri }),
    },
    listAccounts: tiktokAccounts,
    refresh: (context, tokens) => {
      if (!tokens.refreshToken) throw new PlatformError('auth', 'This TikTok connection cannot be renewed. Reconnect the TikTok account.');
      return tiktokTokenRequest(context, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken });
    },
    revoke: tiktokRevoke,
    publish: (context, account, content, checkpoint) => publishTikTok(context, account, content, checkpoint, paced),
    reconcile: (context, account, content, checkpoint) => reconcileTikTok(context, account, content, checkpoint),
    metrics: tiktokMetrics,
  };
}

/** The TikTok adapter the registry uses. */
export const tiktokPlatform: Platform = createTikTokPlatform();
