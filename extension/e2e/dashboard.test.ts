import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureResult } from '#shared/api/posts.js';
import type { PostTargetList } from '#shared/api/publishing.js';
import { addDays, startOfWeek, toLocalParts, todayIn } from '../lib/dashboard-time.js';
import type { ExtensionBrowser } from './browser.js';
import { api, browserAvailable, connectSandboxAccount, eventually, type ExtensionWorld, type RestartableService, signInFromOptions, signUpVerified, startExtensionWorld } from './harness.js';

const person = { firstName: 'Mira', lastName: 'Quell', email: `mira-${Date.now()}@example.com`, password: 'a long enough password' };
const TIME_ZONE = 'Europe/Berlin';
/** Set to a folder to also save a screenshot of every view in light and dark mode there. */
const SHOTS_DIR = process.env.SHOTS_DIR;

describe.skipIf(!browserAvailable)('the Queue & calendar page in headless Chromium (sandbox networks)', () => {
  let world: ExtensionWorld | undefined;
  let service: RestartableService;
  let browser: ExtensionBrowser;
  let token: string;
  let workspaceId: string;
  let accountId: string;
  // A Tuesday at least a week ahead (so the whole move stays in one week view, in the future).
  const tuesday = addDays(startOfWeek(addDays(todayIn(TIME_ZONE), 7)), 1);
  const wednesday = addDays(tuesday, 1);

  const base = () => `/api/v1/workspaces/${workspaceId}`;
  const dashboard = async (hash: string): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html${hash}`);
    return page;
  };
  /** A draft through the API (as a capture makes it), pointed at the X account. */
  const draftToX = async (body: string): Promise<string> => {
    const captured = await api<CaptureResult>(service.url, 'POST', `${base()}/captures`, token, { clientId: crypto.randomUUID(), kind: 'page', url: 'https://example.com/calm', title: body.slice(0, 30), draft: { body } });
    await api(service.url, 'PUT', `${base()}/posts/${captured.post.id}/targets`, token, { targets: [{ accountId }] });
    return captured.post.id;
  };

  beforeAll(async () => {
    // Jobs on: a retried channel is really published, to the X simulator mounted in the service.
    world = await startExtensionWorld({ jobs: true });
    ({ service, browser } = world);
    ({ token, workspaceId } = await signUpVerified(service, person));
    await api(service.url, 'PATCH', `${base()}/schedule`, token, { timeZone: TIME_ZONE, postingSlots: [{ weekday: 3, time: '16:45' }] });
    // Connect a sandbox X account the way a person does, minus the browser tab: the network's consent page, then our callback.
    accountId = await connectSandboxAccount(service.url, token, workspaceId, 'x', { username: 'mira_sandbox', displayName: 'Mira in the sandbox' });

    await signInFromOptions(browser, person);
  });

  afterAll(() => world?.close());

  it('shows a scheduled post in the week view, and dragging it to another day reschedules it', async () => {
    const postId = await draftToX('Calm teams plan their week. #minopa');
    await api(service.url, 'POST', `${base()}/posts/${postId}/schedule`, token, { when: 'at', localTime: `${tuesday}T10:15` });

    const page = await dashboard(`#view=week&date=${tuesday}`);
    const card = page.getByTestId(`post-${postId}`);
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    // In the workspace's zone: Tuesday's 10:00 row, at 10:15, to the X account.
    expect(await page.getByTestId(`cell-${tuesday}-10`).getByTestId(`post-${postId}`).count()).toBe(1);
    expect(await card.textContent()).toContain('10:15');
    expect(await card.textContent()).toContain('X · @mira_sandbox');

    await card.dragTo(page.getByTestId(`cell-${wednesday}-14`));
    await expect.poll(() => page.getByTestId('move-notice').textContent().catch(() => ''), { timeout: 15_000 }).toContain('14:15');
    const targets = await api<PostTargetList>(service.url, 'GET', `${base()}/posts/${postId}/targets`, token);
    expect(targets.items).toHaveLength(1);
    expect(targets.items[0]!.status).toBe('scheduled');
    expect(toLocalParts(targets.items[0]!.dueAt!, TIME_ZONE)).toMatchObject({ date: wednesday, time: '14:15' });
    // The page shows it where it now is.
    expect(await page.getByTestId(`cell-${wednesday}-14`).getByTestId(`post-${postId}`).count()).toBe(1);
    await page.close();
  });

  it('shows a failed channel with its reason, and Retry publishes it', async () => {
    const postId = await draftToX('A post the network refused once.');
    // The state the publisher leaves after the network refused the content (the simulator accepts it now).
    await service.knex()('postTargets').where({ postId }).update({
      status: 'failed', dueAt: new Date(Date.now() - 3_600_000), runAt: new Date(Date.now() - 3_600_000), attempts: 1,
      failureKind: 'invalid_content', failureCode: '186', failureMessage: 'Tweet needs to be a bit shorter.',
    });
    await service.knex()('posts').where({ id: postId }).update({ status: 'failed' });
    const [target] = await service.knex()('postTargets').where({ postId }).select('id');

    const page = await dashboard('#view=failed');
    const row = page.getByTestId(`failed-${target.id}`);
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await row.getByTestId('failure-reason').textContent()).toBe('The network refused the content: edit the post before retrying. “Tweet needs to be a bit shorter.”');
    await row.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => page.getByTestId('retry-notice').textContent().catch(() => ''), { timeout: 15_000 }).toBe('Publishing again to X · @mira_sandbox.');
    const published = await eventually(async () => {
      const targets = await api<PostTargetList>(service.url, 'GET', `${base()}/posts/${postId}/targets`, token);
      return targets.items[0]?.status === 'published' ? targets.items[0] : undefined;
    }, 'the retried channel to be published', 30_000);
    expect(published.failure).toBeNull();
    expect(published.remoteUrl).toMatch(/^https?:\/\//);
    await page.close();
  });

  it.skipIf(!SHOTS_DIR)('screenshots every view in light and dark mode', async () => {
    await mkdir(SHOTS_DIR!, { recursive: true });
    await draftToX('Notes from the spring conference: three ideas worth stealing.');
    // A failure and an unknown outcome, as the publisher records them (run time far ahead: no job touches them meanwhile).
    const later = new Date(Date.now() + 30 * 86_400_000);
    for (const [body, patch] of [
      ['Our autumn offsite, in pictures.', { status: 'failed', failureKind: 'auth', failureMessage: 'The access token was revoked by the user.' }],
      ['A thread about calm work.', { status: 'unconfirmed', failureKind: 'unknown_outcome', failureMessage: 'The network did not answer within 30 seconds.' }],
    ] as const) {
      const postId = await draftToX(body);
      await service.knex()('postTargets').where({ postId }).update({ ...patch, dueAt: new Date(Date.now() - 7_200_000), runAt: later, attempts: 1 });
      await service.knex()('posts').where({ id: postId }).update({ status: patch.status === 'failed' ? 'failed' : 'scheduled' });
    }
    const published = await service.knex()('postTargets').where({ status: 'published' }).first('id', 'publishedAt');
    await service.knex()('postMetrics').insert({ targetId: published.id, likes: 1204, comments: 37, shares: 12, views: 48210 });
    const views = [
      ['week', `#view=week&date=${tuesday}`],
      ['day', `#view=day&date=${wednesday}`],
      ['month', `#view=month&date=${tuesday}`],
      ['drafts', '#view=drafts'],
      ['failed', '#view=failed'],
      ['published', '#view=published'],
    ] as const;
    for (const scheme of ['light', 'dark'] as const) {
      for (const [name, hash] of views) {
        const page = await browser.context.newPage();
        await page.setViewportSize({ width: 1280, height: 860 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html${hash}`);
        await page.waitForSelector(`[data-testid="${name}-view"]`, { timeout: 15_000 });
        await page.waitForTimeout(400);
        await page.screenshot({ path: `${SHOTS_DIR}/dashboard-${name}-${scheme}.png` });
        await page.close();
      }
      const page = await dashboard(`#view=week&date=${tuesday}&post=${(await service.knex()('posts').where({ workspaceId, status: 'draft' }).first('id')).id}`);
      await page.setViewportSize({ width: 1280, height: 860 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForSelector('[data-testid="schedule-form"]', { timeout: 15_000 });
      await page.screenshot({ path: `${SHOTS_DIR}/dashboard-details-${scheme}.png` });
      await page.close();
    }
  });
});
