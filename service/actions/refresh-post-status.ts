import type { Knex } from 'knex';
import type { PostStatus } from '#shared/api/posts.js';

/**
 * Sets a post's status from its targets — the one rule, for the scheduling actions and the publisher:
 * drafted and cancelled targets do not count; none left → 'draft'; any failed → 'failed' (someone has to
 * look); all published → 'published'; otherwise 'scheduled'. An archived post stays archived. Callers
 * hold the post's row lock (lockPost, or the publisher's locked refresh), so two targets finishing at
 * once cannot both read the other as unfinished.
 */
export async function refreshPostStatus(trx: Knex | Knex.Transaction, postId: string): Promise<PostStatus> {
  const { rows } = (await trx.raw(
    `with s as (
       select case when count(*) = 0 then 'draft'
                   when bool_or(status = 'failed') then 'failed'
                   when bool_and(status = 'published') then 'published'
                   else 'scheduled' end as next
         from post_targets
        where post_id = :postId and status not in ('draft', 'cancelled')
     ),
     changed as (
       update posts p set status = s.next, updated_at = now()
         from s
        where p.id = :postId and p.status <> 'archived' and p.status <> s.next
       returning p.status
     )
     select coalesce((select status from changed), (select status from posts where id = :postId)) as status`,
    { postId },
  )) as { rows: Array<{ status: PostStatus }> };
  return rows[0]!.status;
}
