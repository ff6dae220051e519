import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Import } from '#shared/api/imports.js';
import { setLocale } from '../../lib/i18n/index.js';
import { byTestId, click, until } from '../../testing/dom.js';
import { errorBody, type FakeAnswer, type ReceivedRequest } from '../../testing/fake-service.js';
import { popupHarness } from '../../testing/popup-harness.js';
import { me, WORKSPACE_ID } from '../../testing/fixtures.js';

const FILE_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz012345';
const FILE_URL = `https://drive.google.com/file/d/${FILE_ID}/view`;
const IMPORT_ID = '66666666-6666-4666-8666-666666666666';
const PICKER_URL = `http://localhost:8787/integrations/google_drive/picker?fileId=${FILE_ID}&token=abc`;

let previewAnswer: FakeAnswer;
let access: 'file' | 'readonly';
let importAnswer: Partial<Import>;

function anImport(overrides: Partial<Import> = {}): Import {
  return {
    id: IMPORT_ID, workspaceId: WORKSPACE_ID, provider: 'google_drive', sourceId: FILE_ID, sourceUrl: FILE_URL, title: null,
    format: null, status: 'queued', receivedBytes: 0, totalBytes: null, failure: null, mediaIds: [], postId: null,
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', finishedAt: null, ...overrides,
  };
}

function routes(request: ReceivedRequest): FakeAnswer {
  const route = `${request.method} ${request.path.split('?')[0]!.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')}`;
  switch (route) {
    case 'GET /api/v1/me':
      return { status: 200, json: me };
    case 'GET /api/v1/workspaces':
      return { status: 200, json: { items: [{ id: WORKSPACE_ID, name: 'Ada’s workspace', role: 'owner', createdAt: '2025-01-01T00:00:00.000Z' }] } };
    case 'GET /api/v1/workspaces/:id/accounts':
      return { status: 200, json: { items: [] } };
    case 'GET /api/v1/workspaces/:id/schedule':
      return { status: 200, json: { timeZone: 'Europe/Berlin', postingSlots: [] } };
    case `GET /api/v1/workspaces/:id/imports/google-drive/files/${FILE_ID}`:
      return previewAnswer;
    case 'POST /api/v1/workspaces/:id/imports':
      return { status: 202, json: anImport() };
    case 'GET /api/v1/workspaces/:id/imports/:id':
      return { status: 200, json: anImport(importAnswer) };
    case 'GET /api/v1/me/integrations':
      return {
        status: 200,
        json: {
          items: [
            { provider: 'canva', name: 'Canva', available: true, sandbox: false, connection: null },
            {
              provider: 'google_drive', name: 'Google Drive', available: true, sandbox: false,
              connection: { status: 'connected', displayName: 'Ada', email: 'ada@example.com', canvaUserId: null, canvaTeamId: null, storageLimit: null, storageUsage: null, access, scopes: [], connectedAt: '2026-01-01T00:00:00.000Z' },
            },
          ],
        },
      };
    case 'POST /api/v1/me/integrations/google_drive/picker-link':
      return { status: 201, json: { url: PICKER_URL, expiresAt: '2026-01-01T00:10:00.000Z' } };
    default:
      return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
  }
}

const popup = popupHarness(routes, () => {
  access = 'file';
  importAnswer = {};
  previewAnswer = { status: 403, json: errorBody('import_no_access', 'Your connected account cannot open this file.') };
});
const { openPopup } = popup;
const pickerLinks = () => popup.service.requests.filter((request) => request.path.endsWith('/picker-link'));

describe('choosing a Drive file in Google’s picker (drive.file)', () => {
  it('a preview refused with import_no_access offers “Choose this file in Google Drive”, which opens the picker link in a tab', async () => {
    await openPopup(FILE_URL);
    await until(() => expect(byTestId('import-pick-open')?.textContent).toBe('Choose this file in Google Drive'));
    expect(byTestId('import-pick')?.textContent).toContain('press Import again');
    await click(byTestId('import-pick-open')!);
    await until(() => expect(pickerLinks()).toHaveLength(1));
    expect(pickerLinks()[0]!.body).toEqual({ fileId: FILE_ID });
    await until(async () => expect((await fakeBrowser.tabs.query({})).some((tab) => tab.url === PICKER_URL)).toBe(true));
  });

  it('a failed import (no_access) offers it too, in German', async () => {
    previewAnswer = { status: 200, json: { fileId: FILE_ID, name: 'harbour.jpg', mimeType: 'image/jpeg', sizeBytes: 1000, exportAs: [] } };
    importAnswer = { status: 'failed', failure: { code: 'no_access', message: 'Pick this file in Google Drive first.' } };
    await setLocale('de');
    await openPopup(FILE_URL);
    await until(() => expect(byTestId('import-submit')).not.toBeNull());
    await click(byTestId('import-submit')!);
    await until(() => expect(byTestId('import-pick-open')?.textContent).toBe('Diese Datei in Google Drive auswählen'));
  });

  it('is not offered with readonly access, where choosing would not help', async () => {
    access = 'readonly';
    await openPopup(FILE_URL);
    await until(() => expect(byTestId('import-error')).not.toBeNull());
    await until(() => expect(popup.service.requests.some((request) => request.path === '/api/v1/me/integrations')).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(byTestId('import-pick')).toBeNull();
  });
});
