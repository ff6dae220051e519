import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import type { PostWithAuthor } from '../models/post.js';

const POST_COLUMNS = [
  'p.id', 'p.workspaceId', 'p.createdBy', 'p.status', 'p.title', 'p.body', 'p.hashtags', 'p.source',
  'p.createdAt', 'p.updatedAt', 'p.archivedAt', 'u.firstName as authorFirstName', 'u.lastName as authorLastName',
];

/** Posts (aliased `p`) joined with their author's name; `from` may be a CTE name (e.g. an UPDATE … RETURNING). */
export function selectPostsWithAuthor(knex: Knex, from = 'posts'): Knex.QueryBuilder {
  return knex.from(`${from} as p`).leftJoin('users as u', 'u.id', 'p.createdBy').select(POST_COLUMNS);
}

/** One post of the workspace; 404 for a post of another workspace, exactly like an unknown id (P14). */
export async function findPost(knex: Knex, workspaceId: string, postId: string): Promise<PostWithAuthor> {
  const post = (await selectPostsWithAuthor(knex).where({ 'p.id': postId, 'p.workspaceId': workspaceId }).first()) as
    | PostWithAuthor
    | undefined;
  if (!post) throw new HttpError('not_found', { en: 'We could not find that post.', de: 'Wir konnten diesen Beitrag nicht finden.' });
  return post;
}

/**
 * Updates one post of the workspace and returns it with its author, in one statement
 * (`WITH p AS (UPDATE … RETURNING *) SELECT …`); 404 when the workspace has no such post.
 */
export async function changePost(
  knex: Knex,
  workspaceId: string,
  postId: string,
  changes: Record<string, unknown>,
): Promise<PostWithAuthor> {
  const post = (await selectPostsWithAuthor(knex, 'changed')
    .with('changed', (update) =>
      update
        .from('posts')
        .where({ id: postId, workspaceId })
        .update({ ...changes, updatedAt: knex.fn.now() })
        .returning('*'),
    )
    .first()) as PostWithAuthor | undefined;
  if (!post) throw new HttpError('not_found', { en: 'We could not find that post.', de: 'Wir konnten diesen Beitrag nicht finden.' });
  return post;
}
