import { accountDeletion, cancelAccountDeletion, requestAccountDeletion } from '../privacy/deletion/request.js';
import type { Handlers } from './types.js';

/** Deleting one's account after a cooling-off period (P17). */
export const deletionHandlers = {
  getAccountDeletion: async ({ knex, auth }) => accountDeletion(knex, auth.user.id),
  requestAccountDeletion: async ({ knex, log, config, auth, input }) => requestAccountDeletion(knex, log, config, auth.user.id, input.body),
  cancelAccountDeletion: async ({ knex, log, config, auth }) => cancelAccountDeletion(knex, log, config, auth.user.id),
} satisfies Partial<Handlers>;
