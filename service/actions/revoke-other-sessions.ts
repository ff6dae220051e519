import type { Knex } from 'knex';
import { Session } from '../models/session.js';

/** Ends every working session of the person except `currentSessionId`; returns how many were ended. */
export async function revokeOtherSessions(knex: Knex, userId: string, currentSessionId: string): Promise<number> {
  return Session.query(knex)
    .patch({ revokedAt: new Date() })
    .where('userId', userId)
    .whereNot('id', currentSessionId)
    .whereNull('revokedAt')
    .where('expiresAt', '>', knex.fn.now());
}
