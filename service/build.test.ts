import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import knex from 'knex';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildService } from '../scripts/build.js';
import { MIGRATION_FILE } from './db/migration-source.js';
import { createFreshDatabase, type FreshDatabase } from './testing/fresh-database.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const databaseUrl = inject('databaseUrl');

// The compiled service goes to a directory of its own (not the repository's dist/, which a person may be
// using), with only node_modules linked next to it: what it needs beyond that would be missing here.
const outDir = mkdtempSync(join(tmpdir(), 'minopa-build-'));
const dist = join(outDir, 'dist');
const dataDir = join(outDir, 'data');
symlinkSync(join(ROOT, 'node_modules'), join(outDir, 'node_modules'), 'dir');
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Production settings: the required secrets, nothing else (no jobs: this database is thrown away). */
const productionEnv = (url: string) => ({
  PATH: process.env.PATH,
  NODE_ENV: 'production',
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  DATABASE_URL: url,
  APP_SECRET: 'build-test-secret-build-test-secret-build-test',
  TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  JOBS_ENABLED: 'false',
});

/** Runs `node <file>` (no tsx, no loader) and collects its output. */
function runNode(file: string, env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [file], { cwd: outDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output, exit: new Promise((resolve) => child.on('exit', resolve)) };
}

const migrationCount = readdirSync(join(ROOT, 'migrations')).filter((file) => MIGRATION_FILE.test(file)).length;

describe.skipIf(!databaseUrl)('the compiled service (npm run build:service)', () => {
  let database: FreshDatabase | undefined;
  beforeAll(async () => {
    await buildService(dist);
  }, 60_000);
  afterAll(async () => {
    await database?.drop();
  });

  it('compiles every migration to JavaScript next to the service', () => {
    const compiled = readdirSync(join(dist, 'migrations')).filter((file) => file.endsWith('.js'));
    expect(compiled).toHaveLength(migrationCount);
    for (const file of compiled) expect(file).toMatch(MIGRATION_FILE);
  });

  it('migrates a fresh database from 3 processes at once: all succeed, each migration applied once', { timeout: 60_000 }, async () => {
    const fresh = await createFreshDatabase(databaseUrl!);
    try {
      const runs = [1, 2, 3].map(() => runNode(join(dist, 'scripts/migrate.js'), productionEnv(fresh.url)));
      const codes = await Promise.all(runs.map((run) => run.exit));
      expect({ codes, output: codes.some((code) => code !== 0) ? runs.map((run) => run.output()).join('\n---\n') : '' }).toEqual({ codes: [0, 0, 0], output: '' });
      const db = knex({ client: 'pg', connection: fresh.url, pool: { min: 0, max: 1 } });
      try {
        const rows = (await db('knex_migrations').select('name')) as Array<{ name: string }>;
        expect(rows).toHaveLength(migrationCount);
        expect(new Set(rows.map((row) => row.name)).size).toBe(migrationCount);
        // One process did the work; the others found it done.
        const applied = runs.filter((run) => run.output().includes(`Applied ${migrationCount} migration(s)`));
        expect(applied).toHaveLength(1);
      } finally {
        await db.destroy();
      }
    } finally {
      await fresh.drop();
    }
  });

  it('`node dist/service/main.js` migrates, listens, answers /healthz and /readyz, and exits 0 on SIGTERM', { timeout: 60_000 }, async () => {
    database = await createFreshDatabase(databaseUrl!);
    const run = runNode(join(dist, 'service/main.js'), productionEnv(database.url));
    const url = await new Promise<string>((resolve, reject) => {
      run.child.stdout!.on('data', () => {
        const match = /listening on (http:\/\/[^"\s]+)/.exec(run.output());
        if (match) resolve(match[1]!);
      });
      void run.exit.then((code) => reject(new Error(`exited with ${code} before listening:\n${run.output()}`)));
    });
    expect(run.output()).toContain('"msg":"database migrated"');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  });
});
