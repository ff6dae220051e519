import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Post } from '#shared/api/posts.js';
import { installMissingApis } from '../testing/fake-apis.js';
import { errorBody, startFakeService, type FakeService } from '../testing/fake-service.js';
import { captureResult, OTHER_WORKSPACE_ID, pageCapture, signedIn, USER_ID, WORKSPACE_ID } from '../testing/fixtures.js';
import { badgeContent } from './badge.js';
import { checkForFailures, ensureFailureWatch, FAILURE_WATCH_ALARM, handleFailureWatchAlarm, watchSignInForFailures } from './failure-watch.js';
import { describePost } from './failure-watch-text.js';
import { backgroundLocale } from './i18n/index.js';
import { handleNotificationClick } from './notifications.js';
import { failureWatchItem, offlineQueueItem, sessionItem, workspacesItem } from './storage.js';

let service: FakeService;
/** Failed posts the fake service lists, by workspace. */
let failedIn: Record<string, Post[]>;
let targetsAnswer: () => { status: number; json: unknown };

const postId = (n: number) => `44444444-4444-4444-8444-${String(n).padStart(12, '0')}`;
function failedPost(n: number, workspaceId = WORKSPACE_ID, title: string | null = `Post ${n}`): Post {
  return { ...captureResult(workspaceId).post, id: postId(n), status: 'failed', title };
}
const notifications = () => Object.entries(fakeBrowser.notifications.getAllCreateOptions());
const listRequests = () => service.requests.filter((request) => request.path.includes('status=failed'));

beforeAll(async () => {
  service = await startFakeService();
});
afterAll(() => service.close());
beforeEach(async () => {
  fakeBrowser.reset();
  installMissingApis();
  service.requests.length = 0;
  failedIn = {};
  targetsAnswer = () => ({
    status: 200,
    json: {
      postId: postId(1),
      postStatus: 'failed',
      items: [
        {
          id: '99999999-9999-4999-8999-999999999999', postId: postId(1), platform: 'instagram',
          account: { id: '88888888-8888-4888-8888-888888888888', name: 'Harbour Café', username: 'harbourcafe', avatarUrl: null, status: 'active' },
          status: 'failed', overrides: {}, dueAt: null, publishedAt: null, remoteUrl: null,
          failure: { kind: 'invalid_content', code: '2207005', message: 'Instagram accepts only JPEG images.' }, attempts: 1, updatedAt: '2025-01-01T00:00:00.000Z',
        },
      ],
    },
  });
  service.answer = (request) => {
    if (request.path.includes('/targets')) return targetsAnswer();
    const match = /\/workspaces\/([^/]+)\/posts\?/.exec(request.path);
    if (match) return { status: 200, json: { items: failedIn[match[1]!] ?? [], nextCursor: null } };
    return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
  };
  await signedIn(service.url);
});

describe('the failure watch', () => {
  it('asks each workspace for its failed posts; the first look only learns what already failed', async () => {
    failedIn[WORKSPACE_ID] = [failedPost(1)];
    const result = await checkForFailures();
    expect(listRequests().map((request) => request.path)).toEqual([
      `/api/v1/workspaces/${WORKSPACE_ID}/posts?status=failed&limit=100`,
      `/api/v1/workspaces/${OTHER_WORKSPACE_ID}/posts?status=failed&limit=100`,
    ]);
    expect(result).toEqual({ failedCount: 1, notified: [], skipped: null });
    expect(notifications()).toHaveLength(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('reports a new failure once, naming the post, the workspace, the network and its reason; Open leads to the post', async () => {
    await checkForFailures();
    failedIn[OTHER_WORKSPACE_ID] = [failedPost(1, OTHER_WORKSPACE_ID, 'Spring menu')];
    expect((await checkForFailures()).notified).toEqual([postId(1)]);
    const [id, notification] = notifications().at(-1)!;
    expect(notification).toMatchObject({
      title: 'Post failed to publish',
      message: '“Spring menu” in Team — Instagram (@harbourcafe): Instagram accepts only JPEG images.',
      buttons: [{ title: 'Open' }],
    });

    // Still failing a minute later: not news.
    expect((await checkForFailures()).notified).toEqual([]);
    expect(notifications()).toHaveLength(1);

    await handleNotificationClick(id);
    expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(`chrome-extension://${fakeBrowser.runtime.id}/dashboard.html#post=${postId(1)}`);
  });

  it('reports a post again when it fails again after being retried', async () => {
    await checkForFailures();
    failedIn[WORKSPACE_ID] = [failedPost(1)];
    await checkForFailures();
    failedIn[WORKSPACE_ID] = []; // retried: scheduled again
    expect(await checkForFailures()).toMatchObject({ failedCount: 0, notified: [] });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    failedIn[WORKSPACE_ID] = [failedPost(1)];
    expect((await checkForFailures()).notified).toEqual([postId(1)]);
  });

  it('still notifies, pointing at the dashboard, when the failure details cannot be read', async () => {
    await checkForFailures();
    targetsAnswer = () => ({ status: 403, json: errorBody('forbidden', 'No.') });
    failedIn[WORKSPACE_ID] = [failedPost(1, WORKSPACE_ID, null)];
    failedIn[WORKSPACE_ID]![0]!.body = '';
    await checkForFailures();
    expect(notifications().at(-1)?.[1].message).toBe('A post in Ada’s workspace. Open it to see why and to try again.');
  });

  it('sums many failures at once up in one notification that opens the dashboard’s failed list', async () => {
    await checkForFailures();
    failedIn[WORKSPACE_ID] = [1, 2, 3, 4, 5, 6].map((n) => failedPost(n));
    expect((await checkForFailures()).notified).toHaveLength(6);
    const shown = notifications();
    expect(shown).toHaveLength(4);
    expect(shown.at(-1)?.[1].message).toBe('3 more posts failed to publish in Ada’s workspace. Click to see them in the dashboard.');
    await handleNotificationClick(shown.at(-1)![0]);
    expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(`chrome-extension://${fakeBrowser.runtime.id}/dashboard.html#view=failed`);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('6');
  });

  it('keeps what it knew while the service is down, and reports nothing twice when it is back', async () => {
    failedIn[WORKSPACE_ID] = [failedPost(1)];
    await checkForFailures();
    const url = service.url;
    const down = await startFakeService();
    await down.close();
    await signedIn(down.url);
    expect(await checkForFailures()).toMatchObject({ failedCount: 1, skipped: 'service_unreachable' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    await signedIn(url);
    expect((await checkForFailures()).notified).toEqual([]);
  });

  it('does not watch workspaces where the person is only a viewer', async () => {
    await workspacesItem.setValue([{ id: OTHER_WORKSPACE_ID, name: 'Team', role: 'viewer' }]);
    await checkForFailures();
    expect(listRequests()).toHaveLength(0);
  });

  it('starts afresh for another person, and does nothing while nobody is signed in', async () => {
    await failureWatchItem.setValue({ userId: 'someone-else', seen: { [WORKSPACE_ID]: [] }, failedCount: 7, checkedAt: '' });
    failedIn[WORKSPACE_ID] = [failedPost(1)];
    expect(await checkForFailures()).toMatchObject({ failedCount: 1, notified: [] });
    expect((await failureWatchItem.getValue())?.userId).toBe(USER_ID);

    await sessionItem.removeValue();
    service.requests.length = 0;
    expect(await checkForFailures()).toMatchObject({ skipped: 'signed_out' });
    expect(service.requests).toHaveLength(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('runs one look at a time; one asked for during a look follows it, and reports nothing twice', async () => {
    await checkForFailures();
    failedIn[WORKSPACE_ID] = [failedPost(1)];
    service.requests.length = 0;
    const [first, second, third] = await Promise.all([checkForFailures(), checkForFailures(), checkForFailures()]);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(listRequests()).toHaveLength(4); // two looks at two workspaces
    expect(notifications()).toHaveLength(1);
  });

  it('looks as soon as the person signs in and again when their workspaces arrive', async () => {
    await sessionItem.removeValue();
    await workspacesItem.setValue([]);
    const stop = watchSignInForFailures((error) => {
      throw error;
    });
    failedIn[WORKSPACE_ID] = [failedPost(1)];
    await signedIn(service.url);
    // The first look at each workspace learns what already failed: counted, not notified.
    await vi.waitFor(async () => expect((await failureWatchItem.getValue())?.seen).toEqual({ [WORKSPACE_ID]: [postId(1)], [OTHER_WORKSPACE_ID]: [] }));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(notifications()).toHaveLength(0);
    expect(await fakeBrowser.alarms.get(FAILURE_WATCH_ALARM)).toBeDefined();

    await sessionItem.removeValue();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''));
    stop();
  });

  it('has a minute alarm that only it answers', async () => {
    await ensureFailureWatch();
    await ensureFailureWatch();
    expect(await fakeBrowser.alarms.getAll()).toEqual([expect.objectContaining({ name: FAILURE_WATCH_ALARM, periodInMinutes: 1 })]);
    await handleFailureWatchAlarm({ name: 'another-alarm', scheduledTime: Date.now(), persistAcrossSessions: false });
    expect(listRequests()).toHaveLength(0);
    await handleFailureWatchAlarm({ name: FAILURE_WATCH_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false });
    expect(listRequests()).toHaveLength(2);
  });
});

describe('the badge', () => {
  it('counts failed posts and waiting captures, red when something failed', async () => {
    expect(badgeContent({ failed: 0, queued: 0 })).toEqual({ text: '', title: 'Minopa', color: null });
    expect(badgeContent({ failed: 0, queued: 1 })).toEqual({ text: '1', title: 'Minopa — 1 capture waiting for the service', color: '#b45309' });
    expect(badgeContent({ failed: 2, queued: 1 })).toEqual({
      text: '3',
      title: 'Minopa — 2 posts failed to publish, 1 capture waiting for the service',
      color: '#b91c1c',
    });
    expect(badgeContent({ failed: 150, queued: 0 }).text).toBe('99+');
  });

  it('adds the waiting captures to the failed posts', async () => {
    await offlineQueueItem.setValue([
      { capture: pageCapture(), workspaceId: WORKSPACE_ID, workspaceName: null, userId: USER_ID, queuedAt: '', attempts: 1, lastError: null },
    ]);
    await checkForFailures();
    failedIn[WORKSPACE_ID] = [failedPost(1), failedPost(2)];
    await checkForFailures();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    expect(await fakeBrowser.action.getTitle({})).toBe('Minopa — 2 posts failed to publish, 1 capture waiting for the service');
  });
});

describe('describePost', () => {
  it('uses the title, else the start of the text, cut to fit a notification', () => {
    expect(describePost({ title: 'Launch', body: 'x' })).toBe('“Launch”');
    expect(describePost({ title: null, body: `  ${'word '.repeat(30)}` })).toMatch(/^“word word .*…”$/);
    expect(describePost({ title: '  ', body: '' })).toBe('A post');
  });
});

describe('in German', () => {
  // The options page mirrors the chosen language into browser.storage, where the background reads it.
  beforeEach(() => fakeBrowser.storage.local.set({ locale: 'de' }));
  afterEach(async () => {
    await fakeBrowser.storage.local.remove('locale');
    await backgroundLocale();
  });

  it('reports a failure with German words and quotes; the network’s reason stays as the service sent it', async () => {
    await checkForFailures();
    failedIn[OTHER_WORKSPACE_ID] = [failedPost(1, OTHER_WORKSPACE_ID, 'Frühlingskarte')];
    await checkForFailures();
    expect(notifications().at(-1)?.[1]).toMatchObject({
      title: 'Veröffentlichung fehlgeschlagen',
      message: '„Frühlingskarte“ in Team – Instagram (@harbourcafe): Instagram accepts only JPEG images.',
      buttons: [{ title: 'Öffnen' }],
    });
  });

  it('points at the dashboard when the details cannot be read, and names an untitled post', async () => {
    await checkForFailures();
    targetsAnswer = () => ({ status: 403, json: errorBody('forbidden', 'No.') });
    failedIn[WORKSPACE_ID] = [{ ...failedPost(1, WORKSPACE_ID, null), body: '' }];
    await checkForFailures();
    expect(notifications().at(-1)?.[1].message).toBe(
      'Ein Beitrag in Ada’s workspace. Öffnen Sie den Beitrag, um den Grund zu sehen und es erneut zu versuchen.',
    );
  });

  it('sums many failures up, counting and listing the workspaces in German', async () => {
    await checkForFailures();
    failedIn[WORKSPACE_ID] = [1, 2, 3, 4].map((n) => failedPost(n));
    failedIn[OTHER_WORKSPACE_ID] = [5, 6].map((n) => failedPost(n, OTHER_WORKSPACE_ID));
    await checkForFailures();
    expect(notifications().at(-1)?.[1]).toMatchObject({
      title: 'Veröffentlichung fehlgeschlagen',
      message: 'Bei 3 weiteren Beiträgen in Ada’s workspace und Team ist die Veröffentlichung fehlgeschlagen. Klicken Sie hier, um sie im Dashboard zu sehen.',
    });
  });

  it('says on the badge’s tooltip what the number means, with German numbers', async () => {
    await backgroundLocale();
    expect(badgeContent({ failed: 1, queued: 1200 })).toEqual({
      text: '99+',
      title: 'Minopa – Bei 1 Beitrag ist die Veröffentlichung fehlgeschlagen, 1.200 Erfassungen warten auf den Dienst',
      color: '#b91c1c',
    });
    failedIn[WORKSPACE_ID] = [failedPost(1), failedPost(2)];
    await checkForFailures();
    expect(await fakeBrowser.action.getTitle({})).toBe('Minopa – Bei 2 Beiträgen ist die Veröffentlichung fehlgeschlagen');
  });
});
