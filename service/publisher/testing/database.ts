import { randomBytes } from 'node:crypto';
import knex, { type Knex } from 'knex';
import { inject } from 'vitest';
import { knexOptions, migrateLatest } from '../../db.js';

/** A migrated schema of its own on the test server: publisher tests claim "every due target", so they must not see each other's. */
export interface SchemaDatabase {
  knex: Knex;
  /** The same database as a URL whose connections use the schema (for child processes). */
  url: string;
  close(): Promise<void>;
}

/** The test database URL, or null when the run has no PostgreSQL server (these tests then skip). */
export const testDatabaseUrl = (): string | null => inject('databaseUrl');

/** Creates a fresh schema, migrates it and returns a knex bound to it; `close()` drops it. */
export async function openSchemaDatabase(databaseUrl: string, poolMax = 6): Promise<SchemaDatabase> {
  const schema = `publisher_${randomBytes(6).toString('hex')}`;
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const db = knex(knexOptions(url.toString(), poolMax));
  await db.raw('create schema ??', [schema]);
  await migrateLatest(db);
  return {
    knex: db,
    url: url.toString(),
    async close() {
      await db.raw('drop schema ?? cascade', [schema]);
      await db.destroy();
    },
  };
}
