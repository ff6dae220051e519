import { randomBytes } from 'node:crypto';
import knex from 'knex';

/** An empty database of its own (no migrations applied), for tests that migrate or start a service themselves. */
export interface FreshDatabase {
  url: string;
  /** Drops it, ending connections a failed child process may have left open. */
  drop(): Promise<void>;
}

/** Creates `minopa_fresh_<random>` on the server of `serverUrl` (any database URL on that server). */
export async function createFreshDatabase(serverUrl: string): Promise<FreshDatabase> {
  const name = `minopa_fresh_${randomBytes(6).toString('hex')}`;
  const admin = knex({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });
  await admin.raw('create database ??', [name]);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      try {
        await admin.raw('drop database if exists ?? with (force)', [name]);
      } finally {
        await admin.destroy();
      }
    },
  };
}
