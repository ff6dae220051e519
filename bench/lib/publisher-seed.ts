import type { Knex } from 'knex';
import type { TokenKey } from '../../service/config.js';
import { createSealer } from '../../service/lib/token-crypto.js';
import { sealTokens } from '../../service/platforms/credentials.js';
import type { TokenSet } from '../../service/platforms/types.js';
import { seedWorkspace } from '../../service/publisher/testing/fixtures.js';

/** Who owns the benchmark's posts: a workspace and its author, made directly in the tables. */
export interface BenchOwner {
  workspaceId: string;
  userId: string;
}

/** One X account to connect: the simulated person's id and the tokens the simulator issued to them. */
export interface BenchAccount {
  remoteId: string;
  username: string;
  tokens: TokenSet;
}

/** A workspace with its owner (the publisher never goes through routes, so neither does the benchmark). */
export async function seedOwner(knex: Knex, name: string): Promise<BenchOwner> {
  const { workspaceId, userId } = await seedWorkspace(knex, name);
  return { workspaceId, userId };
}

/**
 * Connected X accounts with sealed tokens (P26), as the connect flow stores them, in one INSERT.
 * Returns their ids in the order given.
 */
export async function seedXAccounts(knex: Knex, owner: BenchOwner, tokenKeys: TokenKey[], accounts: readonly BenchAccount[]): Promise<string[]> {
  const sealer = createSealer(tokenKeys);
  const rows = await knex('connectedAccounts')
    .insert(
      accounts.map((account) => ({
        workspaceId: owner.workspaceId,
        platform: 'x',
        kind: 'profile',
        remoteId: account.remoteId,
        name: `Bench ${account.username}`,
        username: account.username,
        sandbox: true,
        connectedBy: owner.userId,
        ...sealTokens(sealer, account.tokens),
      })),
    )
    .returning('id');
  return rows.map((row: { id: string }) => row.id);
}

/** Where to put a batch of due targets. */
export interface DueTargetsOptions {
  /** Accounts the targets go to, round-robin: target i goes to account i mod accounts.length. */
  accountIds: readonly string[];
  count: number;
  /** Index of the first target (default 0), so successive batches continue the round-robin and the numbering. */
  firstIndex?: number;
  /** Text prefix of each post; post i says `${label} #${i}` (unique, so X's duplicate rule never fires). */
  label: string;
  /** When the targets are due, as milliseconds from the database's now() (0: due now; negative: overdue). */
  dueInMs: number;
}

/**
 * `count` scheduled posts of one target each, as scheduling leaves them (status 'scheduled', run_at =
 * due_at), in one statement. Rows are written in target order, so targets due at the same instant are
 * claimed round-robin across the accounts, as a real crowd of accounts due at 9:00 would be.
 */
export async function seedDueTargets(knex: Knex, owner: BenchOwner, options: DueTargetsOptions): Promise<void> {
  await knex.raw(
    `with items as (
       select g, gen_random_uuid() as post_id, (g % cast(:accountCount as int)) + 1 as account_index
         from generate_series(cast(:firstIndex as int), cast(:firstIndex as int) + cast(:count as int) - 1) g
     ),
     accounts as (select id, ordinality as account_index from unnest(cast(:accountIds as uuid[])) with ordinality id),
     due as (select now() + cast(:dueInMs as int) * interval '1 millisecond' as at),
     posts as (
       insert into posts (id, workspace_id, created_by, status, body)
       select post_id, cast(:workspaceId as uuid), cast(:userId as uuid), 'scheduled', cast(:label as text) || ' #' || g from items
     )
     insert into post_targets (workspace_id, post_id, account_id, platform, status, due_at, run_at)
     select cast(:workspaceId as uuid), items.post_id, accounts.id, 'x', 'scheduled', due.at, due.at
       from items join accounts using (account_index) cross join due
      order by items.g`,
    { ...owner, count: options.count, firstIndex: options.firstIndex ?? 0, accountCount: options.accountIds.length, accountIds: [...options.accountIds], label: options.label, dueInMs: options.dueInMs },
  );
}
