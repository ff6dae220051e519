import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from './logger.js';
import { startService } from './main.js';

const databaseUrl = inject('databaseUrl');
const dataDir = mkdtempSync(join(tmpdir(), 'minopa-main-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const env = {
  NODE_ENV: 'test',
  PORT: '0',
  DATA_DIR: dataDir,
  LOG_LEVEL: 'info',
  // The shared test database holds other files' outbox rows: this service must not send them (jobs are tested in service/jobs/).
  JOBS_ENABLED: 'false',
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
};

describe('startService', () => {
  it('migrates, publishes the legal documents, listens on a free port, logs its URL and closes cleanly', { timeout: 60_000 }, async () => {
    const lines: string[] = [];
    const service = await startService({ env, logger: createLogger({ level: 'info', write: (line) => lines.push(line) }) });
    try {
      expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
      const legal = (await (await fetch(`${service.url}/api/v1/legal`)).json()) as { terms: { url: string; version: string } };
      // Without PUBLIC_URL, links follow the port actually taken.
      expect(legal.terms.url).toBe(`http://localhost:${service.config.port}/legal/terms/${legal.terms.version}`);
      expect(lines.map((line) => JSON.parse(line).msg)).toContain(`Minopa service listening on ${service.url}`);
    } finally {
      await service.close();
    }
    await expect(fetch(`${service.url}/healthz`)).rejects.toThrow();
  });

  it('answers a request Node cannot read with a stable code and a sentence, not a bare status line', { timeout: 60_000 }, async () => {
    const service = await startService({ env, logger: createLogger({ level: 'error', write: () => undefined }) });
    try {
      // Over Node's 16 KB for the request line and headers.
      const long = await fetch(`${service.url}/api/v1/legal?q=${'x'.repeat(20_000)}`);
      expect(long.status).toBe(431);
      expect(long.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await long.json()).toEqual({ error: { code: 'request_headers_too_large', message: expect.stringContaining('larger than 16 KB') } });

      const url = new URL(service.url);
      const socket = connect(Number(url.port), url.hostname);
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk));
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.end('NOT HTTP AT ALL\r\n\r\n');
      await closed;
      expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'malformed_request', message: 'The request could not be read as HTTP.' } });
      // The service goes on serving.
      expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    } finally {
      await service.close();
    }
  });

  it('`node --import tsx service/main.ts` serves until SIGTERM, then exits 0', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'service/main.ts'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk) => (output += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk;
        const match = /listening on (http:\/\/[^"\s]+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${output}`)));
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('refuses to start with an invalid configuration, listing every problem', async () => {
    await expect(startService({ env: { NODE_ENV: 'production', PORT: 'eighty' } })).rejects.toThrow(
      /PORT must be a number[\s\S]*APP_SECRET is required/,
    );
  });
});
