import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
