import type { JobDeps } from './types.js';

/** Records stamped per statement: short locks however many expire on the same day. */
const BATCH = 500;

/**
 * Stamps consent choices older than a year as expired (P20), a batch per statement, so the people they
 * belong to are asked again and every optional category counts as denied meanwhile. Idempotent and safe
 * on several instances at once (a stamped row no longer matches). Returns how many it stamped.
 */
export async function expireConsents(deps: Pick<JobDeps, 'knex' | 'logger' | 'signal'>): Promise<number> {
  let stamped = 0;
  for (;;) {
    if (deps.signal?.aborted) break;
    const count = await deps
      .knex('consentRecords')
      .whereIn(
        'id',
        deps.knex('consentRecords').select('id').whereNull('expiredAt').where('expiresAt', '<=', deps.knex.fn.now()).limit(BATCH).forUpdate().skipLocked(),
      )
      .update({ expiredAt: deps.knex.fn.now() });
    stamped += count;
    if (count < BATCH) break;
  }
  if (stamped > 0) deps.logger.info('consent choices expired', { count: stamped });
  return stamped;
}
