import type { EmailPreferences } from '#shared/api/email-preferences.js';
import { call } from './api-client.js';

/**
 * Settings → Email preferences (P10, P11) on the extension's side: the kinds of email the service sends,
 * each with its state. Kept on the service only (it decides what is sent), so nothing is stored here.
 */

/** Every kind of email with whether it reaches the person and whether it can be turned off. */
export async function getEmailPreferences(): Promise<EmailPreferences> {
  return call('getEmailPreferences', undefined, { timeoutMs: 10_000 });
}

/** Turns kinds on or off; the answer is every kind's state afterwards. */
export async function updateEmailPreferences(data: { kinds: Record<string, boolean> }): Promise<EmailPreferences> {
  return call('updateEmailPreferences', { body: { kinds: data.kinds } });
}
