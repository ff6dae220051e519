import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { isoVideoFile } from '../media/testing/fixtures.js';
import { createUpload, sendPiece, uploadsPath } from '../media/testing/resumable.js';
import type { LocalStorage } from '../storage/local.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';
import { JOBS } from './schedule.js';

const CHUNK = 4 * 1024 * 1024;
let app: TestApp;
let owner: TestUser;

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.signUp();
});
afterAll(() => app?.close());

async function partsOf(uploadId: string): Promise<string[]> {
  const entries = await readdir((app.storage as LocalStorage).dir, { recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.includes(uploadId) && entry.includes('part-'));
}

async function startedUpload(): Promise<string> {
  const video = isoVideoFile({ durationSeconds: 2, mdatBytes: 5 * 1024 * 1024 });
  const { uploadId } = (await createUpload(app, owner, { filename: 'left.mp4', sizeBytes: video.length })).body;
  await sendPiece(app, owner, uploadId, 0, video.subarray(0, CHUNK));
  return uploadId;
}

describe('remove-expired-uploads', () => {
  it('removes uploads whose expiry passed, with their parts, and keeps the others', async () => {
    const job = JOBS.find((one) => one.name === 'remove-expired-uploads')!;
    expect(job).toBeDefined();
    const abandoned = await startedUpload();
    const current = await startedUpload();
    await app.db.knex('mediaUploads').where({ id: abandoned }).update({ createdAt: new Date(Date.now() - 3 * 86_400_000), expiresAt: new Date(Date.now() - 1000) });
    expect(await partsOf(abandoned)).toHaveLength(1);

    // An expired upload takes no more pieces, even before the job ran.
    expect((await sendPiece(app, owner, abandoned, CHUNK, Buffer.alloc(10))).status).toBe(404);

    const lines: string[] = [];
    await job.run({ knex: app.db.knex, config: app.config, storage: app.storage, logger: createLogger({ level: 'info', write: (line) => lines.push(line) }) });
    expect(await app.db.knex('mediaUploads').where({ id: abandoned })).toEqual([]);
    expect(await partsOf(abandoned)).toEqual([]);
    expect(lines.some((line) => line.includes('removed expired uploads'))).toBe(true);

    expect(await partsOf(current)).toHaveLength(1);
    expect((await app.request('GET', uploadsPath(owner, current), { token: owner.token })).body.receivedBytes).toBe(CHUNK);
  });
});
