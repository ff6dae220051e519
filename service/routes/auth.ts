import { confirmEmailChange } from '../actions/confirm-email-change.js';
import { googleExchange } from '../actions/google-exchange.js';
import { logIn } from '../actions/log-in.js';
import { logOut } from '../actions/log-out.js';
import { PASSWORD_RESET_ACCEPTED, requestPasswordReset } from '../actions/request-password-reset.js';
import { resetPassword } from '../actions/reset-password.js';
import { signUp } from '../actions/sign-up.js';
import { verifyEmail } from '../actions/verify-email.js';
import { googleSettings } from '../auth/google/settings.js';
import { HttpError } from '../errors.js';
import { avatarUrlOf } from '../media/urls.js';
import { presentAuthResult } from '../presenters/session.js';
import type { Handlers } from './types.js';

/** Sign-up, log-in, log-out, the emailed account links, and the end of Google sign-in. */
export const authHandlers = {
  signUp: async ({ knex, config, input, client }) => {
    const { token, session, user } = await signUp(knex, config, input.body, client);
    // A new account has no avatar yet.
    return presentAuthResult(token, session, user, null);
  },
  logIn: async ({ knex, config, input, client, storage }) => {
    const { token, session, user } = await logIn(knex, config.appSecret, input.body, client);
    return presentAuthResult(token, session, user, await avatarUrlOf({ storage, config }, user));
  },
  logOut: async ({ knex, auth }) => {
    await logOut(knex, auth.sessionId);
  },
  verifyEmail: async ({ knex, config, input }) => {
    await verifyEmail(knex, config.appSecret, input.body.token);
  },
  requestPasswordReset: async ({ knex, config, input, client }) => {
    await requestPasswordReset(knex, config, input.body.email, client);
    return { message: PASSWORD_RESET_ACCEPTED };
  },
  resetPassword: async ({ knex, config, input }) => {
    await resetPassword(knex, config.appSecret, input.body.token, input.body.password);
  },
  confirmEmailChange: async ({ knex, config, input }) => {
    await confirmEmailChange(knex, config.appSecret, input.body.token);
  },
  authProviders: async ({ config }) => {
    const google = googleSettings(config);
    return { google: { enabled: google !== null, sandbox: google?.mode === 'sandbox' } };
  },
  googleExchange: async ({ knex, config, input, client, storage }) => {
    if (!googleSettings(config)) throw new HttpError('google_sign_in_disabled');
    const { token, session, user } = await googleExchange(knex, config.appSecret, input.body, client);
    return presentAuthResult(token, session, user, await avatarUrlOf({ storage, config }, user));
  },
} satisfies Partial<Handlers>;
