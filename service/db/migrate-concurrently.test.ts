import knex from 'knex';
import { describe, expect, inject, it } from 'vitest';
import { createFreshDatabase } from '../testing/fresh-database.js';
import { knexOptions } from '../db.js';
import { migrateLatest, migrationSource } from './migration-source.js';

const databaseUrl = inject('databaseUrl');

// Several instances of the service starting together each migrate. In one process the three start within
// the same millisecond, which is what made knex's own table creation collide before migrateLatest's
// advisory lock (service/build.test.ts does the same with three compiled `migrate` processes).
describe.skipIf(!databaseUrl)('migrateLatest from several instances at once', () => {
  it('on a fresh database: all succeed, each migration is applied once, by one of them', { timeout: 60_000 }, async () => {
    const total = (await migrationSource.getMigrations([])).length;
    for (let round = 0; round < 3; round++) {
      const fresh = await createFreshDatabase(databaseUrl!);
      const instances = [1, 2, 3].map(() => knex(knexOptions(fresh.url, 2)));
      try {
        const applied = await Promise.all(instances.map((db) => migrateLatest(db)));
        expect(applied.map((names) => names.length).sort((a, b) => a - b)).toEqual([0, 0, total]);
        const rows = (await instances[0]!('knex_migrations').select('name')) as Array<{ name: string }>;
        expect(new Set(rows.map((row) => row.name)).size).toBe(rows.length);
        expect(rows).toHaveLength(total);
        expect(await instances[0]!('knex_migrations_lock').select('isLocked')).toEqual([{ isLocked: 0 }]);
      } finally {
        await Promise.all(instances.map((db) => db.destroy()));
        await fresh.drop();
      }
    }
  });
});
