import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaKeys } from '../storage/keys.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

let app: TestApp;
let person: TestUser;

beforeAll(async () => {
  app = await createTestApp();
  person = await app.signUp();
});
afterAll(() => app?.close());

/** A media row as the library would write it, for the database's own rules. */
function row(kind: 'image' | 'video' | 'document', thumbnailKey: (own: { original: string; thumbnail: string }) => string | null) {
  const id = randomUUID();
  const keys = mediaKeys(person.workspaceId, id);
  const facts = {
    image: { mimeType: 'image/png', width: 10, height: 10 },
    video: { mimeType: 'video/mp4', width: 1280, height: 720, durationSeconds: 3 },
    document: { mimeType: 'application/pdf' },
  }[kind];
  return { id, workspaceId: person.workspaceId, kind, sizeBytes: 100, storageKey: keys.original, thumbnailKey: thumbnailKey(keys), ...facts };
}

describe('media previews in the database', () => {
  it('a video or PDF may have a preview (an imported design’s or file’s thumbnail), stored beside its file', async () => {
    await app.db.knex('media').insert(row('video', (own) => own.thumbnail));
    await app.db.knex('media').insert(row('document', (own) => own.thumbnail));
    await app.db.knex('media').insert(row('document', () => null));
  });

  it('a preview is always the medium’s own: another medium’s key, or the file itself, is refused', async () => {
    const other = mediaKeys(person.workspaceId, randomUUID()).thumbnail;
    await expect(app.db.knex('media').insert(row('video', () => other))).rejects.toMatchObject({ constraint: 'media_thumbnail_beside_its_file' });
    await expect(app.db.knex('media').insert(row('document', (own) => own.original))).rejects.toMatchObject({ constraint: 'media_thumbnail_beside_its_file' });
  });

  it('an image still must have one', async () => {
    await expect(app.db.knex('media').insert(row('image', () => null))).rejects.toMatchObject({ constraint: 'media_images_have_size_and_thumbnail' });
  });
});
