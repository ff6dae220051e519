import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installMissingApis } from '../testing/fake-apis.js';
import { OTHER_WORKSPACE_ID, signedIn, WORKSPACE_ID } from '../testing/fixtures.js';
import { IMPORT_MENU_ITEMS, MENU_ITEMS, menuItemId, parseMenuItemId, rebuildContextMenus, registerContextMenus, submenuWorkspaces, watchMenuInputs } from './context-menus.js';
import { backgroundLocale } from './i18n/index.js';
import { defaultWorkspaceIdItem, sessionItem, workspacesItem } from './storage.js';

const web = ['http://*/*', 'https://*/*'];
const VIEWER_WORKSPACE_ID = '55555555-5555-4555-8555-555555555555';

let apis: ReturnType<typeof installMissingApis>;
beforeEach(() => {
  fakeBrowser.reset();
  apis = installMissingApis();
});

const created = () =>
  [...apis.contextMenus.items.values()].map(({ id, parentId, title, contexts, documentUrlPatterns }) => ({ id, parentId, title, contexts, documentUrlPatterns }));
const topLevel = () => created().filter((item) => item.parentId === undefined);

describe('registerContextMenus', () => {
  it('signed out: one "Save to Minopa" item each for page, selection, link, image, video, and a screenshot item, on web pages only', async () => {
    await registerContextMenus();
    expect(created()).toEqual([
      { id: 'minopa-save-page', parentId: undefined, title: 'Save page to Minopa', contexts: ['page'], documentUrlPatterns: web },
      { id: 'minopa-save-selection', parentId: undefined, title: 'Save “%s” to Minopa', contexts: ['selection'], documentUrlPatterns: web },
      { id: 'minopa-save-link', parentId: undefined, title: 'Save link to Minopa', contexts: ['link'], documentUrlPatterns: web },
      { id: 'minopa-save-image', parentId: undefined, title: 'Save image to Minopa', contexts: ['image'], documentUrlPatterns: web },
      { id: 'minopa-save-video', parentId: undefined, title: 'Save video to Minopa', contexts: ['video'], documentUrlPatterns: web },
      {
        id: 'minopa-save-screenshot',
        parentId: undefined,
        title: 'Save screenshot of visible area to Minopa',
        contexts: ['page', 'selection', 'image', 'video'],
        documentUrlPatterns: web,
      },
    ]);
  });

  it('with two workspaces the person can write to, each item gets a submenu of them, the default first and marked', async () => {
    await signedIn('http://127.0.0.1:1');
    await defaultWorkspaceIdItem.setValue(OTHER_WORKSPACE_ID);
    await registerContextMenus();
    expect(topLevel()).toHaveLength(MENU_ITEMS.length + IMPORT_MENU_ITEMS.length);
    const children = created().filter((item) => item.parentId === 'minopa-save-video');
    expect(children).toEqual([
      { id: `minopa-save-video/${OTHER_WORKSPACE_ID}`, parentId: 'minopa-save-video', title: 'Team (default)', contexts: ['video'], documentUrlPatterns: web },
      { id: `minopa-save-video/${WORKSPACE_ID}`, parentId: 'minopa-save-video', title: 'Ada’s workspace', contexts: ['video'], documentUrlPatterns: web },
    ]);
    expect(created().filter((item) => item.parentId !== undefined)).toHaveLength((MENU_ITEMS.length + IMPORT_MENU_ITEMS.length) * 2);
  });

  it('leaves out workspaces where the person is a viewer, and keeps items flat when only one is left', async () => {
    await signedIn('http://127.0.0.1:1');
    await workspacesItem.setValue([
      { id: WORKSPACE_ID, name: 'Mine', role: 'editor' },
      { id: VIEWER_WORKSPACE_ID, name: 'Read only', role: 'viewer' },
    ]);
    await registerContextMenus();
    expect(created().every((item) => item.parentId === undefined)).toBe(true);
    expect(created()).toHaveLength(MENU_ITEMS.length + IMPORT_MENU_ITEMS.length);
  });

  it('keeps a workspace named with %s from being replaced by the selection', async () => {
    await signedIn('http://127.0.0.1:1');
    await workspacesItem.setValue([
      { id: WORKSPACE_ID, name: '100%sure', role: 'owner' },
      { id: OTHER_WORKSPACE_ID, name: 'Team', role: 'owner' },
    ]);
    await registerContextMenus();
    const title = apis.contextMenus.items.get(`minopa-save-selection/${WORKSPACE_ID}`)?.title;
    expect(title).not.toContain('%s');
    expect(title?.replace('\u200B', '')).toBe('100%sure (default)');
  });

  it('can run again (install, update, startup) without duplicate-id errors', async () => {
    await registerContextMenus();
    await expect(registerContextMenus()).resolves.toBeUndefined();
    expect(apis.contextMenus.removeAll).toHaveBeenCalledTimes(2);
    expect(apis.contextMenus.items.size).toBe(MENU_ITEMS.length);
  });

  it('reports a failure to create an item', async () => {
    apis.contextMenus.removeAll.mockResolvedValueOnce(undefined);
    apis.contextMenus.items.set('minopa-save-page', {});
    await expect(registerContextMenus()).rejects.toThrow(/duplicate id/);
  });
});

describe('menu item ids', () => {
  it('name the action and, for submenu entries, the workspace', () => {
    expect(parseMenuItemId('minopa-save-image')).toEqual({ action: 'image', workspaceId: null });
    expect(parseMenuItemId(`minopa-save-screenshot/${WORKSPACE_ID}`)).toEqual({ action: 'screenshot', workspaceId: WORKSPACE_ID });
    expect(parseMenuItemId(menuItemId('video', OTHER_WORKSPACE_ID))).toEqual({ action: 'video', workspaceId: OTHER_WORKSPACE_ID });
  });

  it.each(['another-extension-item', 'minopa-save-page/', 'minopa-save-page/a/b', 42])('are not ours: %s', (id) => {
    expect(parseMenuItemId(id)).toBeNull();
  });

  it('submenuWorkspaces offers a choice only when there is one', () => {
    expect(submenuWorkspaces([{ id: WORKSPACE_ID, name: 'A', role: 'owner' }], WORKSPACE_ID)).toEqual([]);
    expect(submenuWorkspaces([], null)).toEqual([]);
  });
});

describe('rebuilding', () => {
  it('follows sign-in, sign-out, the workspaces and the default workspace', async () => {
    const stop = watchMenuInputs((error) => {
      throw error;
    });
    await signedIn('http://127.0.0.1:1');
    await vi.waitFor(() => expect(apis.contextMenus.items.has(`minopa-save-page/${OTHER_WORKSPACE_ID}`)).toBe(true));

    await workspacesItem.setValue([{ id: WORKSPACE_ID, name: 'Ada’s workspace', role: 'owner' }]);
    await vi.waitFor(() => expect(apis.contextMenus.items.has(`minopa-save-page/${OTHER_WORKSPACE_ID}`)).toBe(false));

    await workspacesItem.setValue([
      { id: WORKSPACE_ID, name: 'Ada’s workspace', role: 'owner' },
      { id: OTHER_WORKSPACE_ID, name: 'Renamed team', role: 'admin' },
    ]);
    await vi.waitFor(() => expect(apis.contextMenus.items.get(`minopa-save-page/${OTHER_WORKSPACE_ID}`)?.title).toBe('Renamed team'));

    await sessionItem.removeValue();
    await vi.waitFor(() => expect(created().every((item) => item.parentId === undefined)).toBe(true));
    stop();
  });

  it('folds rebuilds asked for during one into a single further run', async () => {
    await Promise.all([rebuildContextMenus(), rebuildContextMenus(), rebuildContextMenus()]);
    expect(apis.contextMenus.removeAll).toHaveBeenCalledTimes(2);
    expect(apis.contextMenus.items.size).toBe(MENU_ITEMS.length);
  });
});

describe('in German', () => {
  // The options page mirrors the chosen language into browser.storage, where the background reads it.
  beforeEach(() => fakeBrowser.storage.local.set({ locale: 'de' }));
  afterEach(async () => {
    await fakeBrowser.storage.local.remove('locale');
    await backgroundLocale();
  });

  it('titles every item in German, keeping Chrome’s %s placeholder for the selection', async () => {
    await registerContextMenus();
    expect(topLevel().map((item) => item.title)).toEqual([
      'Seite in Minopa speichern',
      '„%s“ in Minopa speichern',
      'Link in Minopa speichern',
      'Bild in Minopa speichern',
      'Video in Minopa speichern',
      'Bildschirmfoto des sichtbaren Bereichs in Minopa speichern',
    ]);
  });

  it('marks the default workspace of a submenu in German', async () => {
    await signedIn('http://127.0.0.1:1');
    await defaultWorkspaceIdItem.setValue(OTHER_WORKSPACE_ID);
    await registerContextMenus();
    expect(created().filter((item) => item.parentId === 'minopa-save-page').map((item) => item.title)).toEqual(['Team (Standard)', 'Ada’s workspace']);
  });
});
