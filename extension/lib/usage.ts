import { browser, type Browser } from 'wxt/browser';
import type { ScheduleInput } from '#shared/api/publishing.js';
import { USAGE_BATCH_MAX, type UsageClient, type UsageEventName } from '#shared/privacy/usage.js';
import { call } from './api-client.js';
import { consentInForce } from './consent.js';
import { ApiError, ServiceUnreachableError } from './errors.js';
import { sessionItem, usageQueueItem, type StoredUsageEvent } from './storage.js';

/**
 * Usage statistics from the extension (P7): which features are used, per page visit, with the viewport.
 * Nothing is kept or sent unless the person allows usage statistics (P21) — checked when an event
 * happens and again before a batch leaves; withdrawing drops whatever waits (P29). Events wait in storage
 * and go in batches (when enough gathered, or every few minutes by alarm), so counting costs no request
 * of its own. The service checks the consent again and adds device details and an anonymised IP.
 */

export const USAGE_FLUSH_ALARM = 'minopa-usage-flush';
const FLUSH_PERIOD_MINUTES = 5;
/** A batch goes as soon as this many wait. */
const FLUSH_AT = 20;
/** What waits is capped, so a long offline spell cannot grow storage without bound. */
const QUEUE_MAX = 500;

/** The background's own page visit: one per service-worker lifetime. */
const backgroundSession = crypto.randomUUID();

/** Records one event if the person allows usage statistics; sends a batch once enough are waiting. */
export async function recordUsage(data: { name: UsageEventName; client: UsageClient; sessionId?: string; viewport?: { width: number; height: number } }): Promise<void> {
  if (!(await consentInForce()).analytics) return;
  const event: StoredUsageEvent = { name: data.name, client: data.client, sessionId: data.sessionId ?? backgroundSession, occurredAt: new Date().toISOString(), ...(data.viewport ? { viewport: data.viewport } : {}) };
  const queue = [...(await usageQueueItem.getValue()), event].slice(-QUEUE_MAX);
  await usageQueueItem.setValue(queue);
  if (queue.length >= FLUSH_AT) await flushUsage();
  else await ensureUsageAlarm();
}

/** Sends what waits (signed in, consent still given), a batch at a time; keeps it when the service is unreachable. */
export async function flushUsage(): Promise<number> {
  if (!(await consentInForce()).analytics) {
    await usageQueueItem.setValue([]);
    return 0;
  }
  if (!(await sessionItem.getValue())) return 0;
  let sent = 0;
  for (;;) {
    const queue = await usageQueueItem.getValue();
    if (queue.length === 0) return sent;
    const batch = queue.slice(0, USAGE_BATCH_MAX);
    try {
      await call('recordUsageEvents', { body: { events: batch } }, { timeoutMs: 10_000 });
    } catch (error) {
      if (error instanceof ServiceUnreachableError) return sent;
      // Refused (signed out, invalid): statistics are not worth retrying; nothing else depends on them.
      if (!(error instanceof ApiError)) throw error;
    }
    // Events recorded meanwhile stay; only the batch sent goes.
    const now = await usageQueueItem.getValue();
    await usageQueueItem.setValue(now.slice(batch.length));
    sent += batch.length;
  }
}


async function ensureUsageAlarm(): Promise<void> {
  if (!(await browser.alarms.get(USAGE_FLUSH_ALARM))) await browser.alarms.create(USAGE_FLUSH_ALARM, { delayInMinutes: FLUSH_PERIOD_MINUTES });
}

/**
 * Wraps a background message handler so its success is counted as a feature use: `name` gives the event
 * from the message (a schedule counts as published now, queued or scheduled). Counting never delays or
 * fails the handler.
 */
export function countedUsage<A, R>(handler: (data: A) => Promise<R>, name: (data: A) => UsageEventName | ScheduleInput): (data: A) => Promise<R> {
  return async (data) => {
    const result = await handler(data);
    const named = name(data);
    const event: UsageEventName = typeof named === 'string' ? named : named.when === 'now' ? 'post.published' : named.when === 'queue' ? 'post.queued' : 'post.scheduled';
    void recordUsage({ name: event, client: 'background' }).catch(() => undefined);
    return result;
  };
}

/** The background's alarm listener calls this with every alarm. */
export async function handleUsageAlarm(alarm: Browser.alarms.Alarm): Promise<void> {
  if (alarm.name === USAGE_FLUSH_ALARM) await flushUsage();
}
