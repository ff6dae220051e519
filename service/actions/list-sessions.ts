import type { Knex } from 'knex';
import { Session } from '../models/session.js';

/** The person's sessions that still work (not revoked, not expired), most recently used first. */
export async function listSessions(knex: Knex, userId: string): Promise<Session[]> {
  return Session.query(knex)
    .where('userId', userId)
    .whereNull('revokedAt')
    .where('expiresAt', '>', knex.fn.now())
    .orderBy('lastUsedAt', 'desc')
    .orderBy('createdAt', 'desc');
}
