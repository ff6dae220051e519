import { bilingual } from '#shared/i18n.js';
import type { EmailPreferences } from '#shared/api/email-preferences.js';
import type { Language } from '#shared/i18n.js';
import type { Knex } from 'knex';
import { EMAIL_KIND_NAMES, type EmailKind, isEmailKind, isSwitchableKind } from '../email/kinds.js';
import { emailPreferencesOf, setEmailPreferences } from '../email/preferences.js';
import { HttpError } from '../errors.js';
import type { Handlers } from './types.js';

/** Settings → Email preferences (P10, P11): every kind with its state; switch several at once. */
export const emailPreferencesHandlers = {
  getEmailPreferences: async ({ knex, auth, language }) => present(knex, auth.user.id, language),
  updateEmailPreferences: async ({ knex, auth, input, language }) => {
    await setEmailPreferences(knex, auth.user.id, checkedChanges(input.body.kinds));
    return present(knex, auth.user.id, language);
  },
} satisfies Partial<Handlers>;

/** The changes asked for, or the first problem: an unknown kind, or turning off one that is always sent. */
function checkedChanges(kinds: Record<string, boolean>): Partial<Record<EmailKind, boolean>> {
  for (const [kind, enabled] of Object.entries(kinds)) {
    if (!isEmailKind(kind)) {
      throw new HttpError('email_kind_unknown', bilingual({ en: 'There is no kind of email called “{kind}”.', de: 'Eine Art von E-Mail namens „{kind}“ gibt es nicht.' }, { kind: kind.slice(0, 64) }));
    }
    if (!enabled && !isSwitchableKind(kind)) {
      throw new HttpError('email_kind_required', bilingual({ en: '{name} are always sent: Minopa needs them to run your account.', de: '{name} werden immer gesendet: Minopa braucht sie für Ihr Konto.' }, { name: EMAIL_KIND_NAMES[kind] }));
    }
  }
  return kinds as Partial<Record<EmailKind, boolean>>;
}

async function present(knex: Knex, userId: string, language: Language): Promise<EmailPreferences> {
  const kinds = await emailPreferencesOf(knex, userId);
  return { kinds: kinds.map((kind) => ({ ...kind, label: EMAIL_KIND_NAMES[kind.kind][language] })) };
}
