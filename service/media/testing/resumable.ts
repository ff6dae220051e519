import { request as httpRequest } from 'node:http';
import type { TestApp, TestResponse, TestUser } from '../../testing/test-app.js';
import { upload, type UploadResponse } from './upload.js';

/** Paths of the resumable upload endpoints of `user`'s workspace. */
export const uploadsPath = (user: TestUser, uploadId?: string) => `/api/v1/workspaces/${user.workspaceId}/media/uploads${uploadId ? `/${uploadId}` : ''}`;

/** Opens a session for `size` bytes. */
export function createUpload(app: TestApp, user: TestUser, body: { filename: string; sizeBytes: number; mimeType?: string }): Promise<TestResponse> {
  return app.request('POST', uploadsPath(user), { token: user.token, body });
}

/** Sends one piece at `offset`. */
export function sendPiece(app: TestApp, user: TestUser, uploadId: string, offset: number, bytes: Buffer): Promise<UploadResponse> {
  return upload(app.url, `${uploadsPath(user, uploadId)}?offset=${offset}`, { token: user.token, body: bytes, method: 'PUT' });
}

/** Uploads `bytes` in the pieces the service asks for; resolves with the last piece's answer and every answer's receivedBytes. */
export async function uploadInPieces(app: TestApp, user: TestUser, bytes: Buffer, filename: string): Promise<{ last: UploadResponse; received: number[]; uploadId: string }> {
  const created = await createUpload(app, user, { filename, sizeBytes: bytes.length });
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${created.text}`);
  const { uploadId, chunkBytes } = created.body as { uploadId: string; chunkBytes: number };
  const received: number[] = [];
  let last: UploadResponse | undefined;
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    last = await sendPiece(app, user, uploadId, offset, bytes.subarray(offset, offset + chunkBytes));
    if (last.status >= 300) break;
    received.push(last.body.receivedBytes);
  }
  return { last: last!, received, uploadId };
}

/**
 * Sends the first `sentBytes` of a piece announced as `bytes.length` long, then drops the connection —
 * a network failure halfway through a piece. Resolves once the socket is closed.
 */
export function dropPieceHalfway(app: TestApp, user: TestUser, uploadId: string, offset: number, bytes: Buffer, sentBytes: number): Promise<void> {
  return new Promise((resolve) => {
    const request = httpRequest(`${app.url}${uploadsPath(user, uploadId)}?offset=${offset}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) },
    });
    request.on('error', () => undefined);
    request.on('close', () => resolve());
    request.write(bytes.subarray(0, sentBytes), () => setTimeout(() => request.destroy(), 50));
  });
}
