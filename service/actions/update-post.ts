import type { Knex } from 'knex';
import type { z } from 'zod';
import type { UpdatePostInput } from '#shared/api/posts.js';
import { setPostMedia } from '../media/post-media.js';
import type { PostWithAuthor } from '../models/post.js';
import { changePost } from './find-post.js';

/**
 * Edits a post's title, text, hashtags or media (only the fields given), in one transaction: `mediaIds`
 * replaces the post's media with those files of the workspace's library, in that order.
 */
export async function updatePost(
  knex: Knex,
  workspaceId: string,
  postId: string,
  changes: z.output<typeof UpdatePostInput>,
): Promise<PostWithAuthor> {
  const set: Record<string, unknown> = {};
  if (changes.title !== undefined) set.title = changes.title;
  if (changes.body !== undefined) set.body = changes.body;
  if (changes.hashtags !== undefined) set.hashtags = changes.hashtags;
  if (changes.mediaIds === undefined) return changePost(knex, workspaceId, postId, set);
  return knex.transaction(async (trx) => {
    // The post is updated (and so locked) first: a post of another workspace is a 404 before any media check.
    const post = await changePost(trx, workspaceId, postId, set);
    await setPostMedia(trx, workspaceId, postId, changes.mediaIds!);
    return post;
  });
}
