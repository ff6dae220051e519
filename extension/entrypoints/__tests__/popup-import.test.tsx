import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Import } from '#shared/api/imports.js';
import { setLocale } from '../../lib/i18n/index.js';
import { byLabel, byTestId, click, type, until } from '../../testing/dom.js';
import { errorBody, type FakeAnswer, type ReceivedRequest } from '../../testing/fake-service.js';
import { popupHarness } from '../../testing/popup-harness.js';
import { me, POST_ID, WORKSPACE_ID } from '../../testing/fixtures.js';

const IMPORT_ID = '66666666-6666-4666-8666-666666666666';
const DESIGN_URL = 'https://www.canva.com/design/DAFabc12345/edit';

/** Where the fake service's import stands, answer by answer (the last one repeats). */
let progress: Partial<Import>[] = [];
let previewAnswer: FakeAnswer;

function anImport(overrides: Partial<Import> = {}): Import {
  return {
    id: IMPORT_ID, workspaceId: WORKSPACE_ID, provider: 'canva', sourceId: 'DAFabc12345', sourceUrl: DESIGN_URL, title: 'Spring menu',
    format: 'pdf', status: 'queued', receivedBytes: 0, totalBytes: null, failure: null, mediaIds: [], postId: null,
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', finishedAt: null, ...overrides,
  };
}

function routes(request: ReceivedRequest): FakeAnswer {
  const route = `${request.method} ${request.path.split('?')[0]!.replace(/[0-9a-f-]{36}/g, ':id')}`;
  switch (route) {
    case 'GET /api/v1/me':
      return { status: 200, json: me };
    case 'GET /api/v1/workspaces':
      return { status: 200, json: { items: [{ id: WORKSPACE_ID, name: 'Ada’s workspace', role: 'owner', createdAt: '2025-01-01T00:00:00.000Z' }] } };
    case 'GET /api/v1/workspaces/:id/accounts':
      return { status: 200, json: { items: [] } };
    case 'GET /api/v1/workspaces/:id/schedule':
      return { status: 200, json: { timeZone: 'Europe/Berlin', postingSlots: [] } };
    case 'GET /api/v1/workspaces/:id/imports/canva/designs/DAFabc12345':
      return previewAnswer;
    case 'POST /api/v1/workspaces/:id/imports':
      return { status: 202, json: anImport() };
    case 'GET /api/v1/workspaces/:id/imports/:id':
      return { status: 200, json: anImport(progress.length > 1 ? progress.shift() : progress[0]) };
    default:
      return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
  }
}

const popup = popupHarness(routes, () => {
  progress = [{}];
  previewAnswer = { status: 200, json: { designId: 'DAFabc12345', title: 'Spring menu', pageCount: 3, thumbnailUrl: null } };
});
const { openPopup } = popup;
const imports = () => popup.service.requests.filter((request) => request.path.includes('/imports'));

describe('the popup on a Canva design page', () => {
  it('offers nothing to import on other pages, and asks the service nothing about imports', async () => {
    await openPopup('https://example.com/design/DAFabc12345');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(byTestId('import-section')).toBeNull();
    expect(imports()).toEqual([]);
  });

  it('previews the design, imports the chosen pages in the chosen format, and follows it to its draft', async () => {
    await openPopup(DESIGN_URL);
    await until(() => expect(byTestId('import-summary')?.textContent).toBe('Spring menu · 3 pages'));
    expect(document.querySelector('[data-testid="import-section"] h2')?.textContent).toBe('Import design');
    expect(byTestId('import-section')?.textContent).toContain('Into Ada’s workspace');

    const format = byLabel<HTMLSelectElement>('Format');
    format.value = 'pdf';
    format.dispatchEvent(new Event('change', { bubbles: true }));
    await type(byLabel('Pages'), '9');
    expect(byTestId('import-section')?.textContent).toContain('Write page numbers between 1 and 3');
    expect(byTestId<HTMLButtonElement>('import-submit')?.disabled).toBe(true);
    await type(byLabel('Pages'), '1, 3');

    progress = [{ status: 'exporting' }, { status: 'downloading', receivedBytes: 50, totalBytes: 100 }, { status: 'done', postId: POST_ID, mediaIds: [POST_ID] }];
    await click(byTestId('import-submit')!);
    await until(() => expect(imports().some((request) => request.method === 'POST')).toBe(true));
    const start = imports().find((request) => request.method === 'POST')!;
    expect(start.body).toMatchObject({ source: { provider: 'canva', designId: 'DAFabc12345', format: 'pdf', pages: [1, 3] }, sourceUrl: DESIGN_URL, createDraft: true });
    await until(() => expect(byTestId('import-status')?.textContent).toBe('Waiting to start…'));
    await until(() => expect(byTestId('import-status')?.textContent).toBe('Downloading… 50%'));
    await until(() => expect(byTestId('import-open-draft')?.getAttribute('href')).toBe(`chrome-extension://${fakeBrowser.runtime.id}/dashboard.html#post=${POST_ID}`));
    expect(byTestId('import-status')?.textContent).toBe('Imported: the draft is ready.');
  });

  it('shows the reason an import failed, and lets the person try again', async () => {
    progress = [{ status: 'failed', failure: { code: 'export_failed', message: 'Canva could not export this design: it uses a premium element.' } }];
    await openPopup(DESIGN_URL);
    await until(() => expect(byTestId('import-submit')).not.toBeNull());
    await click(byTestId('import-submit')!);
    await until(() => expect(byTestId('import-status')?.textContent).toBe('Import failed: Canva could not export this design: it uses a premium element.'));
    expect(byTestId('import-status')?.getAttribute('role')).toBe('alert');
    await click(byTestId('import-again')!);
    expect(byTestId('import-form')).not.toBeNull();
  });

  it('says when Canva is not connected and points at Options → Connections, in German too', async () => {
    previewAnswer = { status: 409, json: errorBody('integration_not_connected', 'Connect Canva first.') };
    await setLocale('de');
    await openPopup(DESIGN_URL);
    await until(() => expect(byTestId('import-not-connected')?.textContent).toContain('Verbinden Sie Ihr Canva-Konto'));
    expect(document.querySelector('[data-testid="import-section"] h2')?.textContent).toBe('Design importieren');
    expect(byTestId('open-connections')?.getAttribute('href')).toBe('/options.html#connections');
    expect(byTestId('import-form')).toBeNull();
  });
});
