import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Knex } from 'knex';

/** Absolute path of the repository's migrations/ folder. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/**
 * `YYYYMMDDHHMMSS_verb-noun.ts`: one change per file, ordered by its timestamp. The compiled service
 * (dist/, see scripts/build.ts) has the same files as `.js` in dist/migrations/, found the same way.
 */
export const MIGRATION_FILE = /^\d{14}_[a-z0-9]+(-[a-z0-9]+)+\.(ts|js)$/;

interface MigrationItem {
  file: string;
}

/**
 * Lists migrations/ and imports each file itself. knex's default loader `import()`s from inside knex,
 * which fails under vitest; a `directory` option would switch that loader back on, so never set one.
 * Items are `{ file }` objects because `knex migrate:list` prints `undefined` for anything else.
 * Names are recorded without the extension, so a compiled `.js` build would match the same rows.
 */
export const migrationSource: Knex.MigrationSource<MigrationItem> = {
  async getMigrations() {
    return readdirSync(MIGRATIONS_DIR)
      .filter((file) => MIGRATION_FILE.test(file))
      .sort()
      .map((file) => ({ file }));
  },
  getMigrationName(migration) {
    return migration.file.replace(/\.(ts|js)$/, '');
  },
  async getMigration(migration) {
    return (await import(pathToFileURL(join(MIGRATIONS_DIR, migration.file)).href)) as Knex.Migration;
  },
};

/** Any fixed number: the PostgreSQL advisory lock under which knex's own tables are created. */
const BOOTSTRAP_LOCK = 0x6d696e6f;

/**
 * Applies every pending migration; returns the names it applied. Several instances may start at once:
 * knex's lock (a row in knex_migrations_lock, taken inside the migrations' transaction) makes the others
 * wait and then find nothing to do — but on a fresh database each would first create knex's tables and
 * all but one fail ("relation already exists"), so that creation runs under an advisory lock. A lock
 * still held outside a transaction (a migration with `transaction: false`) is waited for, not fatal.
 */
export async function migrateLatest(knex: Knex): Promise<string[]> {
  // knex's tables exactly as knex creates them (lib/migrations/migrate/table-creator.js), which then finds
  // them there. Not `trx.migrate`: knex would switch off the snake_case mappers on the shared client.
  await knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(?)', [BOOTSTRAP_LOCK]);
    await trx.raw('create table if not exists knex_migrations (id serial primary key, name varchar(255), batch integer, migration_time timestamptz)');
    await trx.raw('create table if not exists knex_migrations_lock (index serial primary key, is_locked integer)');
    await trx.raw('insert into knex_migrations_lock (is_locked) select 0 where not exists (select 1 from knex_migrations_lock)');
  });
  for (let attempt = 1; ; attempt++) {
    try {
      const [, applied] = (await knex.migrate.latest({ migrationSource })) as [number, string[]];
      return applied;
    } catch (error) {
      if ((error as Error).name !== 'MigrationLocked' || attempt >= 120) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/** Names of migrations not yet applied (empty when the schema is current). */
export async function pendingMigrations(knex: Knex): Promise<string[]> {
  const [, pending] = (await knex.migrate.list({ migrationSource })) as [unknown[], MigrationItem[]];
  return pending.map((item) => migrationSource.getMigrationName(item));
}
