import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoVideoFile, png } from '../media/testing/fixtures.js';
import { upload } from '../media/testing/upload.js';
import { startLocalS3, type LocalS3 } from '../sandbox/s3/server.js';
import { S3Storage, createS3Client } from '../storage/s3.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

/** The library on an S3-compatible bucket: the real AWS SDK against the local S3 server, which checks every signature. */
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

describe('media on S3', () => {
  it('stores an image and its thumbnail in the bucket and answers with presigned addresses that serve them', async () => {
    const bytes = await png(640, 480);
    const response = await upload(app.url, `/api/v1/workspaces/${owner.workspaceId}/media`, { token: owner.token, body: bytes, filename: 'report.png' });
    expect(response.status).toBe(201);
    const { id, url, thumbnailUrl } = response.body;
    expect(s3.keys()).toEqual(expect.arrayContaining([`media/${owner.workspaceId}/${id}/original`, `media/${owner.workspaceId}/${id}/thumbnail`]));
    expect(url).toMatch(new RegExp(`^${s3.endpoint}/${s3.bucket}/media/.+X-Amz-Signature=`));
    const file = await fetch(url);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-disposition')).toBe(`inline; filename="report.png"; filename*=UTF-8''report.png`);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(bytes);
    expect((await fetch(thumbnailUrl)).headers.get('content-type')).toBe('image/webp');

    expect((await app.request('DELETE', `/api/v1/workspaces/${owner.workspaceId}/media/${id}`, { token: owner.token })).status).toBe(204);
    expect(s3.keys().filter((key) => key.includes(id))).toEqual([]);
  });

  it('streams a video larger than one part as a multipart upload', async () => {
    const before = s3.requests.length;
    const video = isoVideoFile({ durationSeconds: 30, mdatBytes: 12 * 1024 * 1024 });
    const response = await upload(app.url, `/api/v1/workspaces/${owner.workspaceId}/media`, { token: owner.token, body: video });
    expect(response.body).toMatchObject({ kind: 'video', sizeBytes: video.length, durationSeconds: 30 });
    expect(s3.requests.slice(before)).toEqual(expect.arrayContaining(['POST CreateMultipartUpload', 'PUT UploadPart', 'POST CompleteMultipartUpload']));
    expect(s3.openUploads()).toBe(0);
  });
});
