/**
 * `npm run migrate`: apply pending migrations to the configured database (DATABASE_URL, else the embedded
 * PGlite in DATA_DIR). `npm run migrate -- --list` shows which are applied and which are pending.
 */
import { migrateLatest, migrationSource, pendingMigrations } from '../service/db.js';
import { withDatabase } from './lib/with-database.js';

await withDatabase(
  async (db, config) => {
    const where = db.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}/pglite` : 'DATABASE_URL';
    if (process.argv.includes('--list')) {
      const pending = new Set(await pendingMigrations(db.knex));
      const all = await migrationSource.getMigrations([]);
      console.log(`Migrations on ${where}:`);
      for (const migration of all) {
        const name = migrationSource.getMigrationName(migration);
        console.log(`  ${pending.has(name) ? 'pending ' : 'applied '} ${name}`);
      }
    } else {
      const applied = await migrateLatest(db.knex);
      console.log(applied.length > 0 ? `Applied ${applied.length} migration(s) on ${where}:\n  ${applied.join('\n  ')}` : `Database on ${where} is up to date.`);
    }
  },
  { migrate: false },
);
