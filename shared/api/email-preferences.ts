import { z } from 'zod';
import { zodMessage } from '../i18n.js';

/** One kind of email as the person sees it in Settings → Email preferences (P10, P11). */
export const EmailKindPreference = z
  .object({
    kind: z.string().meta({ description: 'The kind, e.g. `post-failed` or `newsletter`.' }),
    label: z.string().meta({ description: 'Its name, in the request’s language.' }),
    enabled: z.boolean().meta({ description: 'Whether emails of this kind reach you: your choice, and your address not unsubscribed from it.' }),
    changeable: z.boolean().meta({ description: 'False for account, security and invitation emails: they are always sent.' }),
  })
  .meta({ id: 'EmailKindPreference' });
export type EmailKindPreference = z.output<typeof EmailKindPreference>;

export const EmailPreferences = z
  .object({ kinds: z.array(EmailKindPreference) })
  .meta({ id: 'EmailPreferences' });
export type EmailPreferences = z.output<typeof EmailPreferences>;

/** Kinds to turn on or off; kinds not named keep their setting. Turning one on lifts an earlier unsubscribe. */
export const UpdateEmailPreferencesInput = z
  .strictObject({
    kinds: z.record(z.string(), z.boolean({ message: zodMessage({ en: 'must be true or false', de: 'muss true oder false sein' }) })),
  })
  .meta({ id: 'UpdateEmailPreferencesInput' });
