import { vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** An extension event whose listeners a test can fire. */
export function fakeEvent<Listener extends (...args: never[]) => unknown>() {
  const listeners: Listener[] = [];
  return {
    addListener: (listener: Listener) => void listeners.push(listener),
    removeListener: (listener: Listener) => void listeners.splice(listeners.indexOf(listener) >>> 0, 1),
    hasListener: (listener: Listener) => listeners.includes(listener),
    hasListeners: () => listeners.length > 0,
    /** Calls every listener, like the browser dispatching the event. */
    trigger: async (...args: Parameters<Listener>) => Promise.all(listeners.map((listener) => listener(...args))),
  };
}

type CreateProperties = Browser.contextMenus.CreateProperties;

/**
 * The APIs the fake browser leaves out (context menus, scripting, openOptionsPage), as small fakes.
 * Call in `beforeEach`, after `fakeBrowser.reset()`.
 */
export function installMissingApis() {
  const menus = new Map<string, CreateProperties>();
  const contextMenus = {
    items: menus,
    create: vi.fn((properties: CreateProperties, callback?: () => void) => {
      const id = String(properties.id);
      // Like Chrome: a second item with the same id is an error reported through lastError.
      if (menus.has(id)) {
        (fakeBrowser.runtime as { lastError?: { message: string } }).lastError = { message: `Cannot create item with duplicate id ${id}` };
      } else {
        menus.set(id, properties);
      }
      callback?.();
      (fakeBrowser.runtime as { lastError?: unknown }).lastError = undefined;
      return id;
    }),
    removeAll: vi.fn(async () => menus.clear()),
    onClicked: fakeEvent<(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) => void>(),
  };
  const scripting = { executeScript: vi.fn(async (): Promise<unknown[]> => { throw new Error('Cannot access this page'); }) };
  const openOptionsPage = vi.fn(async () => undefined);

  const target = fakeBrowser as unknown as Record<string, unknown> & { runtime: Record<string, unknown> };
  target.contextMenus = contextMenus;
  target.scripting = scripting;
  target.runtime.openOptionsPage = openOptionsPage;
  return { contextMenus, scripting, openOptionsPage };
}
