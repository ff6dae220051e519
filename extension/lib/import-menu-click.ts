import type { Browser } from 'wxt/browser';
import { parseImportMenuItemId } from './context-menus.js';
import { ExtensionError, toUiError } from './errors.js';
import { backgroundLocale, defineMessages } from './i18n/index.js';
import { defaultChoices, sourceOf, startImport } from './imports.js';
import { notify } from './notifications.js';
import { defaultWorkspaceIdItem, workspacesItem } from './storage.js';

const t = defineMessages({
  en: {
    startedTitle: 'Importing into Minopa',
    startedDesign: 'Importing the design into {workspace}. You will be told when its draft is ready.',
    startedFile: 'Importing the file into {workspace}. You will be told when its draft is ready.',
    notStartedTitle: 'Import not started',
    noWorkspace: 'Choose a default workspace in Minopa’s options first.',
    yourWorkspace: 'your workspace',
  },
  de: {
    startedTitle: 'Import in Minopa',
    startedDesign: 'Das Design wird in {workspace} importiert. Sie erfahren es, sobald sein Entwurf bereitsteht.',
    startedFile: 'Die Datei wird in {workspace} importiert. Sie erfahren es, sobald ihr Entwurf bereitsteht.',
    notStartedTitle: 'Import nicht gestartet',
    noWorkspace: 'Wählen Sie zuerst in den Minopa-Optionen einen Standard-Arbeitsbereich.',
    yourWorkspace: 'Ihren Arbeitsbereich',
  },
});

/**
 * "Import design / file to Minopa": starts the import of the tab's design or file with the defaults
 * (Canva: PNG, every page; Drive: as it is, Google editors' files as PDF) into the submenu's workspace
 * or the default one, and says so. Its end is notified by the import watch. Never throws into the
 * listener: a refusal (not connected, no access) ends in a notification with the service's sentence.
 */
export async function handleImportMenuClick(info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab | undefined): Promise<void> {
  const target = parseImportMenuItemId(info.menuItemId);
  if (!target) return;
  try {
    await backgroundLocale();
    // The frame's address may be an embed; the tab's (or the page's) is the design or file.
    const url = tab?.url ?? info.pageUrl ?? '';
    const source = sourceOf(url);
    const workspaceId = target.workspaceId ?? (await defaultWorkspaceIdItem.getValue());
    if (!workspaceId) throw new ExtensionError('no_workspace', t('noWorkspace'));
    await startImport({ workspaceId, url, ...defaultChoices(source) });
    const workspace = (await workspacesItem.getValue()).find((candidate) => candidate.id === workspaceId)?.name ?? t('yourWorkspace');
    await notify('importing', t('startedTitle'), t(source.provider === 'canva' ? 'startedDesign' : 'startedFile', { workspace }));
  } catch (error) {
    if (!(error instanceof Error && 'code' in error)) console.error('[minopa] import failed to start', error);
    await notify('import-failed', t('notStartedTitle'), toUiError(error).message);
  }
}
