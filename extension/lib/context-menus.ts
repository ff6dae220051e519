import { browser, type Browser } from 'wxt/browser';

/** The "Save to Minopa" items: one per thing a person can right-click. */
export const MENU_ITEMS = [
  { id: 'minopa-save-page', title: 'Save page to Minopa', context: 'page' },
  { id: 'minopa-save-selection', title: 'Save “%s” to Minopa', context: 'selection' },
  { id: 'minopa-save-link', title: 'Save link to Minopa', context: 'link' },
  { id: 'minopa-save-image', title: 'Save image to Minopa', context: 'image' },
] as const satisfies readonly { id: string; title: string; context: `${Browser.contextMenus.ContextType}` }[];

/** Only web pages can be captured (a capture needs an http(s) address), so menus show only there. */
const DOCUMENT_PATTERNS = ['http://*/*', 'https://*/*'];

/**
 * (Re)creates the menu items. Menus outlive the service worker, so this runs on install/update and
 * startup; removing them first keeps a second run from failing with "duplicate id".
 */
export async function registerContextMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const item of MENU_ITEMS) {
    await new Promise<void>((resolve, reject) => {
      browser.contextMenus.create(
        { id: item.id, title: item.title, contexts: [item.context], documentUrlPatterns: DOCUMENT_PATTERNS },
        () => {
          const error = browser.runtime.lastError;
          if (error) reject(new Error(error.message));
          else resolve();
        },
      );
    });
  }
}
