import { randomBytes } from 'node:crypto';
import knex from 'knex';
import { describe, expect, inject, it } from 'vitest';
import { knexOptions } from '../db.js';
import { enqueueEmail } from '../email/outbox.js';
import { outboxEmails } from '../email/testing.js';
import { createLogger } from '../logger.js';
import { startService } from '../main.js';
import { testConfig } from '../testing/test-app.js';

describe('startService', () => {
  const databaseUrl = inject('databaseUrl');

  it.skipIf(!databaseUrl)('runs the jobs (the outbox gets sent) unless JOBS_ENABLED is false, and close() stops them', async () => {
    // A schema of its own, so this service's sender never claims another test file's emails.
    const schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = knex(knexOptions(databaseUrl!, 1));
    await admin.raw('create schema ??', [schema]);
    const url = new URL(databaseUrl!);
    url.searchParams.set('options', `-c search_path=${schema}`);
    try {
      const lines: string[] = [];
      const service = await startService({ config: testConfig({ databaseUrl: url.toString(), jobsEnabled: true }), logger: createLogger({ level: 'info', write: (line) => lines.push(line) }) });
      try {
        await enqueueEmail(service.db.knex, { template: 'password-changed', to: 'jobs@example.com', data: { firstName: 'Jo', changedAt: 'now' } });
        await expect.poll(async () => (await outboxEmails(service.db.knex, 'jobs@example.com'))[0]?.status, { timeout: 8_000, interval: 200 }).toBe('sent');
        expect(lines.some((line) => line.includes('"msg":"jobs scheduled"'))).toBe(true);
      } finally {
        await service.close();
      }

      const quietLines: string[] = [];
      const quiet = await startService({
        config: testConfig({ databaseUrl: url.toString(), jobsEnabled: false }),
        logger: createLogger({ level: 'info', write: (line) => quietLines.push(line) }),
      });
      await quiet.close();
      expect(quietLines.some((line) => line.includes('listening'))).toBe(true);
      expect(quietLines.some((line) => line.includes('jobs scheduled'))).toBe(false);
    } finally {
      await admin.raw('drop schema ?? cascade', [schema]);
      await admin.destroy();
    }
  }, 30_000);
});
