import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { JOBS } from '../../jobs/schedule.js';
import { createLogger } from '../../logger.js';
import { png } from '../../media/testing/fixtures.js';
import { upload } from '../../media/testing/upload.js';
import { addMember } from '../../testing/teams.js';
import { createTestApp, type TestApp, type TestUser } from '../../testing/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app?.close());

const runExports = () =>
  JOBS.find((job) => job.name === 'build-data-exports')!.run({ knex: app.db.knex, config: app.config, storage: app.storage, logger: createLogger({ level: 'error', write: () => undefined }) });

/** The archive's files by name (text for JSON and README, bytes for the rest). */
async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file))));
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return files;
}

const capture = (person: TestUser, title: string) =>
  app.request('POST', `/api/v1/workspaces/${person.workspaceId}/captures`, { token: person.token, body: { clientId: randomUUID(), kind: 'page', url: 'https://example.com/a', title } });

describe('download of all your data (P27)', () => {
  it('P27: builds a ZIP with a README, JSON of the account, content, choices and sessions, and the media files; valid 7 days', async () => {
    const person = await app.signUp();
    const colleague = await app.signUp();
    await addMember(app, person.workspaceId, colleague, 'editor');
    await capture(person, 'My own draft');
    await capture(colleague, 'Someone else’s draft');
    const picture = await png(32, 32);
    const uploaded = (await upload(app.url, `/api/v1/workspaces/${person.workspaceId}/media`, { token: person.token, body: picture, filename: 'cat.png' })).body as { id: string };
    await app.request('PUT', '/api/v1/me/consent', { token: person.token, body: { choices: { functional: true, analytics: false, marketing: false, errorReports: true } } });

    const requested = await app.request('POST', '/api/v1/me/exports', { token: person.token });
    expect(requested.status).toBe(202);
    expect(requested.body).toMatchObject({ status: 'queued', downloadUrl: null, progress: { done: 0, total: null } });
    // One at a time: asking again returns the same export.
    expect((await app.request('POST', '/api/v1/me/exports', { token: person.token })).body.id).toBe(requested.body.id);

    await runExports();
    const ready = await app.request('GET', `/api/v1/me/exports/${requested.body.id}`, { token: person.token });
    expect(ready.body).toMatchObject({ status: 'ready', progress: { done: 16, total: 16 } });
    expect(new Date(ready.body.expiresAt).getTime() - new Date(ready.body.finishedAt).getTime()).toBe(7 * 86_400_000);

    const download = await fetch(ready.body.downloadUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    expect(download.headers.get('content-disposition')).toMatch(/attachment; filename="minopa-export-\d{4}-\d{2}-\d{2}\.zip"/);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(ready.body.sizeBytes).toBe(bytes.length);
    const files = await unzip(bytes);
    const json = (name: string) => JSON.parse(files.get(name)!.toString('utf8'));

    expect([...files.keys()]).toEqual(expect.arrayContaining(['README.md', 'account.json', 'sessions.json', 'workspaces.json', 'posts.json', 'media.json', 'consents.json', 'legal-acceptances.json', `media/${uploaded.id}.png`]));
    expect(files.get('README.md')!.toString()).toContain('`posts.json`: The posts you wrote');
    expect(json('account.json')).toMatchObject({ id: person.user.id, email: person.email, firstName: person.user.firstName });
    expect(files.get('account.json')!.toString()).not.toMatch(/password|argon/i);
    expect(json('posts.json').map((post: { title: string }) => post.title)).toEqual(['My own draft']);
    expect(json('workspaces.json')).toEqual([expect.objectContaining({ id: person.workspaceId, role: 'owner' })]);
    expect(json('sessions.json').length).toBeGreaterThan(0);
    expect(json('consents.json')).toEqual([expect.objectContaining({ functional: true, errorReports: true })]);
    expect(json('legal-acceptances.json').map((row: { kind: string }) => row.kind).sort()).toEqual(['privacy', 'terms']);
    expect(json('media.json')).toEqual([expect.objectContaining({ id: uploaded.id, originalFilename: 'cat.png', file: `media/${uploaded.id}.png` })]);
    expect(files.get(`media/${uploaded.id}.png`)!.equals(picture)).toBe(true);
    const everything = [...files.values()].map((file) => file.toString('latin1')).join('');
    expect(everything).not.toContain('Someone else’s draft');
    expect(everything).not.toContain(person.token);
  });

  it('P27: after 7 days the archive is deleted and its link stops working', async () => {
    const person = await app.signUp();
    const { id } = (await app.request('POST', '/api/v1/me/exports', { token: person.token })).body;
    await runExports();
    const { downloadUrl } = (await app.request('GET', `/api/v1/me/exports/${id}`, { token: person.token })).body;
    await app.db.knex('dataExports').where({ id }).update({ expiresAt: new Date(Date.now() - 1000) });
    expect((await app.request('GET', `/api/v1/me/exports/${id}`, { token: person.token })).body).toMatchObject({ status: 'expired', downloadUrl: null });
    expect((await fetch(downloadUrl)).status).toBe(404);
    await runExports();
    const row = await app.db.knex('dataExports').where({ id }).first();
    expect(row).toMatchObject({ status: 'expired', storageKey: null });
    expect((await app.request('GET', '/api/v1/me/exports', { token: person.token })).body.items).toEqual([expect.objectContaining({ id, status: 'expired' })]);
  });

  it('someone else’s export is a 404', async () => {
    const person = await app.signUp();
    const stranger = await app.signUp();
    const { id } = (await app.request('POST', '/api/v1/me/exports', { token: person.token })).body;
    expect((await app.request('GET', `/api/v1/me/exports/${id}`, { token: stranger.token })).status).toBe(404);
  });
});
