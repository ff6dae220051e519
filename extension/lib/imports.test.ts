import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Import } from '#shared/api/imports.js';
import { resetExtension } from '../testing/reset-extension.js';
import { errorBody, startFakeService, type FakeService } from '../testing/fake-service.js';
import { OTHER_WORKSPACE_ID, POST_ID, signedIn, USER_ID, WORKSPACE_ID } from '../testing/fixtures.js';
import { menuItemId } from './context-menus.js';
import { handleImportMenuClick } from './import-menu-click.js';
import { checkImports, handleImportWatchAlarm, IMPORT_WATCH_ALARM } from './import-watch.js';
import { getImport, previewImport, startImport } from './imports.js';
import { handleNotificationClick } from './notifications.js';
import { importWatchItem } from './storage.js';

const IMPORT_ID = '66666666-6666-4666-8666-666666666666';
const CANVA_URL = 'https://www.canva.com/design/DAFabc12345/edit';
const DOC_URL = 'https://docs.google.com/presentation/d/1AbCdEfGhIjK/edit';

let service: FakeService;
/** What the fake service says the import is. */
let current: Import;

function anImport(overrides: Partial<Import> = {}): Import {
  return {
    id: IMPORT_ID, workspaceId: WORKSPACE_ID, provider: 'canva', sourceId: 'DAFabc12345', sourceUrl: CANVA_URL, title: 'Spring menu',
    format: 'png', status: 'queued', receivedBytes: 0, totalBytes: null, failure: null, mediaIds: [], postId: null,
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', finishedAt: null, ...overrides,
  };
}
const notifications = () => Object.entries(fakeBrowser.notifications.getAllCreateOptions());
const starts = () => service.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/imports'));
const alarm = { name: IMPORT_WATCH_ALARM, scheduledTime: 0, persistAcrossSessions: false };

beforeAll(async () => {
  service = await startFakeService();
});
afterAll(() => service.close());
beforeEach(async () => {
  resetExtension(service);
  current = anImport();
  service.answer = (request) => {
    if (request.path.includes('/imports/canva/designs/')) return { status: 200, json: { designId: 'DAFabc12345', title: 'Spring menu', pageCount: 3, thumbnailUrl: null } };
    if (request.path.includes('/imports/google-drive/files/')) {
      return { status: 200, json: { fileId: '1AbCdEfGhIjK', name: 'Deck', mimeType: 'application/vnd.google-apps.presentation', sizeBytes: null, exportAs: ['application/pdf', 'image/png'] } };
    }
    if (request.method === 'POST' && request.path.endsWith('/imports')) return { status: 202, json: current };
    if (request.path.endsWith(`/imports/${IMPORT_ID}`)) return { status: 200, json: current };
    return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
  };
  await signedIn(service.url);
});

describe('starting an import', () => {
  it('recognises the page itself and previews the design or file through the service', async () => {
    expect(await previewImport({ workspaceId: WORKSPACE_ID, url: CANVA_URL })).toMatchObject({ provider: 'canva', title: 'Spring menu', pageCount: 3 });
    expect(await previewImport({ workspaceId: WORKSPACE_ID, url: DOC_URL })).toMatchObject({ provider: 'google_drive', editor: 'presentation', exportAs: ['application/pdf', 'image/png'] });
    expect(service.requests.map((request) => request.path)).toEqual([
      `/api/v1/workspaces/${WORKSPACE_ID}/imports/canva/designs/DAFabc12345`,
      `/api/v1/workspaces/${WORKSPACE_ID}/imports/google-drive/files/1AbCdEfGhIjK`,
    ]);
    await expect(previewImport({ workspaceId: WORKSPACE_ID, url: 'https://canva.example.com/design/DAFabc12345' })).rejects.toMatchObject({ code: 'cannot_capture' });
  });

  it('sends the chosen format and pages with the page as source link, and watches the import', async () => {
    const started = await startImport({ workspaceId: WORKSPACE_ID, url: CANVA_URL, clientId: '77777777-7777-4777-8777-777777777777', format: 'pdf', pages: [1, 3] });
    expect(started.id).toBe(IMPORT_ID);
    expect(starts()[0]?.body).toEqual({
      clientId: '77777777-7777-4777-8777-777777777777',
      source: { provider: 'canva', designId: 'DAFabc12345', format: 'pdf', pages: [1, 3] },
      sourceUrl: CANVA_URL,
      createDraft: true,
    });
    expect(await importWatchItem.getValue()).toEqual([expect.objectContaining({ importId: IMPORT_ID, workspaceId: WORKSPACE_ID, userId: USER_ID })]);
    expect(await fakeBrowser.alarms.get(IMPORT_WATCH_ALARM)).toMatchObject({ periodInMinutes: 0.5 });
  });

  it('exports a Google editor’s file (PDF unless chosen) and downloads any other Drive file as it is', async () => {
    await startImport({ workspaceId: WORKSPACE_ID, url: DOC_URL, exportAs: 'image/png' });
    await startImport({ workspaceId: WORKSPACE_ID, url: 'https://drive.google.com/file/d/1ZyXwVuTsRq/view', exportAs: 'image/png' });
    expect(starts().map((request) => (request.body as { source: unknown }).source)).toEqual([
      { provider: 'google_drive', fileId: '1AbCdEfGhIjK', exportAs: 'image/png' },
      { provider: 'google_drive', fileId: '1ZyXwVuTsRq' },
    ]);
  });
});

describe('following an import', () => {
  it('notifies the end once, whether the popup’s poll or the alarm sees it first; Open leads to the draft', async () => {
    await startImport({ workspaceId: WORKSPACE_ID, url: CANVA_URL });
    current = anImport({ status: 'downloading', receivedBytes: 10, totalBytes: 100 });
    expect((await getImport({ workspaceId: WORKSPACE_ID, importId: IMPORT_ID })).status).toBe('downloading');
    expect(notifications()).toHaveLength(0);

    current = anImport({ status: 'done', postId: POST_ID, mediaIds: [POST_ID] });
    await Promise.all([getImport({ workspaceId: WORKSPACE_ID, importId: IMPORT_ID }), checkImports()]);
    await checkImports();
    expect(notifications()).toHaveLength(1);
    const [id, notification] = notifications()[0]!;
    expect(notification).toMatchObject({ title: 'Import finished', message: '“Spring menu” is now a draft in Ada’s workspace. Open it to edit and schedule it.', buttons: [{ title: 'Open' }] });
    await handleNotificationClick(id);
    expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(`chrome-extension://${fakeBrowser.runtime.id}/dashboard.html#post=${POST_ID}`);
    // Nothing left to follow: the alarm stops.
    expect(await importWatchItem.getValue()).toEqual([]);
    expect(await fakeBrowser.alarms.get(IMPORT_WATCH_ALARM)).toBeUndefined();
  });

  it('tells why an import failed, in the service’s words, when the alarm finds it (the popup long closed)', async () => {
    await startImport({ workspaceId: WORKSPACE_ID, url: CANVA_URL });
    current = anImport({ status: 'failed', failure: { code: 'no_access', message: 'This design is not yours to open in Canva.' } });
    await handleImportWatchAlarm({ ...alarm, name: 'another-alarm' });
    expect(notifications()).toHaveLength(0);
    await handleImportWatchAlarm(alarm);
    expect(notifications().map(([, options]) => [options.title, options.message])).toEqual([
      ['Import failed', '“Spring menu”: This design is not yours to open in Canva.'],
    ]);
  });

  it('keeps waiting while the service is down, and drops imports it no longer knows or that belong to someone else', async () => {
    await startImport({ workspaceId: WORKSPACE_ID, url: CANVA_URL });
    await importWatchItem.setValue([
      ...(await importWatchItem.getValue()),
      { importId: '88888888-8888-4888-8888-888888888888', workspaceId: OTHER_WORKSPACE_ID, userId: 'someone-else', title: null, startedAt: new Date().toISOString() },
    ]);
    const url = service.url;
    const down = await startFakeService();
    await down.close();
    await signedIn(down.url);
    expect(await checkImports()).toEqual({ notified: [], watching: 1 });

    await signedIn(url);
    service.answer = () => ({ status: 404, json: errorBody('not_found', 'There is no such import.') });
    expect(await checkImports()).toEqual({ notified: [], watching: 0 });
    expect(notifications()).toHaveLength(0);
  });
});

describe('the context menu', () => {
  const click = (menuItemId: string, url: string) =>
    handleImportMenuClick({ menuItemId, editable: false, pageUrl: url }, { url, id: 1 } as Browser.tabs.Tab);

  it('imports a design with the defaults (PNG, every page) into the submenu’s workspace and says so', async () => {
    await click(`minopa-import-design/${OTHER_WORKSPACE_ID}`, CANVA_URL);
    expect(starts()[0]?.path).toBe(`/api/v1/workspaces/${OTHER_WORKSPACE_ID}/imports`);
    expect((starts()[0]?.body as { source: unknown }).source).toEqual({ provider: 'canva', designId: 'DAFabc12345', format: 'png' });
    expect(notifications().at(-1)?.[1].message).toBe('Importing the design into Team. You will be told when its draft is ready.');
  });

  it('imports a Google Slides file as PDF into the default workspace', async () => {
    await click('minopa-import-file', DOC_URL);
    expect(starts()[0]?.path).toBe(`/api/v1/workspaces/${WORKSPACE_ID}/imports`);
    expect((starts()[0]?.body as { source: unknown }).source).toEqual({ provider: 'google_drive', fileId: '1AbCdEfGhIjK', exportAs: 'application/pdf' });
  });

  it('passes the service’s sentence on when the person is not connected, and ignores other items', async () => {
    service.answer = () => ({ status: 409, json: errorBody('integration_not_connected', 'Connect Canva in Options → Connections first.') });
    await click('minopa-import-design', CANVA_URL);
    expect(notifications().at(-1)?.[1]).toMatchObject({ title: 'Import not started', message: 'Connect Canva in Options → Connections first.' });
    expect(await importWatchItem.getValue()).toEqual([]);

    await click(menuItemId('page'), CANVA_URL);
    expect(notifications()).toHaveLength(1);
  });
});
