import { recordUsageEvents } from '../privacy/usage.js';
import type { Handlers } from './types.js';

/** Usage statistics from the extension, stored only with the person's consent (P7). */
export const usageHandlers = {
  recordUsageEvents: async ({ knex, auth, input, client }) => ({ recorded: await recordUsageEvents(knex, auth.user.id, input.body.events, client) }),
} satisfies Partial<Handlers>;
