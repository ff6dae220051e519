import { browser, type Browser } from 'wxt/browser';
import type { Import } from '#shared/api/imports.js';
import { call } from './api-client.js';
import { ApiError } from './errors.js';
import { backgroundLocale, defineMessages } from './i18n/index.js';
import { notify } from './notifications.js';
import { importWatchItem, sessionItem, workspacesItem, type TrackedImport } from './storage.js';

/**
 * Tells the person when an import they started from this browser ends — done (a click opens the draft)
 * or failed (with the service's reason) — whether or not the popup is still open. The imports are kept
 * in storage, since the service worker may be stopped at any time, and an alarm wakes it every half
 * minute while any is running to ask the service where each stands. The popup's own polling goes
 * through `observeImport` too, so whoever sees the end first notifies, and only once.
 */

export const IMPORT_WATCH_ALARM = 'minopa-import-watch';
/** Chrome's shortest alarm period; the popup polls every second while it is open anyway. */
export const IMPORT_WATCH_PERIOD_MINUTES = 0.5;
/** An import the service has not finished after this long is no longer watched (it was surely lost). */
const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;

const t = defineMessages({
  en: {
    doneTitle: 'Import finished',
    done: '“{title}” is now a draft in {workspace}. Open it to edit and schedule it.',
    doneUntitled: 'The import is now a draft in {workspace}. Open it to edit and schedule it.',
    failedTitle: 'Import failed',
    failed: '“{title}”: {reason}',
    yourWorkspace: 'your workspace',
  },
  de: {
    doneTitle: 'Import abgeschlossen',
    done: '„{title}“ ist jetzt ein Entwurf in {workspace}. Öffnen Sie ihn, um ihn zu bearbeiten und zu planen.',
    doneUntitled: 'Der Import ist jetzt ein Entwurf in {workspace}. Öffnen Sie ihn, um ihn zu bearbeiten und zu planen.',
    failedTitle: 'Import fehlgeschlagen',
    failed: '„{title}“: {reason}',
    yourWorkspace: 'Ihrem Arbeitsbereich',
  },
});

const finished = (found: Import) => found.status === 'done' || found.status === 'failed';

// Every change to the list goes through this chain: the popup's poll and the alarm may see the same
// end at the same moment, and only the one that removes the entry notifies.
let chain: Promise<unknown> = Promise.resolve();
function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const next = chain.then(work, work);
  chain = next.catch(() => undefined);
  return next;
}

/** Starts watching an import (already finished: notifies now). */
export async function trackImport(started: Import, userId: string): Promise<void> {
  await exclusive(async () => {
    const list = await importWatchItem.getValue();
    if (list.some((entry) => entry.importId === started.id)) return;
    await importWatchItem.setValue([
      ...list,
      { importId: started.id, workspaceId: started.workspaceId, userId, title: started.title, startedAt: new Date().toISOString() },
    ]);
  });
  await ensureImportWatch();
  await observeImport(started);
}

/**
 * Takes note of where an import stands: the end of a watched one is notified and the import forgotten;
 * a running one keeps its latest title. Returns whether a notification went out.
 */
export async function observeImport(found: Import): Promise<boolean> {
  const entry = await exclusive(async () => {
    const list = await importWatchItem.getValue();
    const tracked = list.find((candidate) => candidate.importId === found.id);
    if (!tracked) return null;
    if (!finished(found)) {
      if (found.title && found.title !== tracked.title) {
        await importWatchItem.setValue(list.map((candidate) => (candidate === tracked ? { ...candidate, title: found.title } : candidate)));
      }
      return null;
    }
    // Forgotten before notifying: should the worker stop halfway, an end is missed rather than repeated.
    await importWatchItem.setValue(list.filter((candidate) => candidate !== tracked));
    return tracked;
  });
  if (!entry) return false;
  await notifyEnd(found, entry);
  return true;
}

async function notifyEnd(found: Import, entry: TrackedImport): Promise<void> {
  await backgroundLocale();
  const title = found.title ?? entry.title;
  if (found.status === 'done') {
    const workspace = (await workspacesItem.getValue()).find((candidate) => candidate.id === found.workspaceId)?.name ?? t('yourWorkspace');
    const message = title ? t('done', { title, workspace }) : t('doneUntitled', { workspace });
    await notify('imported', t('doneTitle'), message, found.postId ? { postId: found.postId } : {});
    return;
  }
  const reason = found.failure?.message ?? '';
  await notify('import-failed', t('failedTitle'), title ? t('failed', { title, reason }) : reason);
}

/** Makes sure the alarm runs while imports are watched. */
export async function ensureImportWatch(): Promise<void> {
  if ((await importWatchItem.getValue()).length === 0) return;
  if (!(await browser.alarms.get(IMPORT_WATCH_ALARM))) {
    await browser.alarms.create(IMPORT_WATCH_ALARM, { periodInMinutes: IMPORT_WATCH_PERIOD_MINUTES, delayInMinutes: IMPORT_WATCH_PERIOD_MINUTES });
  }
}

/** The alarm listener's work: only our alarm triggers a look. */
export async function handleImportWatchAlarm(alarm: Browser.alarms.Alarm): Promise<void> {
  if (alarm.name === IMPORT_WATCH_ALARM) await checkImports();
}

/** What one look did. */
export interface ImportCheckResult {
  /** Imports whose end was notified. */
  notified: string[];
  /** Imports still watched. */
  watching: number;
}

/**
 * Asks the service about every watched import of the signed-in person and notifies the ends. Imports of
 * someone else (another person signed in here), ones the service no longer knows, and ones far too old
 * are dropped; while the service is down they wait for the next look. The alarm stops when none is left.
 */
export async function checkImports(): Promise<ImportCheckResult> {
  const session = await sessionItem.getValue();
  const notified: string[] = [];
  const drop = new Set<string>();
  // Once the service is down (or the session over), asking about the others would only wait for more failures.
  let stopAsking = false;
  for (const entry of await importWatchItem.getValue()) {
    if (!session || entry.userId !== session.user.id || Date.now() - Date.parse(entry.startedAt) > GIVE_UP_AFTER_MS) {
      drop.add(entry.importId);
      continue;
    }
    if (stopAsking) continue;
    try {
      const found = await call('getImport', { params: { workspaceId: entry.workspaceId, importId: entry.importId } }, { timeoutMs: 10_000 });
      if (await observeImport(found)) notified.push(found.id);
    } catch (error) {
      // Gone, or no longer this person's to see: stop asking. Down or slow: ask again at the next alarm.
      if (error instanceof ApiError && !error.signedOut && !error.retryable) drop.add(entry.importId);
      else stopAsking = true;
    }
  }
  const left = await exclusive(async () => {
    const list = (await importWatchItem.getValue()).filter((entry) => !drop.has(entry.importId));
    await importWatchItem.setValue(list);
    return list.length;
  });
  if (left === 0) await browser.alarms.clear(IMPORT_WATCH_ALARM);
  return { notified, watching: left };
}
