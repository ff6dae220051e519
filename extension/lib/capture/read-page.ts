import { browser } from 'wxt/browser';
import { readPageDetails, type RawPageDetails } from './page-reader.js';

/** A page that does not answer within this long is captured without its metadata. */
export const READ_PAGE_TIMEOUT_MS = 2_000;

/**
 * Reads title, metadata and selection from a tab on demand (activeTab + scripting: no content script
 * runs on every page). Resolves with null when the page cannot be read — a browser page, a page the
 * extension has no access to, a frozen tab — because a capture without metadata beats no capture.
 */
export async function readPage(
  tabId: number,
  targets: { linkUrl?: string; srcUrl?: string } = {},
  frameId = 0,
): Promise<RawPageDetails | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), READ_PAGE_TIMEOUT_MS);
  });
  const read = browser.scripting
    .executeScript({ target: { tabId, frameIds: [frameId] }, func: readPageDetails, args: [targets] })
    .then((results) => (results[0]?.result as RawPageDetails | undefined) ?? null)
    .catch(() => null);
  try {
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
