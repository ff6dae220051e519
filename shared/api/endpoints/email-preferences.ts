import type { Endpoint } from '../endpoint.js';
import { EmailPreferences, UpdateEmailPreferencesInput } from '../email-preferences.js';

export const emailPreferencesEndpoints = {
  getEmailPreferences: {
    method: 'GET', path: '/api/v1/me/email-preferences', tag: 'me', auth: 'session',
    summary: 'Each kind of email with whether it reaches you and whether you can turn it off (P10, P11).', response: EmailPreferences,
  },
  updateEmailPreferences: {
    method: 'PATCH', path: '/api/v1/me/email-preferences', tag: 'me', auth: 'session',
    summary: 'Turn kinds of email on or off at once; account, security and invitation emails cannot be turned off.',
    body: UpdateEmailPreferencesInput, response: EmailPreferences,
  },
} as const satisfies Record<string, Endpoint>;
