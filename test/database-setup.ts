import { randomBytes } from 'node:crypto';
import knex, { type Knex } from 'knex';
import type { TestProject } from 'vitest/node';
import { knexOptions, migrateLatest } from '../service/db.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A fresh, migrated database for this run; null when no server is reachable (tests use in-memory PGlite). */
    databaseUrl: string | null;
  }
}

const DEFAULT_URL = 'postgres://root@127.0.0.1:5432/postgres';
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ENOENT', 'EAI_AGAIN']);

/**
 * vitest globalSetup: creates a fresh database `minopa_test_<random>` on the server at TEST_DATABASE_URL
 * (default the local one), migrates it, hands its URL to the tests (`inject('databaseUrl')`) and drops it
 * afterwards. No server reachable: in CI (CI=true) or with MINOPA_REQUIRE_POSTGRES=1 that is a failure;
 * otherwise the tests run on in-memory PGlite and this says so.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL || DEFAULT_URL;
  const admin = knex({
    client: 'pg',
    connection: { connectionString: serverUrl, connectionTimeoutMillis: 5_000 },
    pool: { min: 0, max: 1 },
    // The failure is reported below in one clear sentence; knex's own "Acquire connection error" is noise.
    log: { warn: () => {}, error: () => {}, debug: () => {}, deprecate: () => {} },
  });
  try {
    await admin.raw('select 1');
  } catch (error) {
    await admin.destroy();
    const code = (error as { code?: string }).code ?? '';
    const required = process.env.MINOPA_REQUIRE_POSTGRES === '1' || process.env.CI === 'true';
    const where = redact(serverUrl);
    if (required || !(UNREACHABLE.has(code) || /timeout/i.test(String(error)))) {
      throw new Error(`Tests need PostgreSQL at ${where} but could not use it: ${String(error)}`);
    }
    console.warn(
      `\n[minopa] No PostgreSQL server at ${where} (${code || 'timeout'}): the service tests run on in-memory PGlite.\n` +
        '         Set TEST_DATABASE_URL to use another server; MINOPA_REQUIRE_POSTGRES=1 makes this an error.\n',
    );
    project.provide('databaseUrl', null);
    return async () => {};
  }
  const name = `minopa_test_${randomBytes(6).toString('hex')}`;
  await admin.raw('create database ??', [name]);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const db: Knex = knex(knexOptions(databaseUrl, 1));
  try {
    await migrateLatest(db);
  } finally {
    await db.destroy();
  }
  project.provide('databaseUrl', databaseUrl);
  return async () => {
    // WITH (FORCE) ends connections a crashed test file may have left open.
    await admin.raw('drop database if exists ?? with (force)', [name]);
    await admin.destroy();
  };
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(invalid URL)';
  }
}
