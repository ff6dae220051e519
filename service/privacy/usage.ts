import ipaddr from 'ipaddr.js';
import type { Knex } from 'knex';
import type { UsageEvent } from '#shared/api/usage.js';
import { USAGE_RETENTION_MONTHS } from '#shared/privacy/usage.js';
import type { ClientInfo } from '../lib/client-info.js';
import { describeUserAgent } from '../lib/user-agent.js';
import { consentOf } from './consent.js';
import { usageStatisticsAllowed } from './rights.js';

/**
 * An IP address with the part that identifies one device removed (P7), as analytics tools do: the last
 * octet of IPv4 (a /24), everything after the first 48 bits of IPv6 (a site).
 */
export function anonymiseIp(ip: string | null): string | null {
  if (!ip || !ipaddr.isValid(ip)) return null;
  let address = ipaddr.parse(ip);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) address = (address as ipaddr.IPv6).toIPv4Address();
  if (address.kind() === 'ipv4') {
    const octets = (address as ipaddr.IPv4).octets.slice();
    octets[3] = 0;
    return octets.join('.');
  }
  const parts = (address as ipaddr.IPv6).parts.slice();
  for (let index = 3; index < 8; index++) parts[index] = 0;
  return new ipaddr.IPv6(parts).toString();
}

/**
 * Stores a batch of usage events — only while the person allows usage statistics (P7, P21: the
 * service checks the consent in force itself, whatever an outdated extension sends). Device, browser and
 * OS are read from the user agent and kept coarse; the IP is anonymised before it is stored; a referrer
 * keeps its origin only. Returns how many were stored.
 */
export async function recordUsageEvents(knex: Knex, userId: string, events: UsageEvent[], client: ClientInfo): Promise<number> {
  const consent = await consentOf(knex, userId);
  if (consent.status !== 'current' || !consent.choices.analytics) return 0;
  // An objection or a restriction (P29) wins over a consent given earlier.
  if (!(await usageStatisticsAllowed(knex, userId))) return 0;
  const device = describeUserAgent(client.userAgent);
  const ip = anonymiseIp(client.ip);
  await knex('usageEvents').insert(
    events.map((event) => ({
      userId,
      name: event.name,
      sessionId: event.sessionId,
      occurredAt: event.occurredAt,
      client: event.client,
      browser: device.browser,
      os: device.os,
      deviceType: device.deviceType,
      viewportWidth: event.viewport?.width ?? null,
      viewportHeight: event.viewport?.height ?? null,
      referrer: originOf(event.referrer),
      ipAnonymised: ip,
    })),
  );
  return events.length;
}

function originOf(referrer: string | undefined): string | null {
  if (!referrer) return null;
  try {
    return new URL(referrer).origin.slice(0, 300);
  } catch {
    return null;
  }
}

/** Rows deleted per statement: each transaction is short, so inserts never wait long (measured by `npm run bench -- retention`). */
export const PURGE_BATCH = 5_000;

/**
 * Deletes usage events older than 26 months (P19), oldest first, a batch per statement (its own short
 * transaction), so no statement holds locks for long and concurrent inserts — which only touch the newest
 * end of the table and its indexes — never wait on it. Reports progress after each batch. Returns how
 * many rows it deleted.
 */
export async function purgeUsageEvents(
  knex: Knex,
  options: { now?: Date; batch?: number; signal?: AbortSignal; onProgress?: (deleted: number) => void } = {},
): Promise<number> {
  const cutoff = new Date(options.now ?? Date.now());
  cutoff.setUTCMonth(cutoff.getUTCMonth() - USAGE_RETENTION_MONTHS);
  const batch = options.batch ?? PURGE_BATCH;
  let deleted = 0;
  for (;;) {
    if (options.signal?.aborted) break;
    const { rowCount } = (await knex.raw(
      `delete from usage_events where id in (
         select id from usage_events where received_at < ? order by received_at limit ? for update skip locked)`,
      [cutoff, batch],
    )) as { rowCount: number };
    deleted += rowCount;
    options.onProgress?.(deleted);
    if (rowCount < batch) break;
  }
  return deleted;
}
