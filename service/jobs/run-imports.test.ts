import { PLANS } from '#shared/billing/plans.js';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startIntegrationWorld, type IntegrationWorld } from '../imports/testing.js';
import { createLogger } from '../logger.js';
import { isoVideoFile, jpeg, pdf } from '../media/testing/fixtures.js';
import type { BlobStorage } from '../storage/index.js';
import { testConfig, type TestUser } from '../testing/test-app.js';
import { runImports, type RunImportsDeps } from './run-imports.js';

/**
 * Imports end to end against the standalone Canva and Drive simulators: the routes only write rows; the
 * job exports, downloads and stores, and makes the draft.
 */
let world: IntegrationWorld;
let canvaUser: TestUser;
let driveUser: TestUser;
const IMAGE_LIMIT = 200_000;
const DRIVE_EMAIL = 'importer@example.com';
const CANVA_NAME = 'importer';
const logger = createLogger({ level: process.env.DEBUG_IMPORTS ? "debug" : "error" });

const deps = (extra: Partial<RunImportsDeps> = {}): RunImportsDeps => ({
  knex: world.app.db.knex, storage: world.app.storage, config: world.app.config, logger, polling: { firstMs: 20, maxMs: 50, deadlineMs: 5_000 }, ...extra,
});
const importsPath = (user: TestUser) => `/api/v1/workspaces/${user.workspaceId}/imports`;

async function start(user: TestUser, body: Record<string, unknown>) {
  const response = await world.app.request('POST', importsPath(user), { token: user.token, body: { clientId: randomUUID(), ...body } });
  return response;
}

async function get(user: TestUser, id: string, language?: string) {
  const response = await world.app.request('GET', `${importsPath(user)}/${id}`, { token: user.token, ...(language ? { headers: { 'accept-language': language } } : {}) });
  expect(response.status).toBe(200);
  return response.body;
}

/** Every file in the test app's media folder (local storage). */
async function storedFiles(): Promise<number> {
  const { readdir } = await import('node:fs/promises');
  const root = (world.app.storage as unknown as { options: { dir: string } }).options.dir;
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).length;
}

/** The size and format of a medium's stored preview, or null when it has none. */
async function previewOf(mediaId: string): Promise<{ format: string | undefined; width: number | undefined; height: number | undefined } | null> {
  const row = await world.app.db.knex('media').where({ id: mediaId }).first('thumbnailKey');
  if (!row.thumbnailKey) return null;
  const stored = await world.app.storage.get(row.thumbnailKey);
  const chunks: Buffer[] = [];
  for await (const chunk of stored!.body) chunks.push(chunk as Buffer);
  const { format, width, height } = await sharp(Buffer.concat(chunks)).metadata();
  return { format, width, height };
}

/** The media API's view of a medium: what the library and the queue show. */
async function presented(user: TestUser, mediaId: string) {
  const response = await world.app.request('GET', `/api/v1/workspaces/${user.workspaceId}/media/${mediaId}`, { token: user.token });
  expect(response.status).toBe(200);
  return response.body as { kind: string; thumbnailUrl: string | null };
}

/** The test app's storage, noting every key written through it. */
function recordingStorage(written: string[]): BlobStorage {
  const storage = world.app.storage;
  return new Proxy(storage, {
    get(target, name) {
      if (name === 'put') return (key: string, ...rest: Parameters<BlobStorage['put']> extends [string, ...infer R] ? R : never) => (written.push(key), target.put(key, ...rest));
      const value = Reflect.get(target, name) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

beforeAll(async () => {
  const media = testConfig().media;
  // Tables of its own: the job claims every unfinished import, and other test files make some.
  world = await startIntegrationWorld({ isolated: true, config: { media: { ...media, maxBytes: { ...media.maxBytes, image: IMAGE_LIMIT } } } });
  canvaUser = await world.app.signUp();
  driveUser = await world.app.signUp();
  await world.connectCanva(canvaUser, CANVA_NAME);
  await world.connectDrive(driveUser, DRIVE_EMAIL, 'file');
});
afterAll(async () => {
  await world?.close();
});

describe('Canva imports', () => {
  it('exports a two-page design as PNG: two media in page order, named after the design, and a draft with the source link', async () => {
    const design = world.canva.sim.world.addDesign(CANVA_NAME, { title: 'Spring launch', pageCount: 2 });
    const sourceUrl = `https://www.canva.com/design/${design.id}/edit`;
    const started = await start(canvaUser, { source: { provider: 'canva', designId: design.id, format: 'png' }, sourceUrl });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'queued', provider: 'canva', sourceId: design.id, format: 'png', mediaIds: [], postId: null, failure: null });

    expect(await runImports(deps())).toMatchObject({ done: 1, failed: 0 });
    const done = await get(canvaUser, started.body.id);
    expect(done).toMatchObject({ status: 'done', title: 'Spring launch', failure: null });
    expect(done.mediaIds).toHaveLength(2);
    const media = await world.app.db.knex('media').whereIn('id', done.mediaIds).select('id', 'kind', 'originalFilename', 'sourceUrl', 'thumbnailKey');
    expect(media.map((m) => m.originalFilename).sort()).toEqual(['Spring launch – page 1.png', 'Spring launch – page 2.png']);
    expect(media.every((m) => m.kind === 'image' && m.sourceUrl === sourceUrl && m.thumbnailKey)).toBe(true);

    const post = await world.app.request('GET', `/api/v1/workspaces/${canvaUser.workspaceId}/posts/${done.postId}`, { token: canvaUser.token });
    expect(post.body).toMatchObject({ status: 'draft', title: 'Spring launch', source: { kind: 'page', url: sourceUrl, title: 'Spring launch' } });
    expect(post.body.media.map((m: { id: string }) => m.id)).toEqual(done.mediaIds);
    expect(world.canva.sim.world.calls('POST', /^\/v1\/exports$/)).toBeGreaterThanOrEqual(1);
  });

  it('a failed export (premium elements) fails the import with Canva’s reason, in the request’s language', async () => {
    const design = world.canva.sim.world.addDesign(CANVA_NAME, { title: 'Premium', failExportsWith: 'license_required' });
    const started = await start(canvaUser, { source: { provider: 'canva', designId: design.id, format: 'jpg' } });
    await runImports(deps());
    const failed = await get(canvaUser, started.body.id);
    expect(failed).toMatchObject({ status: 'failed', mediaIds: [], postId: null });
    expect(failed.failure.code).toBe('export_failed');
    expect(failed.failure.message).toMatch(/^The export failed at Canva: .*premium elements/);
    expect((await get(canvaUser, started.body.id, 'de')).failure.message).toMatch(/^Der Export ist bei Canva fehlgeschlagen: .*Premium-Elemente/);
  });

  it('expired download links are tried again later with fresh links from the same export', async () => {
    const design = world.canva.sim.world.addDesign(CANVA_NAME, { title: 'Late', pageCount: 2 });
    const started = await start(canvaUser, { source: { provider: 'canva', designId: design.id, format: 'jpg' } });
    const exportsBefore = world.canva.sim.world.calls('POST', /^\/v1\/exports$/);
    world.canva.sim.world.timing.downloadTtlMs = -1;
    try {
      await runImports(deps());
    } finally {
      world.canva.sim.world.timing.downloadTtlMs = 24 * 3600 * 1000;
    }
    const waiting = await world.app.db.knex('imports').where({ id: started.body.id }).first('status', 'lockedUntil', 'lockedBy');
    expect(waiting).toMatchObject({ status: 'downloading', lockedBy: null });
    expect(waiting.lockedUntil.getTime()).toBeGreaterThan(Date.now());
    await world.app.db.knex('imports').where({ id: started.body.id }).update({ lockedUntil: null });
    await runImports(deps());
    const done = await get(canvaUser, started.body.id);
    expect(done).toMatchObject({ status: 'done' });
    expect(done.mediaIds).toHaveLength(2);
    expect(world.canva.sim.world.calls('POST', /^\/v1\/exports$/)).toBe(exportsBefore + 1);
  });

  it('a crashed worker’s import continues after its lease runs out, polling the export it had started', async () => {
    const design = world.canva.sim.world.addDesign(CANVA_NAME, { title: 'Resumed', pageCount: 1 });
    const exportsBefore = world.canva.sim.world.calls('POST', /^\/v1\/exports$/);
    const started = await start(canvaUser, { source: { provider: 'canva', designId: design.id, format: 'pdf' } });
    const crash = new AbortController();
    const first = runImports(deps({ signal: crash.signal, polling: { firstMs: 5_000, maxMs: 5_000, deadlineMs: 60_000 } }));
    for (let i = 0; i < 200; i++) {
      const row = await world.app.db.knex('imports').where({ id: started.body.id }).first('vendorJobId');
      if (row.vendorJobId) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    crash.abort();
    await first;
    const stuck = await get(canvaUser, started.body.id);
    expect(stuck.status).toBe('exporting');
    // Nobody picks it up while the lease holds …
    await runImports(deps());
    expect((await get(canvaUser, started.body.id)).status).toBe('exporting');
    // … and once it has run out, the next worker finishes it.
    await world.app.db.knex('imports').where({ id: started.body.id }).update({ lockedUntil: new Date(Date.now() - 1_000) });
    await runImports(deps());
    const done = await get(canvaUser, started.body.id);
    expect(done.status).toBe('done');
    expect(done.mediaIds).toHaveLength(1);
    const [pdf] = await world.app.db.knex('media').whereIn('id', done.mediaIds);
    expect(pdf).toMatchObject({ kind: 'document', mimeType: 'application/pdf', originalFilename: 'Resumed.pdf' });
    expect(world.canva.sim.world.calls('POST', /^\/v1\/exports$/)).toBe(exportsBefore + 1);
  });
});

describe('Canva imports: thumbnails and a failure on a later page', () => {
  it('an MP4 or PDF export arrives with the design’s thumbnail as its preview, shown wherever media are', async () => {
    for (const format of ['mp4', 'pdf'] as const) {
      const design = world.canva.sim.world.addDesign(CANVA_NAME, { title: `Teaser ${format}`, pageCount: 2 });
      const started = await start(canvaUser, { source: { provider: 'canva', designId: design.id, format } });
      await runImports(deps());
      const done = await get(canvaUser, started.body.id);
      expect(done).toMatchObject({ status: 'done', title: `Teaser ${format}` });
      const [medium] = await world.app.db.knex('media').whereIn('id', done.mediaIds);
      expect(medium.kind).toBe(format === 'mp4' ? 'video' : 'document');
      // The simulator's design thumbnail is 595 × 335: fitted into the library's 512 px WebP preview.
      expect(await previewOf(medium.id)).toEqual({ format: 'webp', width: 512, height: 288 });
      expect((await presented(canvaUser, medium.id)).thumbnailUrl).toEqual(expect.any(String));
      const post = await world.app.request('GET', `/api/v1/workspaces/${canvaUser.workspaceId}/posts/${done.postId}`, { token: canvaUser.token });
      expect(post.body.media[0].thumbnailUrl).toEqual(expect.any(String));
    }
  });

  it('a multi-page export whose last page fails removes the pages already stored (files and rows) and fails with the reason', async () => {
    const design = world.canva.sim.world.addDesign(CANVA_NAME, { title: 'Broken at the end', pageCount: 3, damagedPages: [3] });
    const mediaBefore = Number((await world.app.db.knex('media').where({ workspaceId: canvaUser.workspaceId }).count({ n: '*' }))[0]!.n);
    const filesBefore = await storedFiles();
    const written: string[] = [];
    const started = await start(canvaUser, { source: { provider: 'canva', designId: design.id, format: 'png' } });
    expect(await runImports(deps({ storage: recordingStorage(written) }))).toMatchObject({ done: 0, failed: 1 });

    const failed = await get(canvaUser, started.body.id);
    expect(failed).toMatchObject({ status: 'failed', mediaIds: [], postId: null });
    expect(failed.failure).toEqual({ code: 'type_not_allowed', message: 'This image could not be read. It may be damaged or cut short.' });
    expect((await get(canvaUser, started.body.id, 'de')).failure.message).toBe('Dieses Bild konnte nicht gelesen werden. Es ist vielleicht beschädigt oder unvollständig.');
    // Pages 1 and 2 were stored (file and preview each) before page 3 failed …
    const mediaIds = [...new Set(written.map((key) => key.split('/')[2]!))];
    expect(written.filter((key) => key.endsWith('/original'))).toHaveLength(3);
    expect(written.filter((key) => key.endsWith('/thumbnail'))).toHaveLength(2);
    // … and nothing of them is left: no row, no stored object.
    expect(await world.app.db.knex('media').whereIn('id', mediaIds).count({ n: '*' })).toEqual([{ n: '0' }]);
    for (const key of written) expect(await world.app.storage.get(key)).toBeNull();
    expect(Number((await world.app.db.knex('media').where({ workspaceId: canvaUser.workspaceId }).count({ n: '*' }))[0]!.n)).toBe(mediaBefore);
    expect(await storedFiles()).toBe(filesBefore);
  });
});

describe('Drive imports', () => {
  it('downloads a picked image into the library, with a draft linking the file', async () => {
    const bytes = await jpeg(120, 80);
    const file = world.drive.sim.world.addFile(DRIVE_EMAIL, { name: 'harbour.jpg', mimeType: 'image/jpeg', content: { kind: 'bytes', bytes } });
    world.drive.sim.world.pick(DRIVE_EMAIL, file.id);
    const started = await start(driveUser, { source: { provider: 'google_drive', fileId: file.id } });
    await runImports(deps());
    const done = await get(driveUser, started.body.id);
    expect(done).toMatchObject({ status: 'done', title: 'harbour.jpg', receivedBytes: bytes.length, totalBytes: bytes.length, format: null });
    const [medium] = await world.app.db.knex('media').whereIn('id', done.mediaIds);
    expect(medium).toMatchObject({ kind: 'image', mimeType: 'image/jpeg', originalFilename: 'harbour.jpg', width: 120, height: 80 });
    const post = await world.app.request('GET', `/api/v1/workspaces/${driveUser.workspaceId}/posts/${done.postId}`, { token: driveUser.token });
    expect(post.body.source.url).toBe(`https://drive.google.com/file/d/${file.id}/view?usp=drivesdk`);
    expect(world.drive.sim.specViolations).toEqual([]);
  });

  it('a file that would take the workspace past its plan’s storage fails as plan_limit_reached, leaving nothing in storage', async () => {
    const bytes = await jpeg(60, 40);
    const file = world.drive.sim.world.addFile(DRIVE_EMAIL, { name: 'one-too-many.jpg', mimeType: 'image/jpeg', content: { kind: 'bytes', bytes } });
    world.drive.sim.world.pick(DRIVE_EMAIL, file.id);
    // The library is full: one stored file takes the whole of the Free plan's storage.
    const [filler] = await world.app.db
      .knex('media')
      .insert({ workspaceId: driveUser.workspaceId, uploadedBy: driveUser.user.id, kind: 'document', mimeType: 'application/pdf', sizeBytes: PLANS.free.limits.mediaStorageBytes, storageKey: `media/${driveUser.workspaceId}/00000000-0000-4000-8000-00000000f111/original` })
      .returning('id');
    try {
      const filesBefore = await storedFiles();
      const started = await start(driveUser, { source: { provider: 'google_drive', fileId: file.id } });
      await runImports(deps());
      const failed = await get(driveUser, started.body.id);
      expect(failed).toMatchObject({ status: 'failed', failure: { code: 'plan_limit_reached' }, mediaIds: [] });
      expect(await storedFiles()).toBe(filesBefore);
    } finally {
      await world.app.db.knex('media').where({ id: filler.id }).delete();
    }
  });

  it('exports a Google Doc as PDF', async () => {
    const doc = world.drive.sim.world.addWorkspaceFile(DRIVE_EMAIL, 'document', 'Quarterly notes');
    world.drive.sim.world.pick(DRIVE_EMAIL, doc.id);
    const preview = await world.app.request('GET', `${importsPath(driveUser)}/google-drive/files/${doc.id}`, { token: driveUser.token });
    expect(preview.body).toEqual({ fileId: doc.id, name: 'Quarterly notes', mimeType: 'application/vnd.google-apps.document', sizeBytes: null, exportAs: ['application/pdf'] });
    const started = await start(driveUser, { source: { provider: 'google_drive', fileId: doc.id } });
    await runImports(deps());
    const done = await get(driveUser, started.body.id);
    expect(done).toMatchObject({ status: 'done', format: 'application/pdf' });
    const [medium] = await world.app.db.knex('media').whereIn('id', done.mediaIds);
    expect(medium).toMatchObject({ kind: 'document', mimeType: 'application/pdf', originalFilename: 'Quarterly notes.pdf' });
  });

  it('a file never picked (drive.file) is no_access, at preview and import', async () => {
    const file = world.drive.sim.world.addFile(DRIVE_EMAIL, { name: 'secret.png', mimeType: 'image/png', content: { kind: 'bytes', bytes: await jpeg() } });
    const preview = await world.app.request('GET', `${importsPath(driveUser)}/google-drive/files/${file.id}`, { token: driveUser.token });
    expect(preview.status).toBe(403);
    expect(preview.body.error.code).toBe('import_no_access');
    const started = await start(driveUser, { source: { provider: 'google_drive', fileId: file.id } });
    await runImports(deps());
    const failed = await get(driveUser, started.body.id);
    expect(failed.status).toBe('failed');
    expect(failed.failure).toEqual({ code: 'no_access', message: expect.stringContaining('Pick this file') });
  });

  it('a file over the library’s limit fails as too_large from its metadata, leaving nothing in storage', async () => {
    const bytes = Buffer.concat([await jpeg(), Buffer.alloc(IMAGE_LIMIT)]);
    const file = world.drive.sim.world.addFile(DRIVE_EMAIL, { name: 'huge.jpg', mimeType: 'image/jpeg', content: { kind: 'bytes', bytes } });
    world.drive.sim.world.pick(DRIVE_EMAIL, file.id);
    const before = await storedFiles();
    const downloadsBefore = world.drive.sim.world.requests.filter((r) => r.query.alt === 'media').length;
    const started = await start(driveUser, { source: { provider: 'google_drive', fileId: file.id } });
    await runImports(deps());
    const failed = await get(driveUser, started.body.id);
    expect(failed.failure).toEqual({ code: 'too_large', message: expect.stringMatching(/library accepts images up to 195\.3 KB/) });
    expect(world.drive.sim.world.requests.filter((r) => r.query.alt === 'media').length).toBe(downloadsBefore);
    expect(await storedFiles()).toBe(before);
  });

  it('a video or PDF arrives with Drive’s thumbnail (fetched with the person’s token); a file Drive has none of, without', async () => {
    const video = world.drive.sim.world.addFile(DRIVE_EMAIL, { name: 'clip.mp4', mimeType: 'video/mp4', content: { kind: 'bytes', bytes: isoVideoFile({ durationSeconds: 2, mdatBytes: 2048 }) } });
    const brief = world.drive.sim.world.addFile(DRIVE_EMAIL, { name: 'brief.pdf', mimeType: 'application/pdf', content: { kind: 'bytes', bytes: pdf() }, hasThumbnail: false });
    for (const file of [video, brief]) world.drive.sim.world.pick(DRIVE_EMAIL, file.id);
    const imported: Record<string, string> = {};
    for (const file of [video, brief]) {
      const started = await start(driveUser, { source: { provider: 'google_drive', fileId: file.id }, createDraft: false });
      await runImports(deps());
      const done = await get(driveUser, started.body.id);
      expect(done.status).toBe('done');
      imported[file.name] = done.mediaIds[0];
    }
    // Drive's thumbnails are 220 px wide: kept at that size (never enlarged), as WebP.
    expect(await previewOf(imported['clip.mp4']!)).toEqual({ format: 'webp', width: 220, height: 124 });
    expect(await presented(driveUser, imported['clip.mp4']!)).toMatchObject({ kind: 'video', thumbnailUrl: expect.any(String) });
    expect(await previewOf(imported['brief.pdf']!)).toBeNull();
    expect(await presented(driveUser, imported['brief.pdf']!)).toMatchObject({ kind: 'document', thumbnailUrl: null });
    expect(world.drive.sim.specViolations).toEqual([]);
  });

  it('shows progress: receivedBytes grows while a 30 MB video streams in', async () => {
    const video = isoVideoFile({ durationSeconds: 30, mdatBytes: 30 * 1024 * 1024 });
    const file = world.drive.sim.world.addFile(DRIVE_EMAIL, { name: 'harbour.mp4', mimeType: 'video/mp4', content: { kind: 'bytes', bytes: video } });
    world.drive.sim.world.pick(DRIVE_EMAIL, file.id);
    const started = await start(driveUser, { source: { provider: 'google_drive', fileId: file.id }, createDraft: false });
    const seen = new Set<number>();
    let running = true;
    const watcher = (async () => {
      while (running) {
        const row = await world.app.db.knex('imports').where({ id: started.body.id }).first('receivedBytes', 'status');
        if (row.status === 'downloading') seen.add(Number(row.receivedBytes));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    await runImports(deps());
    running = false;
    await watcher;
    const done = await get(driveUser, started.body.id);
    expect(done).toMatchObject({ status: 'done', receivedBytes: video.length, totalBytes: video.length, postId: null });
    expect([...seen].some((bytes) => bytes > 0 && bytes < video.length)).toBe(true);
  });
});

describe('the import endpoints', () => {
  it('not connected: 409 at once, naming where to connect, and no row', async () => {
    const stranger = await world.app.signUp();
    const response = await start(stranger, { source: { provider: 'canva', designId: 'DAFabcdefgh', format: 'png' } });
    expect(response.status).toBe(409);
    expect(response.body.error).toEqual({ code: 'integration_not_connected', message: 'Connect Canva first, in Options → Connections.' });
    expect(await world.app.db.knex('imports').where({ userId: stranger.user.id }).count({ n: '*' })).toEqual([{ n: '0' }]);
  });

  it('is idempotent on clientId, lists your imports, and another workspace’s import is 404', async () => {
    const design = world.canva.sim.world.addDesign(CANVA_NAME, { title: 'Twice' });
    const body = { clientId: randomUUID(), source: { provider: 'canva', designId: design.id, format: 'gif' } };
    const first = await world.app.request('POST', importsPath(canvaUser), { token: canvaUser.token, body });
    const again = await world.app.request('POST', importsPath(canvaUser), { token: canvaUser.token, body });
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    const active = await world.app.request('GET', `${importsPath(canvaUser)}?active=true`, { token: canvaUser.token });
    expect(active.body.items.map((item: { id: string }) => item.id)).toContain(first.body.id);
    const other = await world.app.request('GET', `${importsPath(driveUser)}/${first.body.id}`, { token: driveUser.token });
    expect(other.status).toBe(404);
    await runImports(deps());
    const after = await world.app.request('GET', `${importsPath(canvaUser)}?active=true`, { token: canvaUser.token });
    expect(after.body.items.map((item: { id: string }) => item.id)).not.toContain(first.body.id);
  });

  it('previews a Canva design; an unknown one is 404 and another person’s is 403 import_no_access', async () => {
    const design = world.canva.sim.world.addDesign(CANVA_NAME, { title: 'Preview me', pageCount: 3 });
    const preview = await world.app.request('GET', `${importsPath(canvaUser)}/canva/designs/${design.id}`, { token: canvaUser.token });
    expect(preview.body).toMatchObject({ designId: design.id, title: 'Preview me', pageCount: 3, thumbnailUrl: expect.stringContaining('/thumbnail/') });
    const unknown = await world.app.request('GET', `${importsPath(canvaUser)}/canva/designs/DAFnothere1`, { token: canvaUser.token });
    expect(unknown.status).toBe(404);
    const theirs = world.canva.sim.world.addDesign('someone_else', { title: 'Not yours' });
    const denied = await world.app.request('GET', `${importsPath(canvaUser)}/canva/designs/${theirs.id}`, { token: canvaUser.token });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('import_no_access');
  });
});
