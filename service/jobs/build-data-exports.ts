import { randomUUID } from 'node:crypto';
import { buildExportArchive } from '../privacy/export/build.js';
import { INSTANCE_ID } from '../lib/instance-id.js';
import { EXPORT_VALID_DAYS, type ExportRow } from '../privacy/export/exports.js';
import { exportKey } from '../storage/keys.js';
import type { JobDeps } from './types.js';

/** A build holds its export this long; a crashed worker's export is taken up again after it. */
const LEASE_MS = 10 * 60_000;
/** Progress is written at most this often (a person watches it; the database need not hear every file). */
const PROGRESS_EVERY_MS = 250;
const MAX_ATTEMPTS = 3;

/**
 * Builds requested exports (P27), one at a time per run: claims the oldest with a lease (a crashed
 * build is taken up again when its lease ends), streams the archive into storage with progress, and
 * makes it downloadable for 7 days. A failure is retried twice, then reported with its reason. Then
 * removes the archives whose 7 days are over.
 */
export async function buildDataExports(deps: Pick<JobDeps, 'knex' | 'storage' | 'logger' | 'signal'>): Promise<number> {
  // Named after this process, so a shutdown gives its build back at once (shutdown/release-leases.ts).
  const owner = `${INSTANCE_ID}:exports:${randomUUID()}`;
  let built = 0;
  while (!deps.signal?.aborted) {
    const { rows } = await deps.knex.raw<{ rows: ExportRow[] }>(
      `update data_exports set status = 'building', lease_owner = ?, lease_expires_at = now() + ? * interval '1 millisecond', attempts = attempts + 1,
              items_done = 0, items_total = null
        where id = (select id from data_exports
                     where status = 'queued' or (status = 'building' and lease_expires_at < now())
                     order by requested_at limit 1 for update skip locked)
        returning id, user_id as "userId", attempts`,
      [owner, LEASE_MS],
    );
    const claimed = rows[0] as (ExportRow & { attempts: number }) | undefined;
    if (!claimed) break;
    const key = exportKey(claimed.userId, claimed.id);
    const mine = () => deps.knex('dataExports').where({ id: claimed.id, leaseOwner: owner });
    let lastWrite = 0;
    try {
      const { size } = await buildExportArchive(deps, claimed.userId, key, async (done, total) => {
        if (done < total && Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = Date.now();
        await mine().update({ itemsDone: done, itemsTotal: total });
      });
      const finished = await mine().update({
        status: 'ready',
        storageKey: key,
        sizeBytes: size,
        finishedAt: deps.knex.fn.now(),
        expiresAt: deps.knex.raw(`now() + interval '${EXPORT_VALID_DAYS} days'`),
        leaseOwner: null,
        leaseExpiresAt: null,
      });
      // Lost the lease meanwhile (a very slow build): the other worker's archive counts; this one goes.
      if (finished === 0) await deps.storage.delete(key);
      else built += 1;
    } catch (error) {
      deps.logger.error('data export failed', { exportId: claimed.id, attempt: claimed.attempts, error });
      await deps.storage.delete(key).catch(() => undefined);
      const giveUp = claimed.attempts >= MAX_ATTEMPTS;
      await mine().update({
        status: giveUp ? 'failed' : 'queued',
        failureMessage: giveUp ? 'The export could not be built. Please try again later; if it keeps failing, ask us through “Your rights”.' : null,
        finishedAt: giveUp ? deps.knex.fn.now() : null,
        leaseOwner: null,
        leaseExpiresAt: null,
      });
    }
  }
  await removeExpiredExports(deps);
  return built;
}

/** Archives past their 7 days are deleted from storage and their exports marked expired. */
async function removeExpiredExports(deps: Pick<JobDeps, 'knex' | 'storage'>): Promise<void> {
  const expired: Array<{ id: string; storageKey: string }> = await deps.knex('dataExports').where({ status: 'ready' }).where('expiresAt', '<=', deps.knex.fn.now()).limit(100).select('id', 'storageKey');
  for (const row of expired) {
    await deps.storage.delete(row.storageKey);
    await deps.knex('dataExports').where({ id: row.id, status: 'ready' }).update({ status: 'expired', storageKey: null });
  }
}
