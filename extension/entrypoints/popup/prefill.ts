import type { TabContext } from '../../lib/messaging/protocol.js';

/** What the popup's address may say about the page to prefill from. */
export type PrefillOverride =
  | { kind: 'tab'; tabId: number }
  | { kind: 'context'; context: TabContext }
  | null;

/**
 * `popup.html?tabId=123` reads that tab instead of the active one, and `popup.html?url=…&title=…&selection=…`
 * prefills directly. Both exist for when the popup is opened as a page (tests, a pinned tab), where
 * "the active tab" would be the popup itself.
 */
export function prefillFromUrl(search: string): PrefillOverride {
  const params = new URLSearchParams(search);
  const url = params.get('url');
  if (url) {
    return {
      kind: 'context',
      context: { tabId: null, url, title: params.get('title') ?? '', selectionText: params.get('selection') ?? '' },
    };
  }
  const tabId = Number(params.get('tabId'));
  return params.has('tabId') && Number.isInteger(tabId) && tabId >= 0 ? { kind: 'tab', tabId } : null;
}
