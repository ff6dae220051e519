import { consentOf, saveConsent } from '../privacy/consent.js';
import type { Handlers } from './types.js';

/** The signed-in person's privacy choices: consent by category (P20, P21, P29). */
export const privacyHandlers = {
  getConsent: async ({ knex, auth }) => consentOf(knex, auth.user.id),
  saveConsent: async ({ knex, auth, input }) => saveConsent(knex, auth.user.id, input.body.choices, input.body.source),
} satisfies Partial<Handlers>;
