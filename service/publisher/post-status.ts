import type { Knex } from 'knex';

/**
 * Brings a post's status in line with its targets after one of them finished: 'published' when every
 * target went out, 'failed' when any failed (someone has to look), otherwise it stays 'scheduled'.
 * Drafted and cancelled targets do not count. Only posts in a publishing status are touched (never a
 * draft or an archived post), and only when the status changes.
 */
export async function refreshPostStatus(trx: Knex | Knex.Transaction, postId: string): Promise<void> {
  await trx.raw(
    `update posts p
        set status = s.next, updated_at = now()
       from (select case when bool_and(status = 'published') then 'published'
                         when bool_or(status = 'failed') then 'failed'
                         else 'scheduled' end as next
               from post_targets
              where post_id = :postId and status not in ('draft', 'cancelled')
             having count(*) > 0) s
      where p.id = :postId and p.status in ('scheduled', 'published', 'failed') and p.status <> s.next`,
    { postId },
  );
}
