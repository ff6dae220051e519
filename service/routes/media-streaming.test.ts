import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoVideo } from '../media/testing/fixtures.js';
import { upload } from '../media/testing/upload.js';
import type { LocalStorage } from '../storage/local.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

const MB = 1024 * 1024;
let app: TestApp;
let owner: TestUser;

/** Bytes written so far to the storage's temporary file (the upload in progress). */
async function bytesInProgress(): Promise<number> {
  const tmp = join((app.storage as LocalStorage).dir, '.tmp');
  const files = await readdir(tmp).catch(() => []);
  const sizes = await Promise.all(files.map((file) => stat(join(tmp, file)).then((info) => info.size, () => 0)));
  return Math.max(0, ...sizes);
}

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.signUp();
});
afterAll(() => app?.close());

describe('a 50 MB upload', () => {
  it('is written to storage while it is still arriving, never held whole in memory', async () => {
    const total = 50 * MB;
    // Index at the end, as cameras write it: the duration is only known once the last bytes passed.
    const { head, tail } = isoVideo({ durationSeconds: 95.5, mdatBytes: total, moovAtEnd: true });
    let sent = 0;
    let sawWriting = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
      },
      async pull(controller) {
        if (sent === 30 * MB) {
          // Hold back the rest until the service has put most of what it got on disk. A service that
          // buffered the body before storing it would write nothing yet, and this would time out.
          const deadline = Date.now() + 15_000;
          while ((await bytesInProgress()) < 20 * MB) {
            if (Date.now() > deadline) return controller.error(new Error('the service did not write while the upload was arriving'));
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          sawWriting = true;
        }
        if (sent >= total) {
          controller.enqueue(tail);
          return controller.close();
        }
        controller.enqueue(new Uint8Array(MB).fill(sent / MB));
        sent += MB;
      },
    });
    const response = await upload(app.url, `/api/v1/workspaces/${owner.workspaceId}/media`, { token: owner.token, body, filename: 'clip.mp4' });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(sawWriting).toBe(true);
    expect(response.body).toMatchObject({ kind: 'video', mimeType: 'video/mp4', sizeBytes: head.length + total + tail.length, durationSeconds: 95.5 });
    const file = await fetch(response.body.url, { headers: { Range: `bytes=${head.length + 40 * MB}-${head.length + 40 * MB}` } });
    expect(Buffer.from(await file.arrayBuffer())).toEqual(Buffer.from([40]));
  });
});
