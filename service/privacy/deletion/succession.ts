import type { Knex } from 'knex';

/** What happens to one workspace the person owns when their account is deleted (P18). */
export type Succession =
  /** Nobody else is a member: it is deleted with all its content. */
  | { workspaceId: string; name: string; outcome: 'delete' }
  /** Another owner remains: the person only leaves. */
  | { workspaceId: string; name: string; outcome: 'keep' }
  /** No other owner: the longest-standing admin becomes owner. */
  | { workspaceId: string; name: string; outcome: 'pass'; heirId: string }
  /** Other members, but no owner or admin to take it over: the person must transfer ownership first. */
  | { workspaceId: string; name: string; outcome: 'blocked' };

/**
 * For each workspace `userId` owns, who carries it on. Only owners and admins may manage a workspace, so
 * ownership passes to an admin (the one who joined first), never silently to an editor or viewer: with
 * none, the person is asked to transfer ownership first.
 */
export async function planSuccession(knex: Knex, userId: string): Promise<Succession[]> {
  const rows = (await knex.raw(
    `select w.id as "workspaceId", w.name,
            count(m.user_id) filter (where m.user_id <> :userId) as "others",
            count(m.user_id) filter (where m.user_id <> :userId and m.role = 'owner') as "owners",
            (array_agg(m.user_id order by m.created_at, m.user_id) filter (where m.user_id <> :userId and m.role = 'admin'))[1] as "heirId"
       from workspaces w
       join memberships mine on mine.workspace_id = w.id and mine.user_id = :userId and mine.role = 'owner'
       join memberships m on m.workspace_id = w.id
      group by w.id, w.name
      order by w.name, w.id`,
    { userId },
  )) as { rows: Array<{ workspaceId: string; name: string; others: string; owners: string; heirId: string | null }> };
  return rows.rows.map(({ workspaceId, name, others, owners, heirId }): Succession => {
    if (Number(others) === 0) return { workspaceId, name, outcome: 'delete' };
    if (Number(owners) > 0) return { workspaceId, name, outcome: 'keep' };
    if (heirId) return { workspaceId, name, outcome: 'pass', heirId };
    return { workspaceId, name, outcome: 'blocked' };
  });
}
