import { browser, type Browser } from 'wxt/browser';
import { LIMITS } from '#shared/limits.js';
import { clampText, toPageMetadata, webUrl } from './capture/build.js';
import { readPage } from './capture/read-page.js';
import type { TabContext } from './messaging/protocol.js';

/**
 * What the popup prefills: the title, address, selection and metadata of `tabId`, or of the active
 * tab of the last focused window. Read on demand (activeTab is granted when the toolbar button is
 * clicked); falls back to what the tab itself says, and to an empty context for a page that is not
 * a web page (a browser page, or the popup opened as a tab).
 */
export async function getTabContext(data: { tabId?: number } | undefined): Promise<TabContext> {
  const tab = await findTab(data?.tabId);
  const empty: TabContext = { tabId: tab?.id ?? null, url: '', title: '', selectionText: '' };
  if (tab?.id === undefined) return empty;
  const details = await readPage(tab.id);
  const url = webUrl(tab.url) ?? webUrl(details?.url);
  if (!url) return empty;
  const page = toPageMetadata(details);
  return {
    tabId: tab.id,
    url,
    title: clampText(details?.title || tab.title, LIMITS.titleLength) ?? '',
    selectionText: clampText(details?.selectionText, LIMITS.selectionLength) ?? '',
    ...(page ? { page } : {}),
  };
}

async function findTab(tabId: number | undefined): Promise<Browser.tabs.Tab | undefined> {
  if (tabId !== undefined) return browser.tabs.get(tabId).catch(() => undefined);
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return active;
}
