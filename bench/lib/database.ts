import { randomBytes } from 'node:crypto';
import knex, { type Knex } from 'knex';

/** The Postgres server benchmarks run against; each run gets a fresh database that is dropped afterwards. */
export const BENCH_SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres';

export async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `minopa_bench_${randomBytes(4).toString('hex')}`;
  const admin = knex({ client: 'pg', connection: BENCH_SERVER_URL, pool: { min: 0, max: 1 } });
  try {
    await admin.raw(`CREATE DATABASE ${name}`);
  } finally {
    await admin.destroy();
  }
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again: Knex = knex({ client: 'pg', connection: BENCH_SERVER_URL, pool: { min: 0, max: 1 } });
      try {
        await again.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await again.destroy();
      }
    },
  };
}
