import { PlatformError } from '../lib/errors.js';
import { atMostOnce } from '../meta/at-most-once.js';
import { readFieldQuietly, requireString } from '../meta/graph.js';
import { pollUntil, type PollTiming } from '../meta/poll.js';
import type { AccountHandle, Checkpoint, PlatformContext, PublishContent, PublishMedia, PublishResult } from '../types.js';

/** What a Page publish remembers between attempts (post_targets.progress). */
interface FacebookProgress {
  /** Photos uploaded unpublished, in order, to attach to the feed post. */
  photoIds?: string[];
  /** The published post (or video): once set, nothing is created again. */
  postId?: string;
  firstCommentSent?: boolean;
}

/**
 * Publishes to a Page (reference §2 "Publish flow"): text → `/feed`; photos → each staged unpublished
 * with `/photos`, then one `/feed` post attaching them; a video → `/videos` with its public URL, then
 * its processing is polled. The creating request is the only irreversible one; the checkpoint holds the
 * staged photos and the post id, so a resumed attempt never stages or posts twice.
 */
export async function publishToPage(context: PlatformContext, account: AccountHandle, content: PublishContent, checkpoint: Checkpoint, timing: PollTiming): Promise<PublishResult> {
  const api = context.settings.apiUrl;
  const token = account.tokens.accessToken;
  const { photos, video } = splitMedia(content.media);
  const progress = checkpoint.state as FacebookProgress;
  let postId = progress.postId;
  if (!postId) {
    postId = video ? await createVideo(context, account, content, video) : await createFeedPost(context, account, content, await stagePhotos(context, account, photos, checkpoint));
    await checkpoint.save({ postId });
  }
  if (video) await waitForVideo(context, postId, token, timing);
  if (content.firstComment) {
    const message = content.firstComment;
    await atMostOnce(context, checkpoint, 'firstCommentSent', async () => {
      await context.http.request({ method: 'POST', url: `${api}/${postId}/comments`, form: { message }, bearer: token, irreversible: true });
    });
  }
  return { remoteId: postId, url: await facebookPermalink(context, postId, token) };
}

/** The post's address on Facebook: its permalink_url (absolute or site-relative), else facebook.com/{id}. */
export async function facebookPermalink(context: PlatformContext, postId: string, token: string): Promise<string> {
  const permalink = await readFieldQuietly(context, `${context.settings.apiUrl}/${postId}`, 'permalink_url', token);
  if (!permalink) return `https://www.facebook.com/${postId}`;
  return permalink.startsWith('/') ? `https://www.facebook.com${permalink}` : permalink;
}

function splitMedia(media: PublishMedia[]): { photos: PublishMedia[]; video: PublishMedia | null } {
  const photos = media.filter((item) => item.kind === 'image');
  const videos = media.filter((item) => item.kind === 'video');
  if (media.some((item) => item.kind === 'document')) {
    throw new PlatformError('invalid_content', 'Facebook Pages cannot publish documents. Remove the document from this post.');
  }
  if (videos.length > 1 || (videos.length === 1 && photos.length > 0)) {
    throw new PlatformError('invalid_content', 'A Facebook post carries either photos or one video. Keep one video, or only photos.');
  }
  return { photos, video: videos[0] ?? null };
}

/** Uploads each photo unpublished (Facebook fetches its public URL); saved one by one so none is staged twice. */
async function stagePhotos(context: PlatformContext, account: AccountHandle, photos: PublishMedia[], checkpoint: Checkpoint): Promise<string[]> {
  const staged = [...((checkpoint.state as FacebookProgress).photoIds ?? [])];
  for (const photo of photos.slice(staged.length)) {
    const response = await context.http.request({
      method: 'POST',
      url: `${context.settings.apiUrl}/${account.remoteId}/photos`,
      form: { url: photo.publicUrl, published: 'false' },
      bearer: account.tokens.accessToken,
    });
    staged.push(requireString(response.json, 'id', 'Facebook'));
    await checkpoint.save({ photoIds: staged });
  }
  return staged;
}

async function createFeedPost(context: PlatformContext, account: AccountHandle, content: PublishContent, photoIds: string[]): Promise<string> {
  const form: Record<string, string> = { message: content.text };
  // Graph's form encoding of an array of objects: attached_media[0]={"media_fbid":"…"}.
  photoIds.forEach((id, index) => (form[`attached_media[${index}]`] = JSON.stringify({ media_fbid: id })));
  const response = await context.http.request({ method: 'POST', url: `${context.settings.apiUrl}/${account.remoteId}/feed`, form, bearer: account.tokens.accessToken, irreversible: true });
  return requireString(response.json, 'id', 'Facebook');
}

async function createVideo(context: PlatformContext, account: AccountHandle, content: PublishContent, video: PublishMedia): Promise<string> {
  const response = await context.http.request({
    method: 'POST',
    url: `${context.settings.apiUrl}/${account.remoteId}/videos`,
    form: { file_url: video.publicUrl, description: content.text, title: content.title ?? undefined, published: 'true' },
    bearer: account.tokens.accessToken,
    irreversible: true,
  });
  return requireString(response.json, 'id', 'Facebook');
}

/** Facebook processes a video after accepting it; `error` there means the post will never appear. */
async function waitForVideo(context: PlatformContext, videoId: string, token: string, timing: PollTiming): Promise<void> {
  await pollUntil(
    async () => {
      const response = await context.http.request({ method: 'GET', url: `${context.settings.apiUrl}/${videoId}`, query: { fields: 'status' }, bearer: token });
      const state = (response.json as { status?: { video_status?: string } }).status?.video_status;
      if (state === 'error') throw new PlatformError('invalid_content', 'Facebook could not process this video. Check its format (MP4, H.264) and try another file.');
      return state === 'ready' ? true : undefined;
    },
    timing,
    'Facebook’s processing of the video',
    context.signal,
  );
}
