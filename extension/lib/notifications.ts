import { browser } from 'wxt/browser';
import { dashboardUrl, type DashboardPlace } from './dashboard-links.js';
import { defineMessages } from './i18n/index.js';

/**
 * Desktop notifications of the background. Every id starts with `minopa-` so a click on any of them
 * can be recognised. A notification about a post carries the post's id in its own id — the service
 * worker may have been stopped and restarted by the time someone clicks, so nothing is kept in memory —
 * and a click (or its "Open" button) opens that post in the dashboard; any other one opens the options
 * page (sign in, or see what was not saved).
 */
export const NOTIFICATION_PREFIX = 'minopa-';

/** The user-facing strings of this module (the caller has chosen the language: `backgroundLocale()`). */
const t = defineMessages({
  en: { open: 'Open' },
  de: { open: 'Öffnen' },
});

const POST_MARKER = 'post.';
/** Post ids are UUIDs; anything else in that place is not ours to open. */
const POST_ID = /^[0-9a-f-]{36}$/i;

let sequence = 0;

export interface NotifyOptions {
  /** The post the notification is about: clicking it, or its "Open" button, opens it in the dashboard. */
  postId?: string;
  /** About several failed posts: a click opens the dashboard's list of failed posts. */
  failedList?: boolean;
}

const FAILED_LIST_MARKER = 'failed-list.';

/** Firefox shows no notification buttons and refuses a notification that asks for them. */
function buttonsSupported(): boolean {
  return import.meta.env.BROWSER !== 'firefox';
}

/** Shows a notification; never throws (a failed notification must not fail a capture). */
export async function notify(kind: string, title: string, message: string, options: NotifyOptions = {}): Promise<string | null> {
  const postPart = options.postId && POST_ID.test(options.postId)
    ? `${POST_MARKER}${options.postId}.`
    : options.failedList ? FAILED_LIST_MARKER : '';
  const id = `${NOTIFICATION_PREFIX}${kind}-${postPart}${Date.now()}-${sequence++}`;
  try {
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
      ...(postPart !== '' && buttonsSupported() ? { buttons: [{ title: t('open') }] } : {}),
    });
    return id;
  } catch (error) {
    console.warn('[minopa] could not show a notification', error);
    return null;
  }
}

/** The post a notification id points at, or null. */
export function postIdOfNotification(notificationId: string): string | null {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return null;
  const at = notificationId.indexOf(POST_MARKER);
  if (at < 0) return null;
  const candidate = notificationId.slice(at + POST_MARKER.length, at + POST_MARKER.length + 36);
  return POST_ID.test(candidate) ? candidate : null;
}

/** Opens the dashboard at `place` in a new tab of the current window. */
export async function openDashboard(place: DashboardPlace): Promise<void> {
  await browser.tabs.create({ url: dashboardUrl(place), active: true });
}

/** Answers a click on one of our notifications: its post in the dashboard, otherwise the options page. */
export async function handleNotificationClick(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
  await browser.notifications.clear(notificationId);
  const postId = postIdOfNotification(notificationId);
  if (postId) await openDashboard({ postId });
  else if (notificationId.includes(`-${FAILED_LIST_MARKER}`)) await openDashboard({ view: 'failed' });
  else await browser.runtime.openOptionsPage();
}

/** Answers a notification button: the only one we show is "Open", which does what a click does. */
export async function handleNotificationButtonClick(notificationId: string, buttonIndex: number): Promise<void> {
  if (buttonIndex !== 0) return;
  await handleNotificationClick(notificationId);
}
