import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoVideoFile, png } from '../media/testing/fixtures.js';
import { createUpload, dropPieceHalfway, sendPiece, uploadInPieces, uploadsPath } from '../media/testing/resumable.js';
import { upload } from '../media/testing/upload.js';
import type { LocalStorage } from '../storage/local.js';
import { addMember } from '../testing/teams.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

const MB = 1024 * 1024;
const CHUNK = 4 * MB;
let app: TestApp;
let owner: TestUser;
let stranger: TestUser;
let viewer: TestUser;

/** Every stored file (relative keys), the temporary folder included. */
async function storedKeys(): Promise<string[]> {
  const dir = (app.storage as LocalStorage).dir;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}
const partsOf = async (uploadId: string) => (await storedKeys()).filter((key) => key.includes(uploadId));

beforeAll(async () => {
  app = await createTestApp();
  owner = await app.signUp();
  stranger = await app.signUp();
  viewer = await app.signUp();
  await addMember(app, owner.workspaceId, viewer, 'viewer');
});
afterAll(() => app?.close());

describe('resumable uploads into the media library', () => {
  it('takes a video in several pieces and ends with the same medium a single upload makes, leaving no parts', async () => {
    const video = isoVideoFile({ durationSeconds: 12.5, mdatBytes: 9 * MB });
    const { last, received, uploadId } = await uploadInPieces(app, owner, video, 'Holiday.mp4');
    expect(received).toEqual([CHUNK, 2 * CHUNK, video.length]);
    expect(last.status).toBe(201);
    expect(last.body).toMatchObject({ uploadId, receivedBytes: video.length, sizeBytes: video.length, media: { kind: 'video' } });

    const single = await upload(app.url, `/api/v1/workspaces/${owner.workspaceId}/media`, { token: owner.token, body: video, filename: 'Holiday.mp4' });
    const pick = ({ kind, mimeType, sizeBytes, width, height, durationSeconds, originalFilename, thumbnailUrl, uploadedBy }: Record<string, unknown>) =>
      ({ kind, mimeType, sizeBytes, width, height, durationSeconds, originalFilename, thumbnailUrl, uploadedBy });
    expect(pick(last.body.media)).toEqual(pick(single.body));
    expect(last.body.media).toMatchObject({ mimeType: 'video/mp4', durationSeconds: 12.5, uploadedBy: { id: owner.user.id } });
    expect(Buffer.from(await (await fetch(last.body.media.url)).arrayBuffer()).equals(video)).toBe(true);

    expect(await partsOf(uploadId)).toEqual([]);
    expect((await app.request('GET', uploadsPath(owner, uploadId), { token: owner.token })).status).toBe(404);
    expect(await app.db.knex('mediaUploads').where({ id: uploadId })).toEqual([]);
  });

  it('makes an image’s thumbnail like a single upload when the whole file is one piece', async () => {
    const image = await png(300, 200);
    const { last } = await uploadInPieces(app, owner, image, 'tiny.png');
    expect(last.status).toBe(201);
    expect(last.body.media).toMatchObject({ kind: 'image', mimeType: 'image/png', width: 300, height: 200, originalFilename: 'tiny.png' });
    expect((await fetch(last.body.media.thumbnailUrl)).headers.get('content-type')).toBe('image/webp');
  });

  it('resumes after a piece dropped halfway: the status says where, the rest completes the file', async () => {
    const video = isoVideoFile({ durationSeconds: 3, mdatBytes: 6 * MB });
    const created = await createUpload(app, owner, { filename: 'clip.mp4', sizeBytes: video.length, mimeType: 'video/mp4' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ chunkBytes: CHUNK, receivedBytes: 0, sizeBytes: video.length, filename: 'clip.mp4' });
    const { uploadId } = created.body;
    expect((await sendPiece(app, owner, uploadId, 0, video.subarray(0, CHUNK))).body.receivedBytes).toBe(CHUNK);

    await dropPieceHalfway(app, owner, uploadId, CHUNK, video.subarray(CHUNK), 1 * MB);
    const status = await app.request('GET', uploadsPath(owner, uploadId), { token: owner.token });
    expect(status.status).toBe(200);
    expect(status.body.receivedBytes).toBe(CHUNK);

    const rest = await sendPiece(app, owner, uploadId, status.body.receivedBytes, video.subarray(CHUNK));
    expect(rest.status).toBe(201);
    expect(rest.body.media).toMatchObject({ kind: 'video', sizeBytes: video.length, durationSeconds: 3 });
    expect(Buffer.from(await (await fetch(rest.body.media.url)).arrayBuffer()).equals(video)).toBe(true);
    // The dropped copy left nothing behind either (its temporary file is removed).
    expect((await storedKeys()).filter((key) => key.startsWith('uploads/') || key.startsWith('.tmp/'))).toEqual([]);
  });

  it('answers a piece at the wrong offset with 409, where to continue, and changes nothing', async () => {
    const video = isoVideoFile({ durationSeconds: 2, mdatBytes: 5 * MB });
    const { uploadId } = (await createUpload(app, owner, { filename: 'x.mp4', sizeBytes: video.length })).body;
    await sendPiece(app, owner, uploadId, 0, video.subarray(0, CHUNK));

    // The same piece again (its answer was lost): refused, nothing overwritten.
    const again = await sendPiece(app, owner, uploadId, 0, Buffer.alloc(CHUNK, 1));
    expect(again.status).toBe(409);
    expect(again.headers.get('upload-offset')).toBe(String(CHUNK));
    expect(again.body.error).toMatchObject({ code: 'upload_offset_mismatch', expectedOffset: CHUNK });
    expect(again.body.error.message).toBe(`This piece starts at byte 0, but the upload continues at byte ${CHUNK}. Send the piece starting at byte ${CHUNK}.`);
    const ahead = await sendPiece(app, owner, uploadId, 2 * CHUNK, Buffer.alloc(10));
    expect(ahead.body.error).toMatchObject({ code: 'upload_offset_mismatch', expectedOffset: CHUNK });

    const noOffset = await upload(app.url, `${uploadsPath(owner, uploadId)}?offset=first`, { token: owner.token, body: Buffer.alloc(10), method: 'PUT' });
    expect(noOffset.status).toBe(400);
    expect(noOffset.body.error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'offset', message: 'must be a number' }] });

    // A piece of the wrong length is refused too.
    const short = await sendPiece(app, owner, uploadId, CHUNK, video.subarray(CHUNK, CHUNK + 100));
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('upload_chunk_invalid');
    expect((await app.request('GET', uploadsPath(owner, uploadId), { token: owner.token })).body.receivedBytes).toBe(CHUNK);

    const last = await sendPiece(app, owner, uploadId, CHUNK, video.subarray(CHUNK));
    expect(last.status).toBe(201);
    expect(Buffer.from(await (await fetch(last.body.media.url)).arrayBuffer()).equals(video)).toBe(true);
  });

  it('refuses at creation a file over the limit (of its declared kind, or the largest) and an empty one', async () => {
    const tooBig = await createUpload(app, owner, { filename: 'huge.mov', sizeBytes: 1024 * MB + 1 });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('media_too_large');
    expect(tooBig.body.error.message).toContain('nothing larger than 1 GB');
    const bigImage = await createUpload(app, owner, { filename: 'poster.png', sizeBytes: 30 * MB, mimeType: 'image/png' });
    expect(bigImage.status).toBe(413);
    expect(bigImage.body.error.message).toBe('This image is 30 MB; the library accepts images up to 20 MB.');
    const empty = await createUpload(app, owner, { filename: 'empty.png', sizeBytes: 0 });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('media_empty');
    expect(await app.db.knex('mediaUploads').where({ workspaceId: owner.workspaceId, filename: 'huge.mov' })).toEqual([]);
  });

  it('refuses a type the library does not take once the bytes are in, exactly like a single upload, keeping nothing', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(CHUNK + 500)]);
    const single = await upload(app.url, `/api/v1/workspaces/${owner.workspaceId}/media`, { token: owner.token, body: zip, filename: 'cat.jpg' });
    const before = await app.db.knex('media').where({ workspaceId: owner.workspaceId }).count({ n: '*' }).first();
    const { last, uploadId } = await uploadInPieces(app, owner, zip, 'cat.jpg');
    expect(last.status).toBe(415);
    expect(last.body).toEqual(single.body);
    expect(await partsOf(uploadId)).toEqual([]);
    expect((await storedKeys()).filter((key) => key.startsWith('.tmp/'))).toEqual([]);
    expect(await app.db.knex('mediaUploads').where({ id: uploadId })).toEqual([]);
    expect(await app.db.knex('media').where({ workspaceId: owner.workspaceId }).count({ n: '*' }).first()).toEqual(before);
  });

  it('cancels an upload: its parts go, and it takes no more pieces', async () => {
    const video = isoVideoFile({ durationSeconds: 2, mdatBytes: 5 * MB });
    const { uploadId } = (await createUpload(app, owner, { filename: 'x.mp4', sizeBytes: video.length })).body;
    await sendPiece(app, owner, uploadId, 0, video.subarray(0, CHUNK));
    expect(await partsOf(uploadId)).toHaveLength(1);
    expect((await app.request('DELETE', uploadsPath(owner, uploadId), { token: owner.token })).status).toBe(204);
    expect(await partsOf(uploadId)).toEqual([]);
    expect((await sendPiece(app, owner, uploadId, CHUNK, video.subarray(CHUNK))).status).toBe(404);
    expect((await app.request('DELETE', uploadsPath(owner, uploadId), { token: owner.token })).status).toBe(404);
  });

  it('is invisible to another workspace (404) and closed to viewers (403)', async () => {
    const { uploadId } = (await createUpload(app, owner, { filename: 'x.pdf', sizeBytes: 100 })).body;
    const elsewhere = { ...stranger, workspaceId: stranger.workspaceId };
    const inTheirs = (path: string) => path.replace(owner.workspaceId, stranger.workspaceId);
    expect((await app.request('GET', inTheirs(uploadsPath(owner, uploadId)), { token: stranger.token })).status).toBe(404);
    expect((await sendPiece(app, elsewhere, uploadId, 0, Buffer.alloc(100))).status).toBe(404);
    expect((await app.request('DELETE', inTheirs(uploadsPath(owner, uploadId)), { token: stranger.token })).status).toBe(404);
    // Their own workspace's address with someone else's token: not a member.
    expect((await app.request('GET', uploadsPath(owner, uploadId), { token: stranger.token })).status).toBe(404);
    expect((await app.request('GET', uploadsPath(owner, uploadId), { token: viewer.token })).status).toBe(403);
    expect((await app.request('GET', uploadsPath(owner, uploadId), { token: owner.token })).body.receivedBytes).toBe(0);
  });
});
