import { loadTargets, type LoadedTarget } from './load.js';
import type { TargetOutcome } from './outcome.js';
import { TaskPool } from './pool.js';
import type { PublisherSettings } from './settings.js';
import type { ClaimedTarget, PublisherDeps } from './types.js';

/** What one run did: targets claimed, and how many ended in each outcome. */
export type RunCounts = { claimed: number } & Record<TargetOutcome['status'], number>;

/** One kind of leased work over post_targets (publishing, reconciling). */
export interface LeasedWork {
  claim(limit: number): Promise<ClaimedTarget[]>;
  /** Handles one loaded target and records its outcome; returns the outcome's status. */
  handle(loaded: LoadedTarget): Promise<TargetOutcome['status']>;
  /** Hands back claimed targets that never started (shutdown, budget spent). */
  release(targets: ClaimedTarget[]): Promise<void>;
}

/**
 * The claim → call → record loop both publisher jobs run. It keeps up to `capacity` targets in the
 * process, claiming again whenever a quarter of them are done (so a slow network does not stall a batch,
 * and a claim still takes a batch rather than one row at a time),
 * runs them with bounded concurrency per network and per account, and stops claiming once a claim
 * comes back short, the budget is spent or the service stops — then hands back what has not started
 * and waits for what is in flight (a publish is never cut off halfway).
 */
export async function runLeasedLoop(deps: PublisherDeps, settings: PublisherSettings, work: LeasedWork): Promise<RunCounts> {
  const counts: RunCounts = { claimed: 0, published: 0, scheduled: 0, unconfirmed: 0, failed: 0, lost: 0 };
  const pool = new TaskPool<LoadedTarget>(
    { total: settings.capacity, perGroup: settings.perPlatform, perKey: settings.perAccount },
    (loaded) => ({ group: loaded.target.platform, key: loaded.target.accountId }),
    async (loaded) => {
      counts[await work.handle(loaded)] += 1;
    },
    // Recording failed (the database went away): the lease expires and the target is reconciled.
    (error, loaded) => deps.logger.error('publisher could not record an outcome', { targetId: loaded.target.id, error }),
  );
  // On shutdown nothing new may start, not even in the moment a finishing publish frees its account's
  // slot (the pool would otherwise start the next waiting target before this loop hands it back).
  const hold = () => pool.hold();
  deps.signal?.addEventListener('abort', hold, { once: true });
  if (deps.signal?.aborted) hold();
  // The leases stay short so a crashed process's targets come back soon; while this one lives, it keeps
  // renewing what it holds (a long upload, a target waiting for its account's turn).
  const renewal = setInterval(() => void renewLeases(deps, settings), settings.leaseMs / 3);
  renewal.unref();
  try {
    return await loop(deps, settings, work, pool, counts);
  } finally {
    clearInterval(renewal);
    deps.signal?.removeEventListener('abort', hold);
  }
}

/**
 * Extends every lease this process holds by a full lease; a failure is logged and the next round tries
 * again. Rows locked at that moment are skipped: they are being recorded or checkpointed by this process
 * in a batch (record.ts, checkpoint.ts), and waiting for them while holding others could deadlock with
 * that batch. A lease lasts three rounds, so the next round renews what this one skipped.
 */
export async function renewLeases(deps: Pick<PublisherDeps, 'knex' | 'logger'>, settings: Pick<PublisherSettings, 'workerId' | 'leaseMs'>): Promise<void> {
  try {
    await deps.knex.raw(
      `update post_targets set lease_expires_at = now() + ? * interval '1 millisecond'
        where id in (select id from post_targets where lease_owner = ? and status = 'publishing' for update skip locked)`,
      [settings.leaseMs, settings.workerId],
    );
  } catch (error) {
    deps.logger.warn('publisher could not renew its leases', { error });
  }
}

async function loop(deps: PublisherDeps, settings: PublisherSettings, work: LeasedWork, pool: TaskPool<LoadedTarget>, counts: RunCounts): Promise<RunCounts> {
  const deadline = Date.now() + settings.budgetMs;
  let more = true;
  for (;;) {
    const stopping = Boolean(deps.signal?.aborted) || Date.now() >= deadline;
    if (stopping) await work.release(pool.takeWaiting().map((loaded) => loaded.target));
    if (more && !stopping && pool.size <= (settings.capacity * 3) / 4) {
      const room = settings.capacity - pool.size;
      const claimed = await work.claim(room);
      counts.claimed += claimed.length;
      more = claimed.length === room;
      try {
        pool.add(await loadTargets(deps, claimed, settings.mediaUrlTtlMs));
      } catch (error) {
        await work.release(claimed).catch(() => undefined);
        throw error;
      }
    }
    if (pool.size === 0) {
      if (more && !stopping) continue;
      return counts;
    }
    await pool.next();
  }
}
