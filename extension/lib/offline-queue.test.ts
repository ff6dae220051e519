import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureResult, OTHER_WORKSPACE_ID, pageCapture, signedIn, USER_ID, WORKSPACE_ID } from '../testing/fixtures.js';
import { errorBody, startFakeService, type FakeService } from '../testing/fake-service.js';
import { backgroundLocale } from './i18n/index.js';
import {
  backoffDelay,
  enqueueCapture,
  FLUSH_ALARM,
  flushOfflineQueue,
  handleAlarm,
} from './offline-queue.js';
import { flushBackoffItem, offlineQueueItem, rejectedCapturesItem, sessionItem } from './storage.js';

let service: FakeService;
beforeAll(async () => {
  service = await startFakeService();
});
afterAll(() => service.close());
beforeEach(async () => {
  fakeBrowser.reset();
  service.requests.length = 0;
  service.answer = () => ({ status: 201, json: captureResult() });
  await signedIn(service.url);
});

const captureRequests = () => service.requests.filter((request) => request.path.endsWith('/captures'));
const badge = () => fakeBrowser.action.getBadgeText({});
const notifications = () => Object.values(fakeBrowser.notifications.getAllCreateOptions());

async function queue(count: number, userId = USER_ID) {
  const captures = Array.from({ length: count }, (_, index) => pageCapture({ title: `Capture ${index + 1}` }));
  for (const capture of captures) {
    await enqueueCapture({ capture, workspaceId: WORKSPACE_ID, workspaceName: 'Ada’s workspace', userId, lastError: null });
  }
  return captures;
}

describe('enqueueCapture', () => {
  it('keeps the capture, shows the count on the badge and schedules a retry in 30 s', async () => {
    const before = Date.now();
    const [capture] = await queue(1);
    const stored = await offlineQueueItem.getValue();
    expect(stored.map((entry) => entry.capture)).toEqual([capture]);
    expect(await badge()).toBe('1');
    const alarm = await fakeBrowser.alarms.get(FLUSH_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(before + 30_000);
    expect(alarm?.scheduledTime).toBeLessThan(before + 31_000);
  });

  it('keeps a capture once even when it is queued twice', async () => {
    const [capture] = await queue(1);
    await enqueueCapture({ capture: capture!, workspaceId: WORKSPACE_ID, workspaceName: null, userId: USER_ID, lastError: null });
    expect(await offlineQueueItem.getValue()).toHaveLength(1);
  });
});

describe('flushOfflineQueue', () => {
  it('delivers in order, empties the queue, clears badge and alarm, and says so', async () => {
    const captures = await queue(3);
    const result = await flushOfflineQueue();

    expect(result).toEqual({ delivered: 3, rejected: 0, remaining: 0, stoppedBecause: null });
    expect(captureRequests().map((request) => (request.body as { clientId: string }).clientId)).toEqual(
      captures.map((capture) => capture.clientId),
    );
    expect(await offlineQueueItem.getValue()).toEqual([]);
    expect(await badge()).toBe('');
    expect(await fakeBrowser.alarms.get(FLUSH_ALARM)).toBeUndefined();
    expect(await flushBackoffItem.getValue()).toEqual({ failures: 0 });
    expect(notifications().map((notification) => notification.message)).toContain(
      '3 captures that were waiting were saved to Ada’s workspace as drafts.',
    );
  });

  it('counts a duplicate (200) as delivered: the service already had it', async () => {
    await queue(1);
    service.answer = () => ({ status: 200, json: captureResult(WORKSPACE_ID, true) });
    expect((await flushOfflineQueue()).delivered).toBe(1);
    expect(await offlineQueueItem.getValue()).toEqual([]);
  });

  it('keeps everything on 5xx, stops at the first failure and backs off 30 s → 1 min → … → 10 min', async () => {
    await queue(2);
    service.answer = () => ({ status: 503, json: errorBody('service_unavailable', 'The service is not ready.') });

    const delays: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const before = Date.now();
      const result = await flushOfflineQueue();
      expect(result).toMatchObject({ delivered: 0, remaining: 2, stoppedBecause: 'service_unreachable' });
      const alarm = await fakeBrowser.alarms.get(FLUSH_ALARM);
      delays.push(Math.round(((alarm?.scheduledTime ?? 0) - before) / 1000));
    }
    // The enqueue scheduled the first 30 s; each failed flush doubles, up to 10 minutes.
    expect(delays).toEqual([60, 120, 240, 480, 600, 600, 600]);
    // Only the oldest is tried while the service is down: order is kept.
    expect(new Set(captureRequests().map((request) => (request.body as { title: string }).title))).toEqual(new Set(['Capture 1']));
    expect(await badge()).toBe('2');
    const [first] = await offlineQueueItem.getValue();
    expect(first?.attempts).toBe(8);
    expect(first?.lastError).toBe('The service is not ready.');
  });

  it('sends the same clientId again after a failure, and the backoff resets on success', async () => {
    const [capture] = await queue(1);
    service.answer = () => ({ status: 502, text: 'Bad gateway', contentType: 'text/plain' });
    await flushOfflineQueue();
    service.answer = () => ({ status: 201, json: captureResult() });
    await flushOfflineQueue();

    const sent = captureRequests().map((request) => (request.body as { clientId: string }).clientId);
    expect(sent).toEqual([capture!.clientId, capture!.clientId]);
    expect(await offlineQueueItem.getValue()).toEqual([]);
    expect(await flushBackoffItem.getValue()).toEqual({ failures: 0 });
  });

  it('keeps a rate-limited capture (429 is "not now", not "never")', async () => {
    await queue(1);
    service.answer = () => ({ status: 429, json: errorBody('rate_limited', 'Too many attempts.') });
    expect(await flushOfflineQueue()).toMatchObject({ stoppedBecause: 'service_unreachable', remaining: 1 });
  });

  it('removes a refused capture (4xx), keeps it in the rejected list, notifies, and goes on with the next', async () => {
    const [refused, accepted] = await queue(2);
    service.answer = (request) =>
      (request.body as { clientId: string }).clientId === refused!.clientId
        ? { status: 404, json: errorBody('not_found', 'We could not find that.') }
        : { status: 201, json: captureResult() };

    const result = await flushOfflineQueue();
    expect(result).toEqual({ delivered: 1, rejected: 1, remaining: 0, stoppedBecause: null });
    expect(await offlineQueueItem.getValue()).toEqual([]);
    const rejected = await rejectedCapturesItem.getValue();
    expect(rejected.map((entry) => entry.capture.clientId)).toEqual([refused!.clientId]);
    expect(rejected[0]?.code).toBe('not_found');
    expect(notifications().some((notification) => notification.message.startsWith('We could not find that.'))).toBe(true);
    expect(captureRequests().map((request) => (request.body as { clientId: string }).clientId)).toContain(accepted!.clientId);
  });

  it('keeps captures when the session has ended, and asks to sign in again', async () => {
    await queue(1);
    service.answer = () => ({ status: 401, json: errorBody('session_expired', 'Your session has ended. Please sign in again.') });
    const result = await flushOfflineQueue();
    expect(result).toMatchObject({ delivered: 0, remaining: 1, stoppedBecause: 'signed_out' });
    expect(await sessionItem.getValue()).toBeNull();
    expect(notifications().map((notification) => notification.title)).toContain('Sign in to Minopa');
  });

  it('does nothing while signed out, and never sends another person’s captures', async () => {
    await queue(1, 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
    expect(await flushOfflineQueue()).toMatchObject({ delivered: 0, remaining: 1, stoppedBecause: null });
    await sessionItem.removeValue();
    expect(await flushOfflineQueue()).toMatchObject({ delivered: 0, remaining: 1, stoppedBecause: 'signed_out' });
    expect(captureRequests()).toHaveLength(0);
  });

  it('never runs twice at once: a second call shares the running flush', async () => {
    await queue(2);
    const first = flushOfflineQueue();
    const second = flushOfflineQueue();
    expect(second).toBe(first);
    await Promise.all([first, second]);
    expect(captureRequests()).toHaveLength(2);
    // And a later call starts a new flush.
    await queue(1);
    await flushOfflineQueue();
    expect(captureRequests()).toHaveLength(3);
  });

  it('keeps a capture queued during a flush', async () => {
    await queue(1);
    const flushing = flushOfflineQueue();
    const [late] = await queue(1);
    await flushing;
    const left = (await offlineQueueItem.getValue()).map((entry) => entry.capture.clientId);
    // Either the running flush took it or it is still waiting; it is never lost.
    const sent = captureRequests().map((request) => (request.body as { clientId: string }).clientId);
    expect(left.includes(late!.clientId) || sent.includes(late!.clientId)).toBe(true);
  });

  it('delivers to the workspace each capture was made for', async () => {
    await enqueueCapture({ capture: pageCapture(), workspaceId: OTHER_WORKSPACE_ID, workspaceName: 'Team', userId: USER_ID, lastError: null });
    await flushOfflineQueue();
    expect(captureRequests()[0]?.path).toBe(`/api/v1/workspaces/${OTHER_WORKSPACE_ID}/captures`);
  });
});

describe('alarms and backoff', () => {
  it('flushes on its own alarm only', async () => {
    await queue(1);
    await handleAlarm({ name: 'something-else', scheduledTime: Date.now(), persistAcrossSessions: false });
    expect(captureRequests()).toHaveLength(0);
    await handleAlarm({ name: FLUSH_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false });
    expect(captureRequests()).toHaveLength(1);
  });

  it('doubles from 30 s up to 10 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(backoffDelay)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000]);
  });
});

describe('in German', () => {
  // The options page mirrors the chosen language into browser.storage, where the background reads it.
  beforeEach(() => fakeBrowser.storage.local.set({ locale: 'de' }));
  afterEach(async () => {
    await fakeBrowser.storage.local.remove('locale');
    await backgroundLocale();
  });

  it('says how many waiting captures were saved, and where', async () => {
    await queue(2);
    await enqueueCapture({ capture: pageCapture(), workspaceId: OTHER_WORKSPACE_ID, workspaceName: 'Team', userId: USER_ID, lastError: null });
    await flushOfflineQueue();
    expect(notifications().at(-1)).toMatchObject({
      title: 'In Minopa gespeichert',
      message: '3 wartende Erfassungen wurden als Entwürfe in Ada’s workspace und Team gespeichert.',
    });
  });

  it('says one saved capture in the singular, and asks to sign in again for the waiting one', async () => {
    await queue(1);
    await flushOfflineQueue();
    expect(notifications().at(-1)?.message).toBe('Eine wartende Erfassung wurde als Entwurf in Ada’s workspace gespeichert.');

    await queue(1);
    service.answer = () => ({ status: 401, json: errorBody('session_expired', 'Your session has ended. Please sign in again.') });
    await flushOfflineQueue();
    expect(notifications().at(-1)).toMatchObject({
      title: 'Bei Minopa anmelden',
      message: 'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an, um die wartende Erfassung zu senden.',
    });
  });
});
