import { getMe } from '../actions/get-me.js';
import { listSessions } from '../actions/list-sessions.js';
import { revokeSession } from '../actions/revoke-session.js';
import { updateMe } from '../actions/update-me.js';
import { presentSession } from '../presenters/session.js';
import { presentMe } from '../presenters/user.js';
import type { Handlers } from './types.js';

/** The signed-in person and their sessions. */
export const meHandlers = {
  getMe: async ({ knex, auth }) => presentMe(await getMe(knex, auth.user.id)),
  updateMe: async ({ knex, auth, input }) => presentMe(await updateMe(knex, auth.user.id, input.body)),
  listSessions: async ({ knex, auth }) => ({
    items: (await listSessions(knex, auth.user.id)).map((session) => presentSession(session, auth.sessionId)),
  }),
  revokeSession: async ({ knex, auth, input }) => {
    await revokeSession(knex, auth.user.id, input.params.sessionId);
  },
} satisfies Partial<Handlers>;
