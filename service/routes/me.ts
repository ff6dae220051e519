import { changeEmail } from '../actions/change-email.js';
import { changePassword } from '../actions/change-password.js';
import { getMe } from '../actions/get-me.js';
import { listSessions } from '../actions/list-sessions.js';
import { resendEmailVerification } from '../actions/resend-email-verification.js';
import { revokeOtherSessions } from '../actions/revoke-other-sessions.js';
import { revokeSession } from '../actions/revoke-session.js';
import { updateMe } from '../actions/update-me.js';
import { avatarUrlOf } from '../media/urls.js';
import { presentSession } from '../presenters/session.js';
import { presentMe } from '../presenters/user.js';
import type { Handlers } from './types.js';

/** The signed-in person: profile (P28), email and password changes, and their sessions. */
export const meHandlers = {
  getMe: async ({ knex, auth, storage, config }) => {
    const user = await getMe(knex, auth.user.id);
    return presentMe(user, await avatarUrlOf({ storage, config }, user));
  },
  updateMe: async ({ knex, auth, input, storage, config }) => {
    const user = await updateMe(knex, auth.user.id, input.body);
    return presentMe(user, await avatarUrlOf({ storage, config }, user));
  },
  resendEmailVerification: async ({ knex, config, auth }) => ({ message: await resendEmailVerification(knex, config, auth.user.id) }),
  changeEmail: async ({ knex, config, auth, input }) => {
    const pending = await changeEmail(knex, config, auth.user.id, input.body);
    return {
      pendingEmail: pending.pendingEmail,
      expiresAt: pending.expiresAt.toISOString(),
      message: `We sent a link to ${pending.pendingEmail}. Open it within 48 hours to switch your account to that address; until then it keeps the current one.`,
    };
  },
  changePassword: async ({ knex, auth, input }) => ({
    signedOutSessions: await changePassword(knex, auth.user.id, auth.sessionId, input.body),
  }),
  listSessions: async ({ knex, auth }) => ({
    items: (await listSessions(knex, auth.user.id)).map((session) => presentSession(session, auth.sessionId)),
  }),
  revokeSession: async ({ knex, auth, input }) => {
    await revokeSession(knex, auth.user.id, input.params.sessionId);
  },
  revokeOtherSessions: async ({ knex, auth }) => ({ revoked: await revokeOtherSessions(knex, auth.user.id, auth.sessionId) }),
} satisfies Partial<Handlers>;
