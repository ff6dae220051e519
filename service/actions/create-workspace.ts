import type { Knex } from 'knex';
import { Membership } from '../models/membership.js';
import { Workspace } from '../models/workspace.js';

/** Creates a workspace with `userId` as its owner. Pass a transaction to combine it with other writes. */
export async function createWorkspace(knex: Knex, userId: string, name: string): Promise<Workspace> {
  const create = async (trx: Knex.Transaction) => {
    const workspace = await Workspace.query(trx).insert({ name }).returning('*');
    await Membership.query(trx).insert({ workspaceId: workspace.id, userId, role: 'owner' });
    return workspace;
  };
  return knex.isTransaction ? create(knex as Knex.Transaction) : knex.transaction(create);
}
