import type { Knex } from 'knex';
import { Session } from '../models/session.js';

/** Ends the session making the request; its token stops working at once. */
export async function logOut(knex: Knex, sessionId: string): Promise<void> {
  await Session.query(knex).patch({ revokedAt: new Date() }).where('id', sessionId).whereNull('revokedAt');
}
