import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoVideoFile } from '../media/testing/fixtures.js';
import { createUpload, sendPiece, uploadInPieces, uploadsPath } from '../media/testing/resumable.js';
import { startLocalS3, type LocalS3 } from '../sandbox/s3/server.js';
import { S3Storage, createS3Client } from '../storage/s3.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

/** Resumable uploads on an S3-compatible bucket: parts are objects any instance can read back. */
const CHUNK = 4 * 1024 * 1024;
let s3: LocalS3;
let app: TestApp;
let owner: TestUser;

beforeAll(async () => {
  s3 = await startLocalS3();
  const storage = new S3Storage(
    createS3Client({ bucket: s3.bucket, endpoint: s3.endpoint, region: 'us-east-1', credentials: s3.credentials, forcePathStyle: true }),
    s3.bucket,
  );
  app = await createTestApp({ storage });
  owner = await app.signUp();
});
afterAll(async () => {
  await app?.close();
  await s3?.close();
});

const uploadKeys = () => s3.keys().filter((key) => key.startsWith('uploads/'));

describe('resumable uploads on S3', () => {
  it('stores each piece as a part object and assembles them into the medium, removing the parts', async () => {
    const video = isoVideoFile({ durationSeconds: 7, mdatBytes: 9 * 1024 * 1024 });
    const created = await createUpload(app, owner, { filename: 'film.mp4', sizeBytes: video.length });
    const { uploadId } = created.body;
    await sendPiece(app, owner, uploadId, 0, video.subarray(0, CHUNK));
    await sendPiece(app, owner, uploadId, CHUNK, video.subarray(CHUNK, 2 * CHUNK));
    expect(uploadKeys()).toEqual([`uploads/${owner.workspaceId}/${uploadId}/part-0`, `uploads/${owner.workspaceId}/${uploadId}/part-1`]);
    const last = await sendPiece(app, owner, uploadId, 2 * CHUNK, video.subarray(2 * CHUNK));
    expect(last.status).toBe(201);
    const { media } = last.body;
    expect(media).toMatchObject({ kind: 'video', sizeBytes: video.length, durationSeconds: 7, originalFilename: 'film.mp4' });
    expect(s3.keys()).toContain(`media/${owner.workspaceId}/${media.id}/original`);
    expect(Buffer.from(await (await fetch(media.url)).arrayBuffer()).equals(video)).toBe(true);
    expect(uploadKeys()).toEqual([]);
    expect(s3.openUploads()).toBe(0);
  });

  it('leaves nothing in the bucket when the type is refused at the end, or the upload is cancelled', async () => {
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(CHUNK + 10)]);
    const before = s3.keys().length;
    const refused = await uploadInPieces(app, owner, zip, 'archive.jpg');
    expect(refused.last.status).toBe(415);
    expect(refused.last.body.error.code).toBe('media_type_not_allowed');
    expect(s3.keys()).toHaveLength(before);

    const { uploadId } = (await createUpload(app, owner, { filename: 'x.zip', sizeBytes: zip.length })).body;
    await sendPiece(app, owner, uploadId, 0, zip.subarray(0, CHUNK));
    expect(uploadKeys()).toHaveLength(1);
    expect((await app.request('DELETE', uploadsPath(owner, uploadId), { token: owner.token })).status).toBe(204);
    expect(uploadKeys()).toEqual([]);
  });
});
