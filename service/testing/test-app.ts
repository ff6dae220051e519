import { platformConfigFrom } from '../platforms/config.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knex from 'knex';
import { inject } from 'vitest';
import type { AuthResult } from '#shared/api/auth.js';
import type { CurrentLegalDocuments } from '#shared/api/legal.js';
import { syncLegalDocuments } from '../actions/sync-legal-documents.js';
import { createApp } from '../app.js';
import type { Config } from '../config.js';
import { type Database, knexOptions, migrateLatest, openDatabase } from '../db.js';
import type { ErrorReporter } from '../lib/error-reporting.js';
import { createLogger } from '../logger.js';
import type { ServiceMetrics } from '../metrics/service-metrics.js';
import type { BlobStorage } from '../storage/index.js';
import { LocalStorage } from '../storage/local.js';

/**
 * A response read by `request`: status, headers and the parsed JSON body (or the text when not JSON).
 * Bodies are `any` by default on purpose: tests read them loosely and `expect` checks their shape.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** Options of one test request. */
export interface RequestOptions {
  token?: string;
  /** Serialized as JSON unless it is already a string (then sent as is, e.g. malformed JSON). */
  body?: unknown;
  headers?: Record<string, string>;
}

/** A person signed up through the API. */
export interface TestUser {
  token: string;
  user: AuthResult['user'];
  workspaceId: string;
  email: string;
  password: string;
}

/** A running app on an ephemeral port with helpers; `close()` in afterAll. */
export interface TestApp {
  url: string;
  db: Database;
  config: Config;
  /** Every log line the app wrote (JSON strings), for asserting what is and is not logged. */
  logs: string[];
  /** The media storage the app uses (local disk in a temporary folder unless a test gave its own). */
  storage: BlobStorage;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see TestResponse
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<TestResponse<T>>;
  /** Signs up a new person (unique email) accepting the current legal versions; fields can be overridden. */
  signUp(overrides?: Record<string, unknown>): Promise<TestUser>;
  close(): Promise<void>;
}

/** A configuration for tests; the secret is fixed so no file is written. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    env: 'test',
    host: '127.0.0.1',
    port: 0,
    publicUrl: 'http://localhost:8787',
    publicUrlExplicit: true,
    databaseUrl: undefined,
    dataDir: '/nonexistent',
    appSecret: 'test-secret-that-is-long-enough-0123456789',
    appSecretSource: 'env',
    trustProxy: true,
    // Off: tests act as one busy person; service/middleware/rate-limit.test.ts turns them on.
    rateLimitFactor: 0,
    allowedExtensionOrigins: null,
    logLevel: 'debug',
    resendApiKey: undefined,
    resendBaseUrl: 'http://127.0.0.1:9/resend-not-configured',
    emailFrom: 'Minopa <hello@minopa.localhost>',
    jobsEnabled: false,
    media: {
      dir: '/nonexistent/media',
      maxBytes: { image: 20 * 1024 * 1024, video: 1024 * 1024 * 1024, document: 100 * 1024 * 1024 },
      urlTtlSeconds: 3600,
      fetchTimeoutMs: 5_000,
      fetchAllowedAddresses: [],
    },
    s3: undefined,
    tokenKeys: [{ id: 'test', key: Buffer.alloc(32, 7) }],
    platforms: platformConfigFrom({}),
    ...overrides,
  };
}

/** Options of `createTestApp`. */
export interface TestAppOptions {
  config?: Partial<Config>;
  /** Serve this database instead of opening one (it is not closed by `close()`). */
  database?: Database;
  /**
   * Tables of its own (a fresh PostgreSQL schema, dropped on close), for tests that change what every
   * other test sees, such as publishing a new legal version. PGlite databases are per file anyway.
   */
  isolated?: boolean;
  /** Media storage to use (e.g. S3 against the local S3 server); default: a fresh local folder, removed on close. */
  storage?: BlobStorage;
  /** Where unexpected errors are reported (e.g. Sentry pointed at test/sentry-server.ts); default: only logged. */
  errorReporter?: ErrorReporter;
  /** The app's Prometheus metrics (to share them with a publisher or scheduler under test); default: its own. */
  metrics?: ServiceMetrics;
}

/**
 * Opens the database the global setup provided (a fresh PostgreSQL database), or an in-memory PGlite
 * when there is none, migrates it (a no-op on the provided one), publishes the legal documents and
 * serves a new app on 127.0.0.1:0. TRUST_PROXY is on, so a test can pose as another client IP with
 * X-Forwarded-For.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const databaseUrl = inject('databaseUrl');
  const config = testConfig({ databaseUrl: databaseUrl ?? undefined, ...options.config });
  const db =
    options.database ??
    (options.isolated && databaseUrl
      ? await openIsolatedDatabase(databaseUrl)
      : await openDatabase(config, { memory: !databaseUrl, poolMax: 4 }));
  await migrateLatest(db.knex);
  await syncLegalDocuments(db.knex);
  const logs: string[] = [];
  // Signed media addresses must point at this server, whose port is known only once it listens.
  let url = '';
  const mediaDir = options.storage ? null : await mkdtemp(join(tmpdir(), 'minopa-media-'));
  const storage = options.storage ?? new LocalStorage({ dir: mediaDir!, appSecret: config.appSecret, publicUrl: () => url });
  const app = createApp({ config, db, storage, errorReporter: options.errorReporter, metrics: options.metrics, logger: createLogger({ level: 'debug', write: (line) => logs.push(line) }) });
  const server: Server = createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const request = async <T>(method: string, path: string, opts: RequestOptions = {}): Promise<TestResponse<T>> => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(url + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if (response.headers.get('content-type')?.includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  };

  let legal: CurrentLegalDocuments | undefined;
  const signUp = async (overrides: Record<string, unknown> = {}): Promise<TestUser> => {
    legal ??= (await request<CurrentLegalDocuments>('GET', '/api/v1/legal')).body;
    const email = `person-${randomUUID()}@example.com`;
    const password = 'correct horse battery staple';
    const response = await request<AuthResult>('POST', '/api/v1/auth/sign-up', {
      body: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        email,
        password,
        ageConfirmed: true,
        acceptedLegalVersions: { terms: legal.terms.version, privacy: legal.privacy.version },
        ...overrides,
      },
    });
    if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${response.text}`);
    const { token, user } = response.body;
    return { token, user, workspaceId: user.defaultWorkspaceId!, email: user.email, password };
  };

  return {
    url,
    db,
    config,
    logs,
    storage,
    request,
    signUp,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (!options.database) await db.close();
      if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
    },
  };
}

/** A knex on `databaseUrl` whose tables live in a new schema of their own, dropped by `close()`. */
async function openIsolatedDatabase(databaseUrl: string): Promise<Database> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = knex(knexOptions(databaseUrl, 1));
  await admin.raw('create schema ??', [schema]);
  await admin.destroy();
  const db = knex({ ...knexOptions(databaseUrl, 4), searchPath: [schema] });
  return {
    knex: db,
    kind: 'postgres',
    async close() {
      await db.raw('drop schema ?? cascade', [schema]);
      await db.destroy();
    },
  };
}
