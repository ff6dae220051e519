import type { Knex } from 'knex';
import type { PlatformId } from '#shared/platforms.js';
import { createSealer } from '../lib/token-crypto.js';
import { openTokens } from '../platforms/credentials.js';
import type { Metrics } from '../platforms/types.js';
import { publishAccess } from './context.js';
import { TaskPool } from './pool.js';
import type { PublisherDeps } from './types.js';

/** Tuning of the metrics job. */
export interface MetricsOptions {
  /** Posts published within this many days are measured. */
  windowDays: number;
  /** A target is measured again once its last numbers are this old. */
  refreshMs: number;
  /** Targets measured per run. */
  batchSize: number;
  /** Calls in flight at once (per network: half of it). */
  concurrency: number;
}

export const DEFAULT_METRICS_OPTIONS: MetricsOptions = { windowDays: 30, refreshMs: 6 * 60 * 60_000, batchSize: 100, concurrency: 8 };

interface DueTarget {
  id: string;
  accountId: string;
  platform: PlatformId;
  remoteId: string;
  accountRemoteId: string;
  accountKind: 'profile' | 'page' | 'business' | 'organization' | 'channel';
  accountStatus: string;
  credentials: string | null;
  credentialsKeyId: string | null;
}

/**
 * The metrics job: for recently published targets whose numbers are old, asks the network for its
 * engagement figures and stores them as a new post_metrics row (a series over time). Claiming sets
 * metrics_fetched_at (FOR UPDATE SKIP LOCKED), so instances never measure the same target at once, and a
 * failing network is simply asked again after refreshMs. Errors are logged, never fatal.
 */
export async function fetchPostMetrics(deps: PublisherDeps, overrides: Partial<MetricsOptions> = {}): Promise<{ claimed: number; stored: number }> {
  const options = { ...DEFAULT_METRICS_OPTIONS, ...overrides };
  const due = await claimDue(deps.knex, options);
  const sealer = createSealer(deps.config.tokenKeys);
  let stored = 0;
  const pool = new TaskPool<DueTarget>(
    { total: options.concurrency, perGroup: Math.max(1, Math.ceil(options.concurrency / 2)), perKey: 1 },
    (target) => ({ group: target.platform, key: target.accountId }),
    async (target) => {
      if (target.accountStatus !== 'active' || !target.credentials) return;
      const { platform, context } = publishAccess(deps.platforms, target.platform, deps.logger);
      const metrics = await platform.metrics(context, { remoteId: target.accountRemoteId, kind: target.accountKind, tokens: openTokens(sealer, target) }, target.remoteId);
      await deps.knex('postMetrics').insert({ targetId: target.id, ...counts(metrics) });
      stored += 1;
    },
    (error, target) => deps.logger.warn('post metrics not fetched', { targetId: target.id, platform: target.platform, error }),
  );
  pool.add(due);
  await pool.drain();
  return { claimed: due.length, stored };
}

async function claimDue(knex: Knex, options: MetricsOptions): Promise<DueTarget[]> {
  const { rows } = await knex.raw<{ rows: DueTarget[] }>(
    `with claimed as (
       update post_targets set metrics_fetched_at = now()
        where id in (
          select id from post_targets
           where status = 'published' and published_at > now() - :windowDays * interval '1 day'
             and (metrics_fetched_at is null or metrics_fetched_at < now() - :refreshMs * interval '1 millisecond')
           order by metrics_fetched_at nulls first
           limit :batchSize
           for update skip locked)
       returning id, account_id, platform, remote_id)
     select c.id, c.account_id as "accountId", c.platform, c.remote_id as "remoteId", a.remote_id as "accountRemoteId", a.kind as "accountKind",
            a.status as "accountStatus", a.credentials, a.credentials_key_id as "credentialsKeyId"
       from claimed c join connected_accounts a on a.id = c.account_id`,
    { windowDays: options.windowDays, refreshMs: options.refreshMs, batchSize: options.batchSize },
  );
  return rows;
}

/** The figures the network gave, as non-negative whole numbers; what it does not offer stays null. */
function counts(metrics: Metrics): Record<keyof Metrics, number | null> {
  const figure = (value: number | null | undefined) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : null);
  return { likes: figure(metrics.likes), comments: figure(metrics.comments), shares: figure(metrics.shares), views: figure(metrics.views), impressions: figure(metrics.impressions) };
}
