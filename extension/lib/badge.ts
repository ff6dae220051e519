import { browser } from 'wxt/browser';
import { backgroundLocale, defineMessages, formatNumber } from './i18n/index.js';
import { failureWatchItem, offlineQueueItem, sessionItem } from './storage.js';

/**
 * The toolbar badge: how many things need the person — posts of their workspaces that failed to
 * publish, plus captures waiting for the service. Red when something failed, amber when things only wait.
 * Both counts are read from storage (or given by the caller that just changed one), so the offline
 * queue and the failure watch can each update the badge without knowing about the other.
 */

/** The tooltip's words; `{count}` is formatted in the chosen language. */
const t = defineMessages({
  en: {
    name: 'Minopa',
    withParts: 'Minopa — {parts}',
    failed: { one: '{count} post failed to publish', other: '{count} posts failed to publish' },
    queued: { one: '{count} capture waiting for the service', other: '{count} captures waiting for the service' },
  },
  de: {
    name: 'Minopa',
    withParts: 'Minopa – {parts}',
    failed: { one: 'Bei {count} Beitrag ist die Veröffentlichung fehlgeschlagen', other: 'Bei {count} Beiträgen ist die Veröffentlichung fehlgeschlagen' },
    queued: { one: '{count} Erfassung wartet auf den Dienst', other: '{count} Erfassungen warten auf den Dienst' },
  },
});

export const FAILED_COLOR = '#b91c1c';
export const QUEUED_COLOR = '#b45309';
/** A badge has room for about four characters. */
const MAX_SHOWN = 99;

/** Firefox's MV2 build has `browserAction` where MV3 has `action`. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

/** The badge text and tooltip for these counts, in the current language (text empty when nothing needs attention). */
export function badgeContent(counts: { failed: number; queued: number }): { text: string; title: string; color: string | null } {
  const total = counts.failed + counts.queued;
  const parts = [
    ...(counts.failed > 0 ? [t('failed', { count: counts.failed })] : []),
    ...(counts.queued > 0 ? [t('queued', { count: counts.queued })] : []),
  ];
  return {
    text: total === 0 ? '' : total > MAX_SHOWN ? `${formatNumber(MAX_SHOWN)}+` : formatNumber(total),
    // The tooltip says in words what the number means.
    title: parts.length === 0 ? t('name') : t('withParts', { parts: parts.join(', ') }),
    color: counts.failed > 0 ? FAILED_COLOR : counts.queued > 0 ? QUEUED_COLOR : null,
  };
}

/** Failed posts of the signed-in person as last seen by the failure watch (0 for anyone else). */
async function storedFailedCount(): Promise<number> {
  const [watch, session] = await Promise.all([failureWatchItem.getValue(), sessionItem.getValue()]);
  return watch && session && watch.userId === session.user.id ? watch.failedCount : 0;
}

/** Shows the badge for the given counts; a count left out is read from storage. */
export async function showBadge(counts: { failed?: number; queued?: number } = {}): Promise<void> {
  await backgroundLocale();
  const failed = counts.failed ?? (await storedFailedCount());
  const queued = counts.queued ?? (await offlineQueueItem.getValue()).length;
  const content = badgeContent({ failed, queued });
  const action = toolbarAction();
  await action.setBadgeText({ text: content.text });
  await action.setTitle({ title: content.title });
  if (content.color) await action.setBadgeBackgroundColor({ color: content.color });
}

/** Shows how many captures wait for the service, next to the failed posts (the offline queue calls this). */
export async function showQueuedCount(count: number): Promise<void> {
  await showBadge({ queued: count });
}

/** Shows how many posts failed to publish, next to the waiting captures (the failure watch calls this). */
export async function showFailedCount(count: number): Promise<void> {
  await showBadge({ failed: count });
}
