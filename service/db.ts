import knex, { type Knex } from 'knex';
import { Model, knexSnakeCaseMappers } from 'objection';
import pg from 'pg';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { Config } from './config.js';
import { openPglite } from './db/pglite.js';

export { migrateLatest, migrationSource, pendingMigrations } from './db/migration-source.js';

// A calendar date (legal documents' "last updated") has no time zone: keep it the 'YYYY-MM-DD' string
// PostgreSQL sends instead of letting pg turn it into a Date at local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

/** An open database: knex (snake_case in SQL, camelCase in code) and what it runs on. */
export interface Database {
  knex: Knex;
  kind: 'postgres' | 'pglite';
  /** Destroys the pool, then (PGlite) shuts the engine down and frees the data directory's lock. */
  close(): Promise<void>;
}

/** How to open the database. */
export interface OpenDatabaseOptions {
  /** Use a throwaway in-memory PGlite, ignoring DATABASE_URL and DATA_DIR (tests without a server). */
  memory?: boolean;
  /** Pool size for a PostgreSQL server (default 10). PGlite always uses one connection. */
  poolMax?: number;
}

/** The knex options shared by every mode: the pg dialect and objection's snake_case mappers. */
export function knexOptions(connection: Knex.Config['connection'], poolMax: number): Knex.Config {
  return { client: 'pg', connection, pool: { min: 0, max: poolMax }, ...knexSnakeCaseMappers() };
}

/**
 * Opens the database the configuration names: PostgreSQL at DATABASE_URL, else PGlite persisted in
 * DATA_DIR/pglite (one process at a time, enforced by a pid lock). Binds Objection's models to it.
 * Does not migrate (see `migrateLatest`).
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  if (config.databaseUrl && !options.memory) {
    const db = knex(knexOptions(config.databaseUrl, options.poolMax ?? 10));
    Model.knex(db);
    return { knex: db, kind: 'postgres', close: () => db.destroy() };
  }
  const embedded = await openPglite(options.memory ? null : config.dataDir);
  // PGlite serves one connection: a second would wait forever for the first, hence pool max 1 — and
  // inside a transaction always query through `trx`, never the outer knex.
  const db = knex(knexOptions(createPgConfig(embedded.pglite) as unknown as Knex.PgConnectionConfig, 1));
  Model.knex(db);
  return {
    knex: db,
    kind: 'pglite',
    async close() {
      try {
        await db.destroy();
      } finally {
        await embedded.close();
      }
    },
  };
}
