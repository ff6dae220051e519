import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installMissingApis } from '../testing/fake-apis.js';
import { MENU_KINDS } from './capture/build.js';
import { MENU_ITEMS, registerContextMenus } from './context-menus.js';

let apis: ReturnType<typeof installMissingApis>;
beforeEach(() => {
  fakeBrowser.reset();
  apis = installMissingApis();
});

describe('registerContextMenus', () => {
  it('creates one "Save to Minopa" item for page, selection, link and image, on web pages only', async () => {
    await registerContextMenus();
    const items = [...apis.contextMenus.items.values()].map(({ id, title, contexts, documentUrlPatterns }) => ({ id, title, contexts, documentUrlPatterns }));
    const web = ['http://*/*', 'https://*/*'];
    expect(items).toEqual([
      { id: 'minopa-save-page', title: 'Save page to Minopa', contexts: ['page'], documentUrlPatterns: web },
      { id: 'minopa-save-selection', title: 'Save “%s” to Minopa', contexts: ['selection'], documentUrlPatterns: web },
      { id: 'minopa-save-link', title: 'Save link to Minopa', contexts: ['link'], documentUrlPatterns: web },
      { id: 'minopa-save-image', title: 'Save image to Minopa', contexts: ['image'], documentUrlPatterns: web },
    ]);
  });

  it('can run again (install, update, startup) without duplicate-id errors', async () => {
    await registerContextMenus();
    await expect(registerContextMenus()).resolves.toBeUndefined();
    expect(apis.contextMenus.removeAll).toHaveBeenCalledTimes(2);
    expect(apis.contextMenus.items.size).toBe(4);
  });

  it('reports a failure to create an item', async () => {
    apis.contextMenus.removeAll.mockResolvedValueOnce(undefined);
    apis.contextMenus.items.set('minopa-save-page', {});
    await expect(registerContextMenus()).rejects.toThrow(/duplicate id/);
  });

  it('has a capture kind for every menu item', () => {
    expect(MENU_ITEMS.map((item) => MENU_KINDS[item.id])).toEqual(['page', 'selection', 'link', 'image']);
  });
});
