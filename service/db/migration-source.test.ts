import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATION_FILE, MIGRATIONS_DIR, migrationSource } from './migration-source.js';

const files = readdirSync(MIGRATIONS_DIR).filter((file) => !file.endsWith('.test.ts'));

describe('migrations/', () => {
  it('names every file YYYYMMDDHHMMSS_verb-noun.ts, in a strictly increasing order', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file).toMatch(MIGRATION_FILE);
    const stamps = files.map((file) => file.slice(0, 14));
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('never imports service code (migrations are history; the service changes)', () => {
    for (const file of files) {
      const imports = [...readFileSync(join(MIGRATIONS_DIR, file), 'utf8').matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      expect({ file, imports: imports.filter((source) => source !== 'knex') }).toEqual({ file, imports: [] });
    }
  });

  it('each exports up and down, loaded through the static source', async () => {
    for (const item of await migrationSource.getMigrations([])) {
      const migration = await migrationSource.getMigration(item);
      expect(typeof migration.up).toBe('function');
      expect(typeof migration.down).toBe('function');
    }
  });
});
