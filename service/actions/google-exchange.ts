import type { Knex } from 'knex';
import { redeemExchangeCode } from '../auth/google/login-requests.js';
import { HttpError } from '../errors.js';
import type { ClientInfo } from '../lib/client-info.js';
import { User } from '../models/user.js';
import { createSession, type NewSession } from './create-session.js';

/**
 * Trades the one-time code from the Google redirect for a session (the code works once, within 60 s),
 * so no session token ever travels in a URL. 400 sign_in_expired otherwise.
 */
export async function googleExchange(
  knex: Knex,
  appSecret: string,
  input: { code: string; client?: string | undefined },
  client: ClientInfo,
): Promise<NewSession & { user: User }> {
  const request = await redeemExchangeCode(knex, appSecret, input.code);
  const user = await User.query(knex).findById(request.userId!);
  if (!user) throw new HttpError('sign_in_expired');
  const session = await createSession(knex, appSecret, user.id, { ...client, label: input.client ?? request.client ?? undefined });
  return { ...session, user };
}
