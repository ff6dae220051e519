import { randomBytes } from 'node:crypto';
import type Router from '@koa/router';
import type { AppState } from '../../../context.js';
import type { SimPerson } from '../kit/directory.js';
import type { NetworkSimulator } from '../kit/types.js';
import { authed } from './auth.js';
import { MAX_CHUNK, MIN_CHUNK, PRIVACY_LEVELS, tiktokError, tiktokOk, type SimPublish } from './world.js';

const DAY_MS = 24 * 3600 * 1000;
/** Marks a string that goes out as a bare JSON number. */
const BIG_NUMBER = 'bignumber:';

interface InitBody {
  post_info?: { title?: string; privacy_level?: string };
  source_info?: { source?: string; video_size?: number; chunk_size?: number; total_chunk_count?: number; video_url?: string };
}

/**
 * Direct Post: `creator_info/query/`, `video/init/` (FILE_UPLOAD with TikTok's chunk rules; PULL_FROM_URL
 * is refused as from an unverified domain) and `status/fetch/`. The same caption and video size as a video
 * the same creator finished uploading within a day is refused as `spam_risk_text`, TikTok's spam answer for repeated content.
 */
export function registerDirectPost(router: Router<AppState>, sim: Pick<NetworkSimulator, 'store' | 'directory'>, publishes: Map<string, SimPublish>, openIdOf: (person: SimPerson) => string, baseUrl: string): void {
  router.post(
    '/v2/post/publish/creator_info/query/',
    authed(sim, (ctx, person) => {
      tiktokOk(ctx, {
        creator_avatar_url: person.avatarUrl,
        creator_username: person.username,
        creator_nickname: person.name,
        privacy_level_options: PRIVACY_LEVELS,
        comment_disabled: false,
        duet_disabled: false,
        stitch_disabled: true,
        max_video_post_duration_sec: 600,
      });
    }),
  );

  router.post(
    '/v2/post/publish/video/init/',
    authed(sim, (ctx, person) => {
      const body = ((ctx.request as { body?: unknown }).body ?? {}) as InitBody;
      const source = body.source_info ?? {};
      const title = body.post_info?.title ?? '';
      const privacyLevel = body.post_info?.privacy_level ?? '';
      if (!PRIVACY_LEVELS.includes(privacyLevel)) return tiktokError(ctx, 400, 'privacy_level_option_mismatch', 'privacy_level is not one of the creator’s options.');
      if (source.source === 'PULL_FROM_URL') return tiktokError(ctx, 403, 'url_ownership_unverified', 'The domain of video_url is not verified for this app.');
      const problem = chunkProblem(source);
      if (source.source !== 'FILE_UPLOAD' || problem) return tiktokError(ctx, 400, 'invalid_params', problem ?? 'source_info.source must be FILE_UPLOAD or PULL_FROM_URL.');
      const openId = openIdOf(person);
      const repeated = [...publishes.values()].some(
        (earlier) => earlier.openId === openId && earlier.title === title && earlier.videoSize === source.video_size && earlier.postId !== null && Date.now() - earlier.createdAt < DAY_MS,
      );
      if (repeated) return tiktokError(ctx, 403, 'spam_risk_text', 'This content was already posted recently.');
      const publish: SimPublish = {
        publishId: `v_pub_file~v2-1.${randomBytes(9).toString('hex')}`,
        openId,
        uploadId: randomBytes(9).toString('hex'),
        uploadToken: randomBytes(12).toString('base64url'),
        title,
        privacyLevel,
        videoSize: source.video_size!,
        chunkSize: source.chunk_size!,
        totalChunks: source.total_chunk_count!,
        uploadedBytes: 0,
        status: 'PROCESSING_UPLOAD',
        reads: 0,
        postId: null,
        createdAt: Date.now(),
      };
      publishes.set(publish.publishId, publish);
      tiktokOk(ctx, { publish_id: publish.publishId, upload_url: `${baseUrl}/upload/video/?upload_id=${publish.uploadId}&upload_token=${publish.uploadToken}` });
    }),
  );

  router.post(
    '/v2/post/publish/status/fetch/',
    authed(sim, (ctx, person) => {
      const publishId = ((ctx.request as { body?: { publish_id?: string } }).body ?? {}).publish_id;
      const publish = publishId ? publishes.get(publishId) : undefined;
      if (!publish || publish.openId !== openIdOf(person)) return tiktokError(ctx, 400, 'invalid_publish_id', 'publish_id does not exist.');
      if (publish.status === 'PROCESSING_UPLOAD' && publish.postId && ++publish.reads >= 2) publish.status = 'PUBLISH_COMPLETE';
      tiktokOk(ctx, {
        status: publish.status,
        uploaded_bytes: publish.uploadedBytes,
        ...(publish.status === 'PUBLISH_COMPLETE' ? { publicaly_available_post_id: [`${BIG_NUMBER}${publish.postId}`] } : {}),
        ...(publish.status === 'FAILED' ? { fail_reason: 'upload_expired' } : {}),
      });
      // TikTok sends post ids as bare 64-bit JSON numbers, which JSON.stringify cannot write exactly.
      ctx.type = 'json';
      ctx.body = JSON.stringify(ctx.body).replace(new RegExp(`"${BIG_NUMBER}(\\d+)"`, 'g'), '$1');
    }),
  );
}

function chunkProblem(source: NonNullable<InitBody['source_info']>): string | null {
  const { video_size: size, chunk_size: chunk, total_chunk_count: count } = source;
  if (!Number.isInteger(size) || !Number.isInteger(chunk) || !Number.isInteger(count) || size! <= 0) return 'video_size, chunk_size and total_chunk_count are required integers.';
  if (size! < MIN_CHUNK) return chunk === size && count === 1 ? null : 'A video under 5 MB is uploaded in one chunk of its whole size.';
  if (chunk! < MIN_CHUNK || chunk! > MAX_CHUNK) return 'chunk_size must be between 5 MB and 64 MB.';
  if (count !== Math.floor(size! / chunk!) || count! > 1000) return 'total_chunk_count must be floor(video_size / chunk_size), at most 1000.';
  return null;
}
