import { browser, type Browser } from 'wxt/browser';
import type { CaptureInput } from '#shared/api/captures.js';
import { call } from './api-client.js';
import { showQueuedCount } from './badge.js';
import { captureText } from './capture/messages.js';
import { ApiError, ServiceUnreachableError } from './errors.js';
import { backgroundLocale, locale } from './i18n/index.js';
import type { FlushResult } from './messaging/protocol.js';
import { notify } from './notifications.js';
import { recordRejected, rejectionSentence } from './rejected.js';
import { flushBackoffItem, offlineQueueItem, sessionItem, type QueuedCapture } from './storage.js';

/**
 * Captures that could not reach the service, kept in storage and delivered in order when it is back.
 * A capture leaves the queue only when the service accepted it (201, or 200 duplicate) or refused it
 * (4xx, then the person is told); its clientId makes every redelivery idempotent.
 */

export const FLUSH_ALARM = 'minopa-offline-flush';
export const BACKOFF_FIRST_MS = 30_000;
export const BACKOFF_MAX_MS = 10 * 60_000;

/** Wait before retry number `failures` (1-based): 30 s, 1 min, 2 min, … at most 10 min. */
export function backoffDelay(failures: number): number {
  return Math.min(BACKOFF_FIRST_MS * 2 ** Math.max(0, failures - 1), BACKOFF_MAX_MS);
}

// Every change of the queue goes through this chain, so a flush removing an entry and a capture
// being added never overwrite each other's read-modify-write.
let queueChain: Promise<unknown> = Promise.resolve();

function updateQueue(change: (queue: QueuedCapture[]) => QueuedCapture[]): Promise<QueuedCapture[]> {
  const next = queueChain.then(async () => {
    const queue = change(await offlineQueueItem.getValue());
    await offlineQueueItem.setValue(queue);
    await showQueuedCount(queue.length);
    return queue;
  });
  queueChain = next.catch(() => undefined);
  return next;
}

/** What `enqueueCapture` needs; the rest of a queue entry is bookkeeping. */
export interface NewQueuedCapture {
  capture: CaptureInput;
  workspaceId: string;
  workspaceName: string | null;
  userId: string;
  lastError: string | null;
}

/** Keeps a capture for later delivery (once per clientId) and makes sure a retry is scheduled. */
export async function enqueueCapture(entry: NewQueuedCapture): Promise<void> {
  await updateQueue((queue) =>
    queue.some((queued) => queued.capture.clientId === entry.capture.clientId)
      ? queue
      : [...queue, { ...entry, queuedAt: new Date().toISOString(), attempts: 1 }],
  );
  if (!(await browser.alarms.get(FLUSH_ALARM))) await scheduleRetry();
}

/** Number of captures waiting. */
export async function queuedCount(): Promise<number> {
  return (await offlineQueueItem.getValue()).length;
}

/** Shows the stored queue's size on the badge (on startup, the badge is blank until told). */
export async function refreshBadge(): Promise<void> {
  await showQueuedCount(await queuedCount());
}

async function scheduleRetry(): Promise<void> {
  const failures = (await flushBackoffItem.getValue()).failures + 1;
  await flushBackoffItem.setValue({ failures });
  await browser.alarms.create(FLUSH_ALARM, { when: Date.now() + backoffDelay(failures) });
}

async function resetBackoff(): Promise<void> {
  await flushBackoffItem.setValue({ failures: 0 });
  await browser.alarms.clear(FLUSH_ALARM);
}

let running: Promise<FlushResult> | null = null;

/**
 * Delivers the signed-in person's waiting captures, oldest first. Only one flush runs at a time: a
 * call during a flush gets that flush's result. Stops at the first sign that the service is down
 * (and schedules the next try with backoff) or that the session is over (and asks to sign in).
 */
export function flushOfflineQueue(): Promise<FlushResult> {
  running ??= runFlush().finally(() => {
    running = null;
  });
  return running;
}

async function runFlush(): Promise<FlushResult> {
  const result: FlushResult = { delivered: 0, rejected: 0, remaining: 0, stoppedBecause: null };
  // Notifications below (and refusals recorded for the options page) are in the chosen language.
  const [session] = await Promise.all([sessionItem.getValue(), backgroundLocale()]);
  const delivered = new Set<string>();
  if (session) {
    for (const entry of await offlineQueueItem.getValue()) {
      if (entry.userId !== session.user.id) continue;
      const outcome = await deliverQueued(entry);
      if (outcome === 'delivered') {
        result.delivered++;
        delivered.add(entry.workspaceName ?? captureText('yourWorkspace'));
      } else if (outcome === 'rejected') {
        result.rejected++;
      } else {
        result.stoppedBecause = outcome;
        break;
      }
    }
  } else {
    result.stoppedBecause = 'signed_out';
  }

  const queue = await offlineQueueItem.getValue();
  result.remaining = queue.length;
  const mineLeft = session ? queue.filter((entry) => entry.userId === session.user.id).length : 0;
  if (result.stoppedBecause === 'service_unreachable') await scheduleRetry();
  else if (mineLeft === 0) await resetBackoff();
  await showQueuedCount(queue.length);

  if (result.delivered > 0) {
    const workspace = new Intl.ListFormat(locale(), { type: 'conjunction' }).format([...delivered]);
    await notify('flushed', captureText('savedTitle'), captureText('queueDelivered', { count: result.delivered, workspace }));
  }
  if (result.stoppedBecause === 'signed_out' && session) {
    await notify('sign-in', captureText('signInTitle'), captureText('queueSignIn', { count: mineLeft }));
  }
  return result;
}

type EntryOutcome = 'delivered' | 'rejected' | 'service_unreachable' | 'signed_out';

async function deliverQueued(entry: QueuedCapture): Promise<EntryOutcome> {
  const clientId = entry.capture.clientId;
  try {
    await call('createCapture', { params: { workspaceId: entry.workspaceId }, body: entry.capture });
    await updateQueue((queue) => queue.filter((queued) => queued.capture.clientId !== clientId));
    return 'delivered';
  } catch (error) {
    if (error instanceof ApiError && error.signedOut) return 'signed_out';
    if (error instanceof ApiError && !error.retryable) {
      await updateQueue((queue) => queue.filter((queued) => queued.capture.clientId !== clientId));
      await recordRejected(entry.capture, entry.workspaceId, error);
      await notify('rejected', captureText('notSavedTitle'), rejectionSentence(entry.capture, error));
      return 'rejected';
    }
    // Down, rate-limited, or something unexpected: the capture stays and is tried again later,
    // because dropping it is the one outcome that cannot be undone.
    if (!(error instanceof ServiceUnreachableError) && !(error instanceof ApiError)) {
      console.warn('[minopa] unexpected error while sending a queued capture', error);
    }
    const lastError = error instanceof Error ? error.message : String(error);
    await updateQueue((queue) =>
      queue.map((queued) =>
        queued.capture.clientId === clientId ? { ...queued, attempts: queued.attempts + 1, lastError } : queued,
      ),
    );
    return 'service_unreachable';
  }
}

/** The alarm listener's work: only our alarm triggers a flush. */
export async function handleAlarm(alarm: Browser.alarms.Alarm): Promise<void> {
  if (alarm.name === FLUSH_ALARM) await flushOfflineQueue();
}
