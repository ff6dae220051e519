import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSchemaDatabase, testDatabaseUrl, type SchemaDatabase } from '../publisher/testing/database.js';
import { seedAccount, seedPost, seedWorkspace } from '../publisher/testing/fixtures.js';

const databaseUrl = testDatabaseUrl();
let db: SchemaDatabase;
const dataDir = mkdtempSync(join(tmpdir(), 'minopa-shutdown-'));

beforeAll(async () => {
  // A schema of its own: the service runs its jobs, which must not touch other test files' rows.
  if (databaseUrl) db = await openSchemaDatabase(databaseUrl);
});
afterAll(async () => {
  await db?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** `node --import tsx service/main.ts` with its jobs on, and its JSON log lines as they come. */
function startService(shutdownTimeoutMs: number) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'service/main.ts'], {
    env: { ...process.env, NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', DATABASE_URL: db.url, JOBS_ENABLED: 'true', SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const lines: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  const wake = () => {
    for (const waiter of waiters.splice(0)) waiter();
  };
  child.stderr!.on('data', (chunk) => (output += chunk));
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk;
    lines.length = 0;
    for (const line of output.split('\n')) {
      try {
        lines.push(JSON.parse(line));
      } catch {
        // a partial line, or not JSON
      }
    }
    wake();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.on('exit', wake);
  /** The first line whose message starts with `msg`, waiting for it. */
  const lineWith = async (msg: string) => {
    for (;;) {
      const found = lines.find((line) => typeof line.msg === 'string' && line.msg.startsWith(msg));
      if (found) return found;
      if (child.exitCode !== null) throw new Error(`exited before "${msg}"`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { child, lines, exited, lineWith, output: () => output };
}

/** A sign-up whose body arrives in two parts, the second only when `finish()` is called: a request in flight. */
async function slowSignUp(url: string) {
  const legal = (await (await fetch(`${url}/api/v1/legal`)).json()) as { terms: { version: string }; privacy: { version: string } };
  const body = JSON.stringify({
    firstName: 'Shut',
    lastName: 'Down',
    email: `shutdown-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`,
    password: 'correct horse battery staple',
    ageConfirmed: true,
    acceptedLegalVersions: { terms: legal.terms.version, privacy: legal.privacy.version },
  });
  const half = Math.floor(body.length / 2);
  const req = request(`${url}/api/v1/auth/sign-up`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
  });
  // Handled below or on purpose left unanswered (the deadline test); never an unhandled rejection.
  response.catch(() => undefined);
  req.write(body.slice(0, half));
  // Let the server take the request (headers parsed, half the body read) before anything else happens.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { response, finish: () => req.end(body.slice(half)) };
}

describe.skipIf(!databaseUrl)('SIGTERM', () => {
  it('refuses new connections, finishes the request in flight, releases its leases, logs each phase and exits 0 within the deadline', { timeout: 60_000 }, async () => {
    const SHUTDOWN_TIMEOUT_MS = 8_000;
    const service = startService(SHUTDOWN_TIMEOUT_MS);
    try {
      const listening = await service.lineWith('Minopa service listening');
      const url = listening.url as string;
      const instance = listening.instance as string;
      expect(instance).toContain(`:${service.child.pid}:`);

      // A target this process is publishing (its lease): on shutdown it must be handed over at once.
      const owner = await seedWorkspace(db.knex);
      const post = await seedPost(db.knex, owner, [await seedAccount(db.knex, owner.workspaceId)], { dueAt: new Date(Date.now() + 3_600_000) });
      const targetId = post.targetIds[0]!;
      await db.knex('postTargets').where({ id: targetId }).update({ status: 'publishing', leaseOwner: instance, leaseExpiresAt: new Date(Date.now() + 600_000), attempts: 1 });

      const inFlight = await slowSignUp(url);
      const signalled = Date.now();
      service.child.kill('SIGTERM');
      await service.lineWith('shutdown: no longer accepting connections');
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();

      inFlight.finish();
      const answered = await inFlight.response;
      expect(answered.status, answered.text).toBe(201);

      expect(await service.exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(SHUTDOWN_TIMEOUT_MS);

      const target = await db.knex('postTargets').where({ id: targetId }).first();
      expect(target).toMatchObject({ status: 'unconfirmed', leaseOwner: null, leaseExpiresAt: null, failureKind: 'unknown_outcome' });
      expect(await db.knex('publishAttempts').where({ targetId })).toEqual([expect.objectContaining({ outcome: 'unconfirmed', worker: instance })]);

      expect(await service.lineWith('shutdown: requests and job runs in flight finished')).toMatchObject({ ms: expect.any(Number), requestsMs: expect.any(Number), jobsMs: expect.any(Number) });
      expect(await service.lineWith('shutdown: leases released')).toMatchObject({ released: { postTargets: 1 } });
      expect(await service.lineWith('shutdown: database closed')).toMatchObject({ ms: expect.any(Number) });
      expect(service.lines.some((line) => String(line.msg).includes('deadline'))).toBe(false);
    } catch (error) {
      // What the service said explains most failures here.
      throw new Error(`${(error as Error).message}\n--- service output ---\n${service.output().slice(-6_000)}`, { cause: error });
    } finally {
      if (service.child.exitCode === null) service.child.kill('SIGKILL');
    }
  });

  it('does not wait for a connection that never sent a request (a browser opens some ahead of need)', { timeout: 60_000 }, async () => {
    const SHUTDOWN_TIMEOUT_MS = 10_000;
    const service = startService(SHUTDOWN_TIMEOUT_MS);
    try {
      const url = new URL((await service.lineWith('Minopa service listening')).url as string);
      // Answered: main.ts has had its turn to install its SIGTERM handler (right after listening).
      expect((await fetch(new URL('/healthz', url))).status).toBe(200);
      const socket = connect(Number(url.port), url.hostname);
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      const signalled = Date.now();
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      await closed;
      // About a second (the quiet time a connection gets to send its request), far from the deadline.
      expect(Date.now() - signalled).toBeLessThan(SHUTDOWN_TIMEOUT_MS / 2);
      expect(await service.lineWith('shutdown: requests and job runs in flight finished')).toMatchObject({ requestsMs: expect.any(Number) });
      expect(service.lines.some((line) => String(line.msg).includes('deadline'))).toBe(false);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- service output ---\n${service.output().slice(-6_000)}`, { cause: error });
    } finally {
      if (service.child.exitCode === null) service.child.kill('SIGKILL');
    }
  });

  it('cuts off a request that outlasts SHUTDOWN_TIMEOUT_MS and still exits 0', { timeout: 60_000 }, async () => {
    const SHUTDOWN_TIMEOUT_MS = 1_000;
    const service = startService(SHUTDOWN_TIMEOUT_MS);
    try {
      const url = (await service.lineWith('Minopa service listening')).url as string;
      // Never finished: the client stalls mid-body.
      const stalled = await slowSignUp(url);
      const signalled = Date.now();
      service.child.kill('SIGTERM');
      await expect(stalled.response).rejects.toThrow();
      expect(await service.exited).toBe(0);
      const took = Date.now() - signalled;
      expect(took).toBeGreaterThanOrEqual(SHUTDOWN_TIMEOUT_MS);
      expect(took).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 5_000);
      // The log names what held it up (the path only: a query string may carry a token).
      expect(await service.lineWith('shutdown: deadline reached')).toMatchObject({
        level: 'warn',
        requestsFinished: false,
        requests: [{ method: 'POST', path: '/api/v1/auth/sign-up', ageMs: expect.any(Number) }],
      });
      expect(await service.lineWith('shutdown: database closed')).toBeDefined();
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- service output ---\n${service.output().slice(-6_000)}`, { cause: error });
    } finally {
      if (service.child.exitCode === null) service.child.kill('SIGKILL');
    }
  });
});
