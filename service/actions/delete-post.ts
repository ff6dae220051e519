import type { Knex } from 'knex';
import { HttpError } from '../errors.js';

/** Deletes a post for good; 404 when the workspace has no such post. */
export async function deletePost(knex: Knex, workspaceId: string, postId: string): Promise<void> {
  const count = await knex('posts').where({ id: postId, workspaceId }).delete();
  if (count === 0) throw new HttpError('not_found', { en: 'We could not find that post.', de: 'Wir konnten diesen Beitrag nicht finden.' });
}
