import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Knex } from 'knex';

/** Absolute path of the repository's migrations/ folder. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** `YYYYMMDDHHMMSS_verb-noun.ts`: one change per file, ordered by its timestamp. */
export const MIGRATION_FILE = /^\d{14}_[a-z0-9]+(-[a-z0-9]+)+\.ts$/;

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
    return migration.file.replace(/\.ts$/, '');
  },
  async getMigration(migration) {
    return (await import(pathToFileURL(join(MIGRATIONS_DIR, migration.file)).href)) as Knex.Migration;
  },
};

/** Applies every pending migration; returns the names it applied. */
export async function migrateLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest({ migrationSource })) as [number, string[]];
  return applied;
}

/** Names of migrations not yet applied (empty when the schema is current). */
export async function pendingMigrations(knex: Knex): Promise<string[]> {
  const [, pending] = (await knex.migrate.list({ migrationSource })) as [unknown[], MigrationItem[]];
  return pending.map((item) => migrationSource.getMigrationName(item));
}
