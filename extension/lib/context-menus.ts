import { browser, type Browser } from 'wxt/browser';
import type { Role } from '#shared/roles.js';
import { backgroundLocale, defineMessages } from './i18n/index.js';
import { defaultWorkspaceIdItem, sessionItem, workspacesItem, type WorkspaceSummary } from './storage.js';

/** What a menu item saves. `video` and `screenshot` are made into drafts by the extension (see capture/). */
export type MenuAction = 'page' | 'selection' | 'link' | 'image' | 'video' | 'screenshot';

type ContextType = `${Browser.contextMenus.ContextType}`;

/**
 * The menus' titles. `%s` is Chrome's placeholder for the selected text and must stay as it is;
 * `{name}` is a workspace's name.
 */
const t = defineMessages({
  en: {
    savePage: 'Save page to Minopa',
    saveSelection: 'Save “%s” to Minopa',
    saveLink: 'Save link to Minopa',
    saveImage: 'Save image to Minopa',
    saveVideo: 'Save video to Minopa',
    saveScreenshot: 'Save screenshot of visible area to Minopa',
    defaultWorkspace: '{name} (default)',
    importDesign: 'Import design to Minopa',
    importFile: 'Import file to Minopa',
  },
  de: {
    savePage: 'Seite in Minopa speichern',
    saveSelection: '„%s“ in Minopa speichern',
    saveLink: 'Link in Minopa speichern',
    saveImage: 'Bild in Minopa speichern',
    saveVideo: 'Video in Minopa speichern',
    saveScreenshot: 'Bildschirmfoto des sichtbaren Bereichs in Minopa speichern',
    defaultWorkspace: '{name} (Standard)',
    importDesign: 'Design in Minopa importieren',
    importFile: 'Datei in Minopa importieren',
  },
});

type MenuTitle = Parameters<typeof t>[0];

/**
 * The "Save to Minopa" items: one per thing a person can right-click, plus a screenshot of what the
 * tab shows. The screenshot is offered wherever a right-click lands except on links (there the link
 * is the thing to save), so a video frame or an image in context can be kept too. `title` names the
 * item's text in the catalog above, read in the chosen language each time the menus are built.
 */
export const MENU_ITEMS = [
  { id: 'minopa-save-page', action: 'page', title: 'savePage', contexts: ['page'] },
  { id: 'minopa-save-selection', action: 'selection', title: 'saveSelection', contexts: ['selection'] },
  { id: 'minopa-save-link', action: 'link', title: 'saveLink', contexts: ['link'] },
  { id: 'minopa-save-image', action: 'image', title: 'saveImage', contexts: ['image'] },
  { id: 'minopa-save-video', action: 'video', title: 'saveVideo', contexts: ['video'] },
  { id: 'minopa-save-screenshot', action: 'screenshot', title: 'saveScreenshot', contexts: ['page', 'selection', 'image', 'video'] },
] as const satisfies readonly { id: string; action: MenuAction; title: MenuTitle; contexts: readonly ContextType[] }[];

/** Only web pages can be captured (a capture needs an http(s) address), so menus show only there. */
const DOCUMENT_PATTERNS = ['http://*/*', 'https://*/*'];

/**
 * The import items, each only on the pages it can import (Chrome matches the tab's address, so no content
 * script has to look): a Canva design, and a Drive file or a Google Docs, Sheets, Slides or Drawings file.
 * The background still recognises the address itself before importing (shared/imports/source-url.ts).
 */
export const IMPORT_MENU_ITEMS = [
  {
    id: 'minopa-import-design',
    title: 'importDesign',
    documentUrlPatterns: ['https://www.canva.com/design/*', 'https://canva.com/design/*'],
  },
  {
    id: 'minopa-import-file',
    title: 'importFile',
    documentUrlPatterns: [
      'https://drive.google.com/file/*',
      'https://drive.google.com/open*',
      'https://drive.google.com/uc*',
      'https://docs.google.com/document/*',
      'https://docs.google.com/spreadsheets/*',
      'https://docs.google.com/presentation/*',
      'https://docs.google.com/drawings/*',
    ],
  },
] as const satisfies readonly { id: string; title: MenuTitle; documentUrlPatterns: readonly string[] }[];

/** Wherever the right-click lands on such a page, the thing to import is the page's design or file. */
const IMPORT_CONTEXTS: [ContextType, ...ContextType[]] = ['page', 'frame', 'selection', 'link', 'image'];

/** Separates an item's id from the workspace of a submenu entry: `minopa-save-page/<workspaceId>`. */
const WORKSPACE_SEPARATOR = '/';

/** Roles that may create drafts (the service refuses captures from viewers). */
const CAN_CAPTURE: readonly Role[] = ['owner', 'admin', 'editor'];

/** Chromium shows long titles cut off anyway; a shorter one keeps the submenu readable. */
const MAX_WORKSPACE_TITLE = 60;

/** What a click on one of our menu ids asks for; null for ids that are not ours (or a parent item). */
export function parseMenuItemId(menuItemId: string | number): { action: MenuAction; workspaceId: string | null } | null {
  const [base, workspaceId, ...rest] = String(menuItemId).split(WORKSPACE_SEPARATOR);
  const item = MENU_ITEMS.find((candidate) => candidate.id === base);
  if (!item || rest.length > 0 || workspaceId === '') return null;
  return { action: item.action, workspaceId: workspaceId ?? null };
}

/** Whether a click is on an import item, and into which workspace (null: the default); null when it is not one. */
export function parseImportMenuItemId(menuItemId: string | number): { workspaceId: string | null } | null {
  const [base, workspaceId, ...rest] = String(menuItemId).split(WORKSPACE_SEPARATOR);
  if (!IMPORT_MENU_ITEMS.some((item) => item.id === base) || rest.length > 0 || workspaceId === '') return null;
  return { workspaceId: workspaceId ?? null };
}

/** The menu id of `action` into `workspaceId` (a submenu entry), or of the plain item. */
export function menuItemId(action: MenuAction, workspaceId?: string): string {
  const item = MENU_ITEMS.find((candidate) => candidate.action === action)!;
  return workspaceId ? `${item.id}${WORKSPACE_SEPARATOR}${workspaceId}` : item.id;
}

/**
 * The workspaces a submenu offers: those the person may capture into, the default first, the others
 * in the order the service lists them. Empty when there is no choice to make (signed out, or one).
 */
export function submenuWorkspaces(workspaces: WorkspaceSummary[], defaultWorkspaceId: string | null): WorkspaceSummary[] {
  const writable = workspaces.filter((workspace) => CAN_CAPTURE.includes(workspace.role));
  if (writable.length < 2) return [];
  const first = writable.filter((workspace) => workspace.id === defaultWorkspaceId);
  return [...first, ...writable.filter((workspace) => workspace.id !== defaultWorkspaceId)];
}

/** A workspace's name as a menu title: `%s` would be replaced by the selection in selection menus. */
function workspaceTitle(workspace: WorkspaceSummary, isDefault: boolean): string {
  const cut = workspace.name.length > MAX_WORKSPACE_TITLE ? `${workspace.name.slice(0, MAX_WORKSPACE_TITLE - 1)}…` : workspace.name;
  const name = cut.replaceAll('%s', '%\u200Bs');
  return isDefault ? t('defaultWorkspace', { name }) : name;
}

function create(properties: Browser.contextMenus.CreateProperties): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    browser.contextMenus.create(properties, () => {
      const error = browser.runtime.lastError;
      if (error) reject(new Error(error.message));
      else resolve();
    });
  });
}

/**
 * (Re)creates the menu items from what is stored about the person. Menus outlive the service worker,
 * so this runs on install/update, on startup and whenever the workspaces or the session change;
 * removing them first keeps a second run from failing with "duplicate id". With more than one
 * workspace the person may capture into, each item opens a submenu of those workspaces (default first).
 * Titles are in the language chosen in the options (see `watchLanguage` in the background).
 */
export async function registerContextMenus(): Promise<void> {
  const [, session, workspaces, defaultWorkspaceId] = await Promise.all([
    backgroundLocale(),
    sessionItem.getValue(),
    workspacesItem.getValue(),
    defaultWorkspaceIdItem.getValue(),
  ]);
  const choices = session ? submenuWorkspaces(workspaces, defaultWorkspaceId) : [];

  await browser.contextMenus.removeAll();
  const items: { id: string; title: MenuTitle; contexts: [ContextType, ...ContextType[]]; documentUrlPatterns: string[] }[] = [
    ...MENU_ITEMS.map((item) => ({ id: item.id, title: item.title, contexts: [...item.contexts] as [ContextType, ...ContextType[]], documentUrlPatterns: DOCUMENT_PATTERNS })),
    // Importing needs the person's own Canva or Drive connection: nothing to offer while signed out.
    ...(session ? IMPORT_MENU_ITEMS.map((item) => ({ id: item.id, title: item.title, contexts: IMPORT_CONTEXTS, documentUrlPatterns: [...item.documentUrlPatterns] })) : []),
  ];
  for (const item of items) {
    await create({ id: item.id, title: t(item.title), contexts: item.contexts, documentUrlPatterns: item.documentUrlPatterns });
    for (const workspace of choices) {
      await create({
        id: `${item.id}${WORKSPACE_SEPARATOR}${workspace.id}`,
        parentId: item.id,
        title: workspaceTitle(workspace, workspace.id === defaultWorkspaceId),
        contexts: item.contexts,
        documentUrlPatterns: item.documentUrlPatterns,
      });
    }
  }
}

// Rebuilds are chained, and a rebuild asked for while one runs is folded into one more run: two
// interleaved removeAll/create sequences would fail with "duplicate id" or leave a half menu.
let running: Promise<void> | null = null;
let again = false;

/** Rebuilds the menus soon; safe to call many times in a row (e.g. several storage changes at once). */
export function rebuildContextMenus(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      do {
        again = false;
        await registerContextMenus();
      } while (again);
    } finally {
      running = null;
    }
  })();
  return running;
}

/**
 * Keeps the menus in step with the person: sign-in and sign-out, their workspaces, their default.
 * Registered synchronously when the background starts; returns a function that stops watching.
 */
export function watchMenuInputs(onError: (error: unknown) => void): () => void {
  const rebuild = () => void rebuildContextMenus().catch(onError);
  const stops = [
    // Only signing in or out matters here, not a refreshed token or profile.
    sessionItem.watch((next, previous) => {
      if ((next?.user.id ?? null) !== (previous?.user.id ?? null)) rebuild();
    }),
    workspacesItem.watch(rebuild),
    defaultWorkspaceIdItem.watch(rebuild),
  ];
  return () => stops.forEach((stop) => stop());
}
