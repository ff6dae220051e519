import type { Knex } from 'knex';
import { loadConfig } from './service/config.js';
import { knexOptions, migrationSource } from './service/db.js';
import { openPglite } from './service/db/pglite.js';

/**
 * For the knex CLI: `node --import tsx node_modules/knex/bin/cli.js --knexfile knexfile.ts migrate:list`.
 * Same configuration as the service: DATABASE_URL, else the embedded PGlite in DATA_DIR (its lock is
 * released when the CLI exits). Same static migration source: a `directory` here would switch knex's
 * own loader back on, which cannot load TypeScript migrations everywhere.
 */
export default async function knexfile(): Promise<Knex.Config> {
  const config = loadConfig();
  const migrations: Knex.MigratorConfig = { migrationSource };
  if (config.databaseUrl) return { ...knexOptions(config.databaseUrl, 2), migrations };
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const { pglite } = await openPglite(config.dataDir);
  return { ...knexOptions(createPgConfig(pglite) as unknown as Knex.PgConnectionConfig, 1), migrations };
}
