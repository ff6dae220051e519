import { describe, expect, it } from 'vitest';
import type { DataExport } from '#shared/api/rights.js';
import { byTestId, click, until } from '../../testing/dom.js';
import type { ReceivedRequest } from '../../testing/fake-service.js';
import { USER_ID } from '../../testing/fixtures.js';
import { panelHarness } from '../../testing/panel-harness.js';
import { ExportPanel } from '../options/ExportPanel.js';

/** The export as the service reports it on each poll: queued, two building steps, then ready. */
let polls = 0;
let exports: DataExport[] = [];
const base: DataExport = { id: 'e1', status: 'queued', progress: { done: 0, total: null }, sizeBytes: null, failureMessage: null, requestedAt: '2026-11-28T10:00:00.000Z', finishedAt: null, expiresAt: null, downloadUrl: null };
function routes(request: ReceivedRequest) {
  if (request.method === 'POST') {
    exports = [base];
    return { status: 202, json: base };
  }
  if (exports.length > 0) {
    polls += 1;
    exports = [
      polls < 2
        ? { ...base, status: 'building', progress: { done: 7, total: 16 } }
        : { ...base, status: 'ready', progress: { done: 16, total: 16 }, sizeBytes: 3_145_728, finishedAt: '2026-11-28T10:00:05.000Z', expiresAt: '2026-12-05T10:00:05.000Z', downloadUrl: 'https://minopa.example/media/exports/a/b/archive?sig=x' },
    ];
  }
  return { status: 200, json: { items: exports } };
}

const harness = panelHarness(routes, () => {
  polls = 0;
  exports = [];
});

describe('Download your data panel (P27)', () => {
  it('P27: prepares the download, shows its progress, then the link and until when it works', async () => {
    await harness.open(<ExportPanel userId={USER_ID} />);
    await until(() => expect(byTestId('export-request')).not.toBeNull());
    await click(byTestId('export-request')!);
    await until(() => expect(byTestId('export-status')?.textContent).toContain('Preparing: 7 of 16 files'));
    expect(byTestId('export-request')).toBeNull();
    await until(() => expect(byTestId('export-download')).not.toBeNull());
    expect(byTestId('export-status')!.textContent).toContain('Ready (3 MB). The link works until December 5, 2026.');
    expect(byTestId('export-download')!.getAttribute('href')).toBe('https://minopa.example/media/exports/a/b/archive?sig=x');
  });
});
