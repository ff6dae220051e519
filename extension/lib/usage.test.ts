import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { errorBody, startFakeService, type FakeService } from '../testing/fake-service.js';
import { signedIn } from '../testing/fixtures.js';
import { saveConsent } from './consent.js';
import { usageQueueItem } from './storage.js';
import { countedUsage, flushUsage, recordUsage, USAGE_FLUSH_ALARM } from './usage.js';

let service: FakeService;
beforeAll(async () => {
  // Consent stays in this browser here (the service's side of it is tested in consent.test.ts).
  service = await startFakeService((request) => (request.path === '/api/v1/me/usage-events' ? { status: 202, json: { recorded: 1 } } : { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') }));
});
afterAll(() => service.close());
beforeEach(async () => {
  fakeBrowser.reset();
  service.requests.length = 0;
  await signedIn(service.url);
});

const choices = (analytics: boolean) => ({ functional: false, analytics, marketing: false, errorReports: false });
const usagePosts = () => service.requests.filter((request) => request.path === '/api/v1/me/usage-events');

describe('usage statistics in the extension (P7, P21, P29)', () => {
  it('P21: without analytics consent nothing is kept and nothing is sent', async () => {
    await recordUsage({ name: 'popup.opened', client: 'popup', sessionId: crypto.randomUUID() });
    await saveConsent({ choices: choices(false) });
    await recordUsage({ name: 'popup.opened', client: 'popup' });
    expect(await usageQueueItem.getValue()).toEqual([]);
    expect(await flushUsage()).toBe(0);
    expect(usagePosts()).toEqual([]);
  });

  it('P7: with consent, events wait for a batch (an alarm sends them later) and go with their session and viewport', async () => {
    await saveConsent({ choices: choices(true) });
    const sessionId = crypto.randomUUID();
    await recordUsage({ name: 'options.opened', client: 'options', sessionId, viewport: { width: 1280, height: 800 } });
    await recordUsage({ name: 'draft.saved', client: 'background' });
    expect(usagePosts()).toEqual([]);
    expect(await fakeBrowser.alarms.get(USAGE_FLUSH_ALARM)).toBeDefined();
    expect(await flushUsage()).toBe(2);
    const [post] = usagePosts();
    expect(post!.body).toEqual({
      events: [
        { name: 'options.opened', client: 'options', sessionId, occurredAt: expect.any(String), viewport: { width: 1280, height: 800 } },
        { name: 'draft.saved', client: 'background', sessionId: expect.any(String), occurredAt: expect.any(String) },
      ],
    });
    expect(await usageQueueItem.getValue()).toEqual([]);
  });

  it('sends a batch as soon as 20 wait', async () => {
    await saveConsent({ choices: choices(true) });
    for (let index = 0; index < 20; index++) await recordUsage({ name: 'popup.opened', client: 'popup' });
    expect(usagePosts()).toHaveLength(1);
    expect((usagePosts()[0]!.body as { events: unknown[] }).events).toHaveLength(20);
  });

  it('P29: withdrawing drops what waits; nothing of it is sent later', async () => {
    await saveConsent({ choices: choices(true) });
    await recordUsage({ name: 'popup.opened', client: 'popup' });
    await saveConsent({ choices: choices(false) });
    expect(await usageQueueItem.getValue()).toEqual([]);
    expect(await flushUsage()).toBe(0);
    expect(usagePosts()).toEqual([]);
  });

  it('keeps events while the service cannot be reached', async () => {
    await signedIn('http://127.0.0.1:9');
    await saveConsent({ choices: choices(true) });
    await recordUsage({ name: 'popup.opened', client: 'popup' });
    expect(await flushUsage()).toBe(0);
    expect(await usageQueueItem.getValue()).toHaveLength(1);
  });

  it('counts a handler’s success as the feature it used, and nothing when it fails', async () => {
    await saveConsent({ choices: choices(true) });
    const schedule = countedUsage(async (_: { schedule: { when: 'queue' } }) => 'done', (data) => data.schedule);
    expect(await schedule({ schedule: { when: 'queue' } })).toBe('done');
    const failing = countedUsage(async () => Promise.reject(new Error('refused')), () => 'import.started');
    await expect(failing(undefined)).rejects.toThrow('refused');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await usageQueueItem.getValue()).map((event) => event.name)).toEqual(['post.queued']);
  });
});
