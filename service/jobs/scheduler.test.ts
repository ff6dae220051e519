import { Cron } from 'croner';
import { readdir } from 'node:fs/promises';
import knex from 'knex';
import { describe, expect, it } from 'vitest';
import { knexOptions } from '../db.js';
import { createLogger } from '../logger.js';
import { loadConfig } from '../config.js';
import { JOBS } from './schedule.js';
import { createStorage } from '../storage/index.js';
import { startScheduler } from './scheduler.js';
import type { JobDefinition } from './types.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// The jobs here never query: a knex that would only connect on first use is enough.
const db = knex(knexOptions('postgres://unused', 1));
const config = loadConfig({ NODE_ENV: 'test', APP_SECRET: 'a-secret-that-is-long-enough-for-tests-000' });

describe('the job table', () => {
  it('lists each job once, with a schedule croner understands, including the email sender', () => {
    const names = JOBS.map((job) => job.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('send-email-outbox');
    for (const job of JOBS) {
      expect(job.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(() => new Cron(job.schedule, { paused: true }).stop(), job.name).not.toThrow();
    }
  });

  it('runs every job written in service/jobs (a job file missing from the table never runs in production)', async () => {
    const notJobs = new Set(['schedule.ts', 'scheduler.ts', 'types.ts']);
    const files = (await readdir(new URL('.', import.meta.url))).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !notJobs.has(file));
    const names = JOBS.map((job) => job.name);
    for (const file of files) expect(names, file).toContain(file.replace(/\.ts$/, ''));
  });
});

describe('the scheduler', () => {
  it('never overlaps a slow run with itself, logs a failed run and keeps ticking, and stop() waits for the run in flight', async () => {
    let running = 0;
    let maxRunning = 0;
    let slowRuns = 0;
    let failures = 0;
    const lines: string[] = [];
    const jobs: JobDefinition[] = [
      {
        name: 'slow',
        schedule: '* * * * * *',
        async run() {
          running += 1;
          maxRunning = Math.max(maxRunning, running);
          await sleep(1_500);
          running -= 1;
          slowRuns += 1;
        },
      },
      {
        name: 'broken',
        schedule: '* * * * * *',
        async run() {
          failures += 1;
          throw new Error('boom');
        },
      },
    ];
    const scheduler = startScheduler({ knex: db, config, logger: createLogger({ level: 'info', write: (line) => lines.push(line) }), storage: createStorage(config), jobs });
    expect(scheduler.jobs).toEqual(['slow', 'broken']);
    await sleep(2_600);
    // Stop while the slow job is in the middle of a run: stop() resolves only once that run is over.
    await expect.poll(() => running, { timeout: 3_000, interval: 20 }).toBe(1);
    await scheduler.stop();
    expect(running).toBe(0);
    expect(maxRunning).toBe(1);
    expect(slowRuns).toBeGreaterThanOrEqual(2);
    expect(failures).toBeGreaterThanOrEqual(2);
    expect(lines.filter((line) => line.includes('"msg":"job failed"') && line.includes('"job":"broken"') && line.includes('boom')).length).toBe(failures);
    const after = failures;
    await sleep(1_100);
    expect(failures).toBe(after);
  });
});
