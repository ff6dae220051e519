import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImports } from '../../jobs/run-imports.js';
import { createLogger } from '../../logger.js';
import { jpeg } from '../../media/testing/fixtures.js';
import type { TestUser } from '../../testing/test-app.js';
import { startIntegrationWorld, type IntegrationWorld } from '../testing.js';

/**
 * Choosing a Drive file for drive.file: the picker link (single use, short-lived, bound to its person),
 * the simulator's stand-in page (no GOOGLE_PICKER_API_KEY outside production), and an import that works
 * once the file is chosen. Against the standalone Drive simulator, configured as the real Google.
 */
let world: IntegrationWorld;
let owner: TestUser;
let other: TestUser;
const OWNER_EMAIL = 'picker.owner@example.com';
const OTHER_EMAIL = 'picker.other@example.com';
const logger = createLogger({ level: 'error' });

const linkFor = (user: TestUser, fileId: string) => world.app.request<{ url: string; expiresAt: string }>('POST', '/api/v1/me/integrations/google_drive/picker-link', { token: user.token, body: { fileId } });
/** The link's address on the test server (PUBLIC_URL is not where it listens). */
const onServer = (url: string) => url.replace(world.app.config.publicUrl, world.app.url);

async function ownerFile() {
  return world.drive.sim.world.addFile(OWNER_EMAIL, { name: 'chosen.jpg', mimeType: 'image/jpeg', content: { kind: 'bytes', bytes: await jpeg(90, 60) } });
}

/** Opens the page like a browser; answers its status, text, cookie and the form's fields. */
async function openPage(url: string, language = 'en') {
  const page = await fetch(onServer(url), { headers: { 'accept-language': language } });
  const html = await page.text();
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]+)"`).exec(html)?.[1];
  return { status: page.status, html, csp: page.headers.get('content-security-policy'), cookie: page.headers.get('set-cookie')?.split(';')[0], link: field('link'), csrf: field('csrf') };
}

async function choose(form: { cookie?: string; link?: string; csrf?: string }, language = 'en') {
  const answer = await fetch(`${world.app.url}/integrations/google_drive/picker`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': language, ...(form.cookie ? { cookie: form.cookie } : {}) },
    body: new URLSearchParams({ link: form.link ?? '', csrf: form.csrf ?? '' }),
  });
  return { status: answer.status, html: await answer.text() };
}

beforeAll(async () => {
  world = await startIntegrationWorld({ isolated: true });
  owner = await world.app.signUp();
  other = await world.app.signUp();
  await world.connectDrive(owner, OWNER_EMAIL, 'file');
  await world.connectDrive(other, OTHER_EMAIL, 'file');
});
afterAll(async () => {
  await world?.close();
});

describe('picker links', () => {
  it('answers a single-use address on PUBLIC_URL; only its keyed hash is stored', async () => {
    const file = await ownerFile();
    const made = await linkFor(owner, file.id);
    expect(made.status).toBe(201);
    const url = new URL(made.body.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${world.app.config.publicUrl}/integrations/google_drive/picker`);
    expect(url.searchParams.get('fileId')).toBe(file.id);
    expect(Date.parse(made.body.expiresAt) - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    const row = await world.app.db.knex('drive_picker_links').where({ fileId: file.id }).first();
    expect(row.tokenHash).not.toContain(url.searchParams.get('token'));

    expect((await openPage(made.body.url)).status).toBe(200);
    const again = await openPage(made.body.url);
    expect(again.status).toBe(410);
    expect(again.html).toContain('expired or was already used');
  });

  it('refuses an expired link, a made-up token, a bad file id, and a person without Drive', async () => {
    const file = await ownerFile();
    const made = await linkFor(owner, file.id);
    await world.app.db.knex('drive_picker_links').where({ fileId: file.id }).update({ expiresAt: new Date(Date.now() - 1000) });
    expect((await openPage(made.body.url)).status).toBe(410);
    const madeUp = await openPage(`${world.app.url}/integrations/google_drive/picker?token=nope`, 'de');
    expect(madeUp.status).toBe(410);
    expect(madeUp.html).toContain('abgelaufen');
    const bad = await linkFor(owner, 'not a file');
    expect(bad.status).toBe(400);
    const stranger = await world.app.signUp();
    const unconnected = await linkFor(stranger, file.id);
    expect(unconnected.status).toBe(409);
    expect((unconnected.body as unknown as { error: { code: string } }).error.code).toBe('integration_not_connected');
  });

  it('a link picks only for the person who made it: another person’s link cannot choose the owner’s file for the owner', async () => {
    const file = await ownerFile();
    const made = await linkFor(other, file.id);
    const page = await openPage(made.body.url);
    const chosen = await choose(page);
    expect(chosen.status).toBe(404);
    expect(chosen.html).toContain('cannot see this file');
    expect(world.drive.sim.world.picked(OWNER_EMAIL, file.id)).toBe(false);
    expect(world.drive.sim.world.picked(OTHER_EMAIL, file.id)).toBe(false);
  });
});

describe('the simulator’s picker page', () => {
  it('is labelled SANDBOX; after “Choose this file”, says Done, and the import of that file succeeds', async () => {
    const file = await ownerFile();
    const importsPath = `/api/v1/workspaces/${owner.workspaceId}/imports`;
    const before = await world.app.request('GET', `${importsPath}/google-drive/files/${file.id}`, { token: owner.token });
    expect(before.body.error.code).toBe('import_no_access');

    const made = await linkFor(owner, file.id);
    const page = await openPage(made.body.url, 'de');
    expect(page.html).toContain('SANDBOX');
    expect(page.html).toContain('Diese Datei auswählen');
    expect(page.csp).not.toContain('google.com');
    expect((await choose({ ...page, csrf: 'forged' })).status).toBe(403);
    expect((await choose({ ...page, cookie: undefined })).status).toBe(403);
    const chosen = await choose(page, 'de');
    expect(chosen.status).toBe(200);
    expect(chosen.html).toContain('Fertig – gehen Sie zurück zu Minopa und drücken Sie erneut auf Importieren.');
    expect(world.drive.sim.world.picked(OWNER_EMAIL, file.id)).toBe(true);

    const started = await world.app.request('POST', importsPath, { token: owner.token, body: { clientId: randomUUID(), source: { provider: 'google_drive', fileId: file.id } } });
    expect(started.status).toBe(202);
    await runImports({ knex: world.app.db.knex, storage: world.app.storage, config: world.app.config, logger, polling: { firstMs: 20, maxMs: 50, deadlineMs: 5_000 } });
    const done = await world.app.request('GET', `${importsPath}/${started.body.id}`, { token: owner.token });
    expect(done.body).toMatchObject({ status: 'done', title: 'chosen.jpg' });
  });
});

describe('Google’s picker page', () => {
  it('with an API key and project number, loads Google’s Picker for the one file, and its CSP allows exactly Google’s two origins', async () => {
    const drive = world.app.config.imports!.googleDrive;
    Object.assign(drive, { pickerApiKey: 'AIza-test-key', projectNumber: '123456789012' });
    try {
      const file = await ownerFile();
      const page = await openPage((await linkFor(owner, file.id)).body.url);
      expect(page.status).toBe(200);
      expect(page.html).toContain('<script nonce="');
      expect(page.html).toContain('https://apis.google.com/js/api.js');
      expect(page.html).toContain('setFileIds(s.fileId)');
      expect(page.html).toContain(`"fileId":"${file.id}"`);
      expect(page.html).toContain('"key":"AIza-test-key"');
      expect(page.html).toContain('"appId":"123456789012"');
      expect(page.html).not.toContain('SANDBOX');
      expect(page.csp).toMatch(/^default-src 'none'; script-src 'nonce-[A-Za-z0-9+/=]+' https:\/\/apis\.google\.com; frame-src https:\/\/docs\.google\.com;/);
      expect((await choose({})).status).toBe(404);
    } finally {
      Object.assign(drive, { pickerApiKey: undefined, projectNumber: undefined });
    }
  });
});
