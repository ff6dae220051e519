import type { Knex } from 'knex';
import type { z } from 'zod';
import type { UpdatePostInput } from '#shared/api/posts.js';
import type { PostWithAuthor } from '../models/post.js';
import { changePost } from './find-post.js';

/** Edits a post's title, text or hashtags (only the fields given). */
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
  return changePost(knex, workspaceId, postId, set);
}
