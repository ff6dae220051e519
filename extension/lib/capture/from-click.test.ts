import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureFromClick } from './from-click.js';
import type { RawPageDetails } from './page-reader.js';

const PAGE = 'https://example.com/post';
const tab = { id: 7, url: PAGE, title: 'Tab title' } as Browser.tabs.Tab;
const click = (menuItemId: string, extra: Partial<Browser.contextMenus.OnClickData> = {}) =>
  ({ menuItemId, editable: false, pageUrl: PAGE, frameId: 0, ...extra }) as Browser.contextMenus.OnClickData;

const read: RawPageDetails = {
  url: PAGE,
  title: 'Read title',
  canonicalUrl: 'https://example.com/canonical',
  ogTitle: 'OG',
  ogDescription: null,
  ogImage: null,
  siteName: 'Example',
  author: null,
  selectionText: '',
  linkText: null,
  imageAlt: null,
};

const executeScript = vi.fn();
beforeEach(() => {
  fakeBrowser.reset();
  executeScript.mockReset();
  // The fake browser has no scripting API; this stands in for the page.
  (fakeBrowser as unknown as { scripting: { executeScript: typeof executeScript } }).scripting.executeScript = executeScript;
});
afterEach(() => vi.useRealTimers());

describe('captureFromClick', () => {
  it('reads the metadata in the clicked tab on demand', async () => {
    executeScript.mockResolvedValue([{ frameId: 0, result: read }]);
    const capture = await captureFromClick(click('minopa-save-page'), tab);
    expect(executeScript).toHaveBeenCalledWith(
      expect.objectContaining({ target: { tabId: 7, frameIds: [0] }, args: [{ linkUrl: undefined, srcUrl: undefined }] }),
    );
    expect(capture).toMatchObject({ kind: 'page', title: 'Read title', page: { canonicalUrl: 'https://example.com/canonical', ogTitle: 'OG', siteName: 'Example' } });
  });

  it('captures without metadata when the page cannot be read (no permission, browser page)', async () => {
    executeScript.mockRejectedValue(new Error('Cannot access contents of the page. Extension manifest must request permission.'));
    const capture = await captureFromClick(click('minopa-save-link', { linkUrl: 'https://example.org/x' }), tab);
    expect(capture).toMatchObject({ kind: 'link', linkUrl: 'https://example.org/x', title: 'Tab title' });
    expect(capture).not.toHaveProperty('page');
  });

  it('does not wait forever for a page that does not answer', async () => {
    vi.useFakeTimers();
    executeScript.mockReturnValue(new Promise(() => {}));
    const pending = captureFromClick(click('minopa-save-image', { srcUrl: 'https://example.com/a.png' }), tab);
    await vi.advanceTimersByTimeAsync(2_100);
    await expect(pending).resolves.toMatchObject({ kind: 'image', imageUrl: 'https://example.com/a.png' });
  });

  it('reads what was clicked from the frame it was clicked in, metadata from the top frame', async () => {
    executeScript.mockImplementation(async ({ target }: { target: { frameIds: number[] } }) =>
      target.frameIds[0] === 0 ? [{ result: read }] : [{ result: { ...read, title: 'frame', selectionText: 'in the frame' } }],
    );
    const capture = await captureFromClick(click('minopa-save-selection', { frameId: 3, selectionText: 'in the frame' }), tab);
    expect(capture).toMatchObject({ kind: 'selection', selectionText: 'in the frame', title: 'Read title', page: { ogTitle: 'OG' } });
  });
});
