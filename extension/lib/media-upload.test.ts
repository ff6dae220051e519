import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorBody, startFakeService, type FakeAnswer, type FakeService, type ReceivedRequest } from '../testing/fake-service.js';
import { signedIn, WORKSPACE_ID } from '../testing/fixtures.js';
import { resetExtension } from '../testing/reset-extension.js';
import { cancelMediaUpload, pieceRetry, sendMediaChunk, startMediaUpload } from './media-upload.js';

const UPLOAD_ID = '88888888-8888-4888-8888-888888888888';
const MEDIA_ID = '77777777-7777-4777-8777-777777777777';
const NOW = '2025-01-01T00:00:00.000Z';
const CHUNK = 4;
const FILE = Buffer.from('0123456789');

/**
 * A resumable upload as the service keeps it: pieces must start at `received`; `drop` makes the next
 * piece requests fail with 503, optionally after the service took the piece (its answer lost on the way).
 */
const state = { received: 0, drop: 0, takeDropped: false };
const session = () => ({ uploadId: UPLOAD_ID, filename: 'clip.mp4', sizeBytes: FILE.length, chunkBytes: CHUNK, receivedBytes: state.received, expiresAt: NOW });
const medium = {
  id: MEDIA_ID, workspaceId: WORKSPACE_ID, kind: 'video', mimeType: 'video/mp4', sizeBytes: FILE.length, originalFilename: 'clip.mp4', width: null, height: null,
  durationSeconds: 3, url: 'http://media.example/clip.mp4', thumbnailUrl: null, urlExpiresAt: NOW, sourceUrl: null, uploadedBy: null, createdAt: NOW,
};

function resumable(request: ReceivedRequest): FakeAnswer {
  const [path, query] = request.path.split('?');
  const base = `/api/v1/workspaces/${WORKSPACE_ID}/media/uploads`;
  if (request.method === 'POST' && path === base) return { status: 201, json: session() };
  if (request.method === 'GET' && path === `${base}/${UPLOAD_ID}`) return { status: 200, json: session() };
  if (request.method === 'DELETE' && path === `${base}/${UPLOAD_ID}`) return { status: 204 };
  if (request.method === 'PUT' && path === `${base}/${UPLOAD_ID}`) {
    const offset = Number(new URLSearchParams(query).get('offset'));
    const bytes = request.body as Buffer;
    if (state.drop > 0) {
      state.drop--;
      if (state.takeDropped && offset === state.received) state.received += bytes.length;
      return { status: 503, text: 'Service Unavailable', contentType: 'text/plain' };
    }
    if (offset !== state.received) return { status: 409, json: { error: { code: 'upload_offset_mismatch', message: 'Elsewhere.', expectedOffset: state.received } } };
    state.received += bytes.length;
    const done = state.received === FILE.length;
    return { status: done ? 201 : 200, json: { ...session(), media: done ? medium : null } };
  }
  return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
}

let service: FakeService;
beforeAll(async () => {
  service = await startFakeService(resumable);
});
afterAll(() => service.close());
beforeEach(async () => {
  resetExtension(service);
  Object.assign(state, { received: 0, drop: 0, takeDropped: false });
  pieceRetry.delaysMs = [0, 0, 0];
  await signedIn(service.url);
});

const piece = (offset: number) => ({ workspaceId: WORKSPACE_ID, uploadId: UPLOAD_ID, offset, base64: FILE.subarray(offset, offset + CHUNK).toString('base64') });
const pieceRequests = () => service.requests.filter((request) => request.method === 'PUT');

describe('uploading a file from disk in pieces (background)', () => {
  it('opens a session, sends each piece to the service at once and answers what it holds, then the medium', async () => {
    expect(await startMediaUpload({ workspaceId: WORKSPACE_ID, filename: 'clip.mp4', type: 'video/mp4', size: FILE.length })).toEqual({ uploadId: UPLOAD_ID, chunkBytes: CHUNK });
    expect(service.requests[0]).toMatchObject({ method: 'POST', body: { filename: 'clip.mp4', sizeBytes: FILE.length, mimeType: 'video/mp4' } });

    expect(await sendMediaChunk(piece(0))).toEqual({ received: 4, media: null });
    expect(await sendMediaChunk(piece(4))).toEqual({ received: 8, media: null });
    const last = await sendMediaChunk(piece(8));
    expect(last).toMatchObject({ received: 10, media: { id: MEDIA_ID, kind: 'video', name: 'clip.mp4', durationSeconds: 3 } });
    expect(pieceRequests().map((request) => [request.path.split('?')[1], [...(request.body as Buffer)]])).toEqual([
      ['offset=0', [...FILE.subarray(0, 4)]],
      ['offset=4', [...FILE.subarray(4, 8)]],
      ['offset=8', [...FILE.subarray(8)]],
    ]);
  });

  it('sends a piece again when the connection failed, and counts a piece the service took before the answer was lost', async () => {
    state.drop = 2;
    expect(await sendMediaChunk(piece(0))).toEqual({ received: 4, media: null });
    expect(pieceRequests()).toHaveLength(3);

    state.drop = 1;
    state.takeDropped = true;
    expect(await sendMediaChunk(piece(4))).toEqual({ received: 8, media: null });
    // The resend was refused (409: already there); the status confirmed the piece arrived.
    expect(service.requests.at(-1)).toMatchObject({ method: 'GET', path: `/api/v1/workspaces/${WORKSPACE_ID}/media/uploads/${UPLOAD_ID}` });
  });

  it('gives up after a few tries with a sentence about the connection', async () => {
    state.drop = 10;
    await expect(sendMediaChunk(piece(0))).rejects.toMatchObject({
      code: 'service_unreachable',
      message: 'The connection to Minopa dropped during the upload and did not come back after 4 tries. Check your connection and choose the file again.',
    });
    expect(pieceRequests()).toHaveLength(4);
  });

  it('refuses a type no network takes and an empty file before contacting the service; cancelling deletes the session', async () => {
    await expect(startMediaUpload({ workspaceId: WORKSPACE_ID, filename: 'notes.txt', type: 'text/plain', size: 3 })).rejects.toMatchObject({ message: expect.stringContaining('“notes.txt” is not a file') });
    await expect(startMediaUpload({ workspaceId: WORKSPACE_ID, filename: 'empty.png', type: 'image/png', size: 0 })).rejects.toMatchObject({ message: '“empty.png” is empty.' });
    expect(service.requests).toEqual([]);
    await cancelMediaUpload({ workspaceId: WORKSPACE_ID, uploadId: UPLOAD_ID });
    expect(service.requests).toMatchObject([{ method: 'DELETE', path: `/api/v1/workspaces/${WORKSPACE_ID}/media/uploads/${UPLOAD_ID}` }]);
  });
});
