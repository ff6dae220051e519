import type { Knex } from 'knex';
import type { PostStatus } from '#shared/api/posts.js';
import type { AccountStatus, TargetStatus } from '#shared/platforms.js';
import type { MediaFacts } from '#shared/publishing/content.js';
import { HttpError } from '../errors.js';
import type { PostTarget } from '../models/post-target.js';

/** What scheduling reads of a post. */
export interface PostForTargets {
  id: string;
  status: PostStatus;
  title: string | null;
  body: string;
  hashtags: string[];
}

/** A target with the account it goes to (what the presenter shows). */
export type TargetRow = PostTarget & {
  accountName: string;
  accountUsername: string | null;
  accountAvatarUrl: string | null;
  accountStatus: AccountStatus;
};

/** Statuses a person may still change; 'publishing' is held by a worker, 'published' is history. */
export const CHANGEABLE_STATUSES: readonly TargetStatus[] = ['draft', 'scheduled', 'failed', 'unconfirmed'];

/**
 * Locks the post (FOR UPDATE, so two schedule requests for one post run one after the other) and returns
 * it; 404 for a post of another workspace, exactly like an unknown id (P14).
 */
export async function lockPost(trx: Knex.Transaction, workspaceId: string, postId: string): Promise<PostForTargets> {
  const post = (await trx('posts').where({ id: postId, workspaceId }).forUpdate().first('id', 'status', 'title', 'body', 'hashtags')) as PostForTargets | undefined;
  if (!post) throw new HttpError('not_found', { en: 'We could not find that post.', de: 'Wir konnten diesen Beitrag nicht finden.' });
  return post;
}

/** The targets of a post with their accounts, in the order they were added; `lock` takes their row locks. */
export async function loadTargets(knex: Knex, postId: string, options: { lock?: boolean; targetId?: string } = {}): Promise<TargetRow[]> {
  const query = knex('postTargets as t')
    .join('connectedAccounts as a', 'a.id', 't.accountId')
    .where('t.postId', postId)
    .orderBy([{ column: 't.createdAt' }, { column: 't.id' }])
    .select('t.*', 'a.name as accountName', 'a.username as accountUsername', 'a.avatarUrl as accountAvatarUrl', 'a.status as accountStatus');
  if (options.targetId) query.where('t.id', options.targetId);
  if (options.lock) query.forUpdate('t');
  return (await query) as TargetRow[];
}

/** One target of a post of the workspace; 404 when there is none (or it belongs elsewhere). */
export async function loadTarget(trx: Knex.Transaction, workspaceId: string, postId: string, targetId: string): Promise<TargetRow> {
  await lockPost(trx, workspaceId, postId);
  const [target] = await loadTargets(trx, postId, { lock: true, targetId });
  if (!target) throw new HttpError('not_found', { en: 'We could not find that channel of the post.', de: 'Wir konnten diesen Kanal des Beitrags nicht finden.' });
  return target;
}

/** The post's media in order, as the content rules see them. */
export async function loadMediaFacts(knex: Knex, postId: string): Promise<MediaFacts[]> {
  const rows = (await knex('postMedia as pm')
    .join('media as m', 'm.id', 'pm.mediaId')
    .where('pm.postId', postId)
    .orderBy('pm.position')
    .select('m.kind', 'm.mimeType', 'm.sizeBytes', 'm.width', 'm.height', 'm.durationSeconds', 'm.originalFilename')) as (Omit<MediaFacts, 'name' | 'sizeBytes'> & {
    sizeBytes: string | number;
    originalFilename: string | null;
  })[];
  // bigint arrives as a string; durations as numeric may too.
  return rows.map(({ originalFilename, ...row }) => ({
    ...row,
    sizeBytes: Number(row.sizeBytes),
    durationSeconds: row.durationSeconds === null ? null : Number(row.durationSeconds),
    name: originalFilename,
  }));
}

