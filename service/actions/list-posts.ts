import type { Knex } from 'knex';
import type { PostStatus } from '#shared/api/posts.js';
import { HttpError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../lib/cursor.js';
import type { PostWithAuthor } from '../models/post.js';
import { selectPostsWithAuthor } from './find-post.js';

/** A page of posts and the cursor of the next one (null on the last page). */
export interface PostsPage {
  items: PostWithAuthor[];
  nextCursor: string | null;
}

/**
 * The workspace's posts, newest first, optionally of one status. Keyset pagination on (created_at, id)
 * follows the index and stays correct while posts are added: a page never repeats or skips a post.
 */
export async function listPosts(
  knex: Knex,
  workspaceId: string,
  options: { status?: PostStatus | undefined; limit: number; cursor?: string | undefined },
): Promise<PostsPage> {
  const query = selectPostsWithAuthor(knex).where('p.workspaceId', workspaceId);
  if (options.status) query.where('p.status', options.status);
  if (options.cursor !== undefined) {
    const after = decodeCursor(options.cursor);
    if (!after) {
      throw new HttpError('validation_failed', { en: 'The cursor is not one this list gave out; start again from the first page.', de: 'Dieser Cursor stammt nicht aus dieser Liste; beginnen Sie wieder bei der ersten Seite.' }, [
        { path: 'cursor', message: { en: 'is not a cursor from a previous page', de: 'ist kein Cursor einer vorigen Seite' } },
      ]);
    }
    query.whereRaw('(p.created_at, p.id) < (?::timestamptz, ?::uuid)', [after.createdAt, after.id]);
  }
  const rows = (await query
    .orderBy([{ column: 'p.createdAt', order: 'desc' }, { column: 'p.id', order: 'desc' }])
    .limit(options.limit + 1)) as PostWithAuthor[];
  const items = rows.slice(0, options.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > options.limit && last ? encodeCursor(last) : null };
}
