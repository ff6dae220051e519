import type { Knex } from 'knex';
import { HttpError } from '../errors.js';
import { Session } from '../models/session.js';

/** Ends one of the person's own working sessions (signs that device out); 404 for any other id. */
export async function revokeSession(knex: Knex, userId: string, sessionId: string): Promise<void> {
  const count = await Session.query(knex)
    .patch({ revokedAt: new Date() })
    .where({ id: sessionId, userId })
    .whereNull('revokedAt')
    .where('expiresAt', '>', knex.fn.now());
  if (count === 0) throw new HttpError('not_found', { en: 'We could not find that session among your active ones.', de: 'Wir konnten diese Sitzung unter Ihren aktiven Sitzungen nicht finden.' });
}
