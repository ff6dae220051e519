import type { Knex } from 'knex';
import type { ConnectedAccount } from '../models/connected-account.js';

/** A workspace's connected accounts (not the disconnected ones), by network then name. */
export async function listAccounts(knex: Knex, workspaceId: string): Promise<ConnectedAccount[]> {
  return (await knex('connected_accounts')
    .where('workspaceId', workspaceId)
    .whereNot('status', 'disconnected')
    .orderBy([{ column: 'platform' }, { column: 'name' }, { column: 'id' }])) as ConnectedAccount[];
}
