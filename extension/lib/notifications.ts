import { browser } from 'wxt/browser';

/**
 * Desktop notifications of the background. Every id starts with `minopa-` so a click on any of them
 * can be recognised and answered by opening the options page (sign in, or see what was not saved).
 */
export const NOTIFICATION_PREFIX = 'minopa-';

let sequence = 0;

/** Shows a notification; never throws (a failed notification must not fail a capture). */
export async function notify(kind: string, title: string, message: string): Promise<string | null> {
  const id = `${NOTIFICATION_PREFIX}${kind}-${Date.now()}-${sequence++}`;
  try {
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
    });
    return id;
  } catch (error) {
    console.warn('[minopa] could not show a notification', error);
    return null;
  }
}

/** Answers a click on one of our notifications by opening the options page. */
export async function handleNotificationClick(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
  await browser.notifications.clear(notificationId);
  await browser.runtime.openOptionsPage();
}
