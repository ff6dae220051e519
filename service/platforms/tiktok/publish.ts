import { PlatformError } from '../lib/errors.js';
import type { AccountHandle, Checkpoint, PlatformContext, PlatformSettings, PublishContent, PublishMedia, PublishResult } from '../types.js';
import { chunkPlan, planChunks } from './chunks.js';
import { awaitPublished, fetchPublishStatus } from './status.js';

/** How the Direct Post flow is paced; tests shorten the waits. */
export interface TikTokPacing {
  /** Preferred chunk size (clamped to TikTok's 5–64 MB). */
  chunkBytes: number;
  /** How long one attempt waits for moderation before handing back to the publisher. */
  statusBudgetMs: number;
  firstPollDelayMs: number;
}

/** The address of a public TikTok post (none in sandbox mode). */
export function tiktokResult(settings: PlatformSettings, username: string | null, postId: string): PublishResult {
  return { remoteId: postId, url: settings.sandbox || !username ? null : `https://www.tiktok.com/@${username}/video/${postId}` };
}

/**
 * Direct Post of a video: creator info (required before every post; the chosen privacy level must be
 * one it offers) → `video/init/` (FILE_UPLOAD) → chunked PUTs → status by publish_id. The publish_id is
 * checkpointed right after init; a resumed attempt asks its status first: complete → done, all bytes
 * up → only wait, bytes missing → the upload URL is not kept (it holds a token), so a new init starts
 * over — the unfinished one never publishes. The PUT carrying the last byte is the irreversible request.
 */
export async function publishTikTok(context: PlatformContext, account: AccountHandle, content: PublishContent, checkpoint: Checkpoint, pacing: TikTokPacing): Promise<PublishResult> {
  const video = content.media.find((media) => media.kind === 'video');
  if (!video) throw new PlatformError('invalid_content', 'A TikTok post needs a video. Add one and try again.');
  const creator = await creatorInfo(context, account);
  const privacyLevel = content.options.privacyLevel;
  if (typeof privacyLevel !== 'string' || !creator.privacy_level_options.includes(privacyLevel)) {
    throw new PlatformError('invalid_content', `Choose who can see this TikTok post: ${creator.privacy_level_options.join(', ')}.`);
  }
  const finish = async (publishId: string) => tiktokResult(context.settings, creator.creator_username ?? null, await awaitPublished(context, account, publishId, pacing.statusBudgetMs, pacing.firstPollDelayMs));

  const saved = typeof checkpoint.state.publishId === 'string' ? checkpoint.state.publishId : null;
  if (saved) {
    const status = await fetchPublishStatus(context, account, saved);
    if (status.status !== 'FAILED' && (status.status !== 'PROCESSING_UPLOAD' || status.uploaded_bytes === video.sizeBytes)) return finish(saved);
  }
  const plan = chunkPlan(video.sizeBytes, pacing.chunkBytes);
  const init = await context.http.request({
    method: 'POST',
    url: `${context.settings.apiUrl}/v2/post/publish/video/init/`,
    bearer: account.tokens.accessToken,
    headers: { 'content-type': 'application/json; charset=UTF-8' },
    json: {
      post_info: { title: content.text, privacy_level: privacyLevel, disable_comment: creator.comment_disabled, disable_duet: creator.duet_disabled, disable_stitch: creator.stitch_disabled },
      source_info: { source: 'FILE_UPLOAD', video_size: video.sizeBytes, chunk_size: plan.chunkSize, total_chunk_count: plan.count },
    },
  });
  const { publish_id: publishId, upload_url: uploadUrl } = (init.json as { data: { publish_id: string; upload_url: string } }).data;
  await checkpoint.save({ publishId });
  await uploadChunks(context, video, uploadUrl, plan);
  return finish(publishId);
}

interface CreatorInfo {
  creator_username?: string;
  privacy_level_options: string[];
  comment_disabled: boolean;
  duet_disabled: boolean;
  stitch_disabled: boolean;
}

async function creatorInfo(context: PlatformContext, account: AccountHandle): Promise<CreatorInfo> {
  const response = await context.http.request({
    method: 'POST',
    url: `${context.settings.apiUrl}/v2/post/publish/creator_info/query/`,
    bearer: account.tokens.accessToken,
    headers: { 'content-type': 'application/json; charset=UTF-8' },
  });
  return (response.json as { data: CreatorInfo }).data;
}

async function uploadChunks(context: PlatformContext, video: PublishMedia, uploadUrl: string, plan: { chunkSize: number; count: number }): Promise<void> {
  const total = video.sizeBytes;
  for await (const { start, bytes } of planChunks(await video.open(), plan)) {
    const end = start + bytes.length;
    await context.http.request({
      method: 'PUT',
      url: uploadUrl,
      headers: { 'content-type': video.mimeType, 'content-range': `bytes ${start}-${end - 1}/${total}` },
      body: bytes,
      irreversible: end === total,
      timeoutMs: 10 * 60_000,
    });
  }
}
