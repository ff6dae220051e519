import { logIn } from '../actions/log-in.js';
import { logOut } from '../actions/log-out.js';
import { signUp } from '../actions/sign-up.js';
import { presentAuthResult } from '../presenters/session.js';
import type { Handlers } from './types.js';

/** Sign-up, log-in, log-out. */
export const authHandlers = {
  signUp: async ({ knex, config, input, client }) => {
    const { token, session, user } = await signUp(knex, config.appSecret, input.body, client);
    return presentAuthResult(token, session, user);
  },
  logIn: async ({ knex, config, input, client }) => {
    const { token, session, user } = await logIn(knex, config.appSecret, input.body, client);
    return presentAuthResult(token, session, user);
  },
  logOut: async ({ knex, auth }) => {
    await logOut(knex, auth.sessionId);
  },
} satisfies Partial<Handlers>;
