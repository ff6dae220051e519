import { PlatformError } from '../lib/errors.js';
import type { AccountHandle, Checkpoint, PlatformContext, PublishContent, PublishMedia, PublishResult } from '../types.js';
import { encodeUrn, linkedInPostUrl, restRequest } from './api.js';
import { readLinkedInProgress } from './checkpoint.js';
import { toLittleText } from './little-text.js';
import { awaitAvailable, collectionOf, uploadLinkedInMedia } from './media.js';

/**
 * Publishes a post as the member or Page (`account.remoteId` is its URN) through the Posts API, with one
 * video or document, or one or more images, then the first comment when there is one. Resumable: media
 * URNs, the post URN (from `x-restli-id`) and the comment URN are saved as soon as LinkedIn returns them.
 * Creating the post and the comment are irreversible; a lost answer is reconciled, never resent.
 */
export async function publishToLinkedIn(ctx: PlatformContext, account: AccountHandle, content: PublishContent, checkpoint: Checkpoint): Promise<PublishResult> {
  const token = account.tokens.accessToken;
  const progress = readLinkedInProgress(checkpoint);
  let postUrn = progress.postUrn;
  if (!postUrn) {
    const mediaUrns = await mediaFor(ctx, account, content.media, checkpoint, progress.media);
    const response = await ctx.http.request(
      restRequest(ctx, token, { method: 'POST', path: '/posts', irreversible: true, json: postBody(account.remoteId, content, mediaUrns) }),
    );
    postUrn = response.headers.get('x-restli-id');
    if (!postUrn) throw new PlatformError('unknown_outcome', 'LinkedIn accepted the post without saying which one it is. We will check before trying again.', { httpStatus: response.status });
    await checkpoint.save({ postUrn });
  }
  if (content.firstComment && !progress.commentUrn) {
    const response = await ctx.http.request(
      restRequest(ctx, token, {
        method: 'POST',
        path: `/socialActions/${encodeUrn(postUrn)}/comments`,
        irreversible: true,
        json: { actor: account.remoteId, object: postUrn, message: { text: toLittleText(content.firstComment) } },
      }),
    );
    // Whatever LinkedIn calls it, the comment exists now: remember that, so a resumed attempt never adds a second.
    await checkpoint.save({ commentUrn: response.headers.get('x-restli-id') ?? (response.json as { id?: string } | null)?.id ?? 'created' });
  }
  return { remoteId: postUrn, url: linkedInPostUrl(postUrn) };
}

/** The Posts API body: one media, several images, or text only. */
export function postBody(author: string, content: PublishContent, mediaUrns: string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {
    author,
    commentary: toLittleText(content.text),
    visibility: 'PUBLIC',
    distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
    lifecycleState: 'PUBLISHED',
    isReshareDisabledByAuthor: false,
  };
  if (mediaUrns.length === 1) {
    const single = content.media[0]!;
    const title = content.title ?? (single.kind === 'document' ? (single.filename ?? 'Document') : null);
    body.content = { media: { id: mediaUrns[0], ...(title ? { title } : {}) } };
  } else if (mediaUrns.length > 1) {
    body.content = { multiImage: { images: mediaUrns.map((id) => ({ id })) } };
  }
  return body;
}

async function mediaFor(ctx: PlatformContext, account: AccountHandle, media: PublishMedia[], checkpoint: Checkpoint, uploaded: Record<string, string>): Promise<string[]> {
  if (media.length > 1 && media.some((item) => item.kind !== 'image')) {
    throw new PlatformError('invalid_content', 'A LinkedIn post takes one video or one document, or several images — not a mix. Change the media of this post.');
  }
  const urns: string[] = [];
  for (const item of media) {
    const earlier = uploaded[item.id];
    if (earlier) {
      await awaitAvailable(ctx, account.tokens.accessToken, collectionOf(item), earlier);
      urns.push(earlier);
      continue;
    }
    urns.push(
      await uploadLinkedInMedia(ctx, account.tokens.accessToken, account.remoteId, item, async (urn) => {
        uploaded[item.id] = urn;
        await checkpoint.save({ media: uploaded });
      }),
    );
  }
  return urns;
}
