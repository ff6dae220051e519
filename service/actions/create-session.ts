import type { Knex } from 'knex';
import type { ClientInfo } from '../lib/client-info.js';
import { keyedHash, newSessionToken } from '../lib/tokens.js';
import { Session } from '../models/session.js';

/** A new session and its token; the token exists only in this return value, the database keeps its HMAC. */
export interface NewSession {
  token: string;
  session: Session;
}

/** Opens a session for `userId`. It lasts 30 days (P22): the database sets created_at and expires_at. */
export async function createSession(
  knex: Knex,
  appSecret: string,
  userId: string,
  client: ClientInfo & { label?: string | undefined },
): Promise<NewSession> {
  const token = newSessionToken();
  const session = await Session.query(knex)
    .insert({ tokenHash: keyedHash(appSecret, token), userId, client: client.label ?? null, ip: client.ip, userAgent: client.userAgent })
    .returning('*');
  return { token, session };
}
