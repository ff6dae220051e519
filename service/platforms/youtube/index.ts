import { PlatformError } from '../lib/errors.js';
import type { Platform } from '../types.js';
import { youtubeChannels } from './channel.js';
import { readYouTubeError } from './errors.js';
import { videoMetrics } from './metrics.js';
import { googleRevoke, googleTokenRequest, YOUTUBE_SCOPES, youtubeAuthorizeUrl } from './oauth.js';
import { publishVideo } from './publish.js';
import { reconcileVideo } from './reconcile.js';
import { CHUNK_UNIT } from './resumable.js';

/** 8 MiB upload chunks: few requests, and little to resend after a dropped connection. */
const DEFAULT_CHUNK_BYTES = 32 * CHUNK_UNIT;

/**
 * YouTube (Data API v3 with Google OAuth): PKCE and offline access, non-rotating refresh tokens,
 * revocation, the account's channel, resumable video uploads (session checkpointed and probed on
 * resume and reconcile), duplicate rejection as invalid content, statistics. `chunkBytes` (a multiple
 * of 256 KiB) exists so tests can exercise several chunks with small files.
 */
export function createYouTubePlatform(options: { chunkBytes?: number } = {}): Platform {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (chunkBytes % CHUNK_UNIT !== 0) throw new Error('YouTube upload chunks must be a multiple of 256 KiB');
  return {
    id: 'youtube',
    readVendorError: readYouTubeError,
    oauth: {
      scopes: YOUTUBE_SCOPES,
      pkce: true,
      authorizeUrl: youtubeAuthorizeUrl,
      exchangeCode: (context, request) =>
        googleTokenRequest(context, { grant_type: 'authorization_code', code: request.code, redirect_uri: request.redirectUri, code_verifier: request.codeVerifier ?? undefined }),
    },
    listAccounts: youtubeChannels,
    refresh: (context, tokens) => {
      if (!tokens.refreshToken) throw new PlatformError('auth', 'This YouTube connection cannot be renewed. Reconnect the YouTube channel.');
      return googleTokenRequest(context, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken }, tokens);
    },
    revoke: googleRevoke,
    publish: (context, account, content, checkpoint) => publishVideo(context, account, content, checkpoint, chunkBytes),
    reconcile: (context, account, content, checkpoint) => reconcileVideo(context, account, content, checkpoint),
    metrics: videoMetrics,
  };
}

/** The YouTube adapter the registry uses. */
export const youtubePlatform: Platform = createYouTubePlatform();
