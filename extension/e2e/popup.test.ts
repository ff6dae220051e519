import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Media } from '#shared/api/media.js';
import type { Post } from '#shared/api/posts.js';
import type { NextQueueSlot, PostTargetList } from '#shared/api/publishing.js';
import type { ExtensionBrowser } from './browser.js';
import { api, browserAvailable, eventually, type ExtensionWorld, listPosts, type RestartableService, signInFromOptions, signUpVerified, startExtensionWorld } from './harness.js';
import type { TestPages } from './test-pages.js';
import { isoVideoFile } from '../../service/media/testing/fixtures.js';

const person = { firstName: 'Grace', lastName: 'Hopper', email: `grace-${Date.now()}@example.com`, password: 'a long enough password' };
/** Screenshots of the popup, light and dark, land here when set (e.g. SHOTS_DIR=/tmp/shots). */
const shotsDir = process.env.SHOTS_DIR;
const PNG_BYTES = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

// Each step waits up to 10–30 s on its own; on a loaded 2-core CI machine several slow steps in one test
// added up past the default 60 s (a test timeout with no step at fault), so a test here gets 120 s.
describe.skipIf(!browserAvailable)('the toolbar quick post against the real service (sandbox networks)', { timeout: 120_000 }, () => {
  let world: ExtensionWorld | undefined;
  let service: RestartableService;
  let pages: TestPages;
  let browser: ExtensionBrowser;
  let token: string;
  let workspaceId: string;
  let article: Page;

  beforeAll(async () => {
    world = await startExtensionWorld({ jobs: true });
    ({ service, pages, browser } = world);
    ({ token, workspaceId } = await signUpVerified(service, person));
    // A zone far from UTC and a slot every day, so "Add to queue" and "Schedule at…" have something to show.
    const slots = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, time: '09:30' }));
    await api(service.url, 'PATCH', `/api/v1/workspaces/${workspaceId}/schedule`, token, { timeZone: 'Asia/Tokyo', postingSlots: slots });

    // Sign in through the options page and connect a sandbox X account, as a person would.
    await signInFromOptions(browser, person);
    // The options page's Channels panel has its own test (publishing.test.ts): here the account is connected
    // through the API, walking the sandbox network's consent page in the browser.
    const started = await api<{ authorizeUrl: string }>(service.url, 'POST', `/api/v1/workspaces/${workspaceId}/connect/x`, token);
    const consent = await browser.context.newPage();
    await consent.goto(started.authorizeUrl);
    await consent.getByLabel('Username').fill('grace_sandbox');
    await consent.getByLabel('Display name').fill('Grace in the sandbox');
    await consent.getByRole('button', { name: 'Allow' }).click();
    await consent.getByText('X connected').first().waitFor({ timeout: 15_000 });
    await consent.close();

    article = await browser.context.newPage();
    await article.goto(pages.articleUrl);
  }, 120_000);

  afterAll(() => world?.close());

  async function openPopup(): Promise<Page> {
    const tabs = await browser.background.evaluate(() => chrome.tabs.query({}));
    const tabId = tabs.find((tab) => tab.url?.startsWith(pages.origin + '/article'))?.id;
    const popup = await browser.context.newPage();
    const opened = Date.now();
    const messages: string[] = [];
    popup.on('console', (message) => messages.push(`${Date.now() - opened} ms ${message.type()}: ${message.text()}`));
    // A failure says what the person would have seen, what the popup logged, and when.
    onTestFailed(async () => {
      const shown = await popup.evaluate(() => document.body.innerText).catch((error: Error) => `(closed: ${error.message})`);
      console.log(`[popup opened ${Date.now() - opened} ms before the failure]\n${shown}\n[its console]\n${messages.join('\n')}`);
    });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await expect.poll(() => popup.getByLabel('Title', { exact: true }).inputValue(), { timeout: 10_000 }).not.toBe('');
    return popup;
  }
  async function postWith(text: string): Promise<Post> {
    return eventually(async () => (await listPosts(service.url, token, workspaceId)).find((post) => post.body.startsWith(text)), `the post "${text}"`);
  }
  async function targetsOf(postId: string): Promise<PostTargetList> {
    return api<PostTargetList>(service.url, 'GET', `/api/v1/workspaces/${workspaceId}/posts/${postId}/targets`, token);
  }

  it('prefills from the page with the canonical link, and posts now with the page image and an X-only text', async () => {
    const popup = await openPopup();
    expect(await popup.getByLabel('Link').inputValue()).toBe(pages.canonicalUrl);
    expect(await popup.getByLabel('Text', { exact: true }).inputValue()).toContain(pages.canonicalUrl);
    await popup.getByTestId('channel-x').check();
    await popup.getByTestId('attach-page-image').click();
    await expect.poll(() => popup.getByTestId('attached-media').count(), { timeout: 15_000 }).toBe(1);
    await popup.getByLabel('Text', { exact: true }).fill('Calm teams write things down. Long version for the other networks.');
    await popup.getByRole('button', { name: 'Edit text for X' }).click();
    await popup.getByLabel('Text for X · @grace_sandbox').fill('Calm teams write things down.');
    expect(await popup.getByTestId('counter-x').getAttribute('aria-label')).toBe('29 of 280 characters');
    await popup.getByTestId('action-now').check();
    if (shotsDir) await shoot(popup, 'compose');
    await popup.getByRole('button', { name: 'Post now' }).click();
    await expect.poll(() => popup.getByTestId('publish-status').textContent(), { timeout: 15_000 }).toBe('Publishing now to 1 channel.');
    const link = await popup.getByTestId('open-post').getAttribute('href');
    if (shotsDir) await shoot(popup, 'confirmation');
    await popup.close();

    const post = await postWith('Calm teams write things down. Long version');
    expect(link).toBe(`chrome-extension://${browser.extensionId}/dashboard.html#post=${post.id}`);
    expect(post.media).toEqual([expect.objectContaining({ kind: 'image', mimeType: 'image/png', width: 1, height: 1 })]);
    expect(post.source).toMatchObject({ url: pages.articleUrl, page: expect.objectContaining({ canonicalUrl: pages.canonicalUrl }) });
    const published = await eventually(async () => {
      const targets = await targetsOf(post.id);
      return targets.items[0]?.status === 'published' ? targets : undefined;
    }, 'the X target to be published', 30_000);
    expect(published.items).toEqual([expect.objectContaining({ platform: 'x', status: 'published', overrides: expect.objectContaining({ text: 'Calm teams write things down.' }) })]);
  });

  it('remembers the channel and action, and adds to the queue at the slot it showed', async () => {
    const popup = await openPopup();
    // Last time: X, "Post now".
    await expect.poll(() => popup.getByTestId('channel-x').isChecked()).toBe(true);
    expect(await popup.getByTestId('action-now').isChecked()).toBe(true);
    await popup.getByLabel('Text', { exact: true }).fill('Queued from the popup');
    await popup.getByTestId('action-queue').check();
    const expected = await api<NextQueueSlot>(service.url, 'GET', `/api/v1/workspaces/${workspaceId}/schedule/next-slot`, token);
    await expect.poll(() => popup.getByTestId('queue-slot').textContent(), { timeout: 10_000 }).toContain('09:30 (Asia/Tokyo (GMT+9))');
    await popup.getByRole('button', { name: 'Add to queue' }).click();
    await expect.poll(() => popup.getByTestId('publish-status').textContent(), { timeout: 15_000 }).toContain('Scheduled to 1 channel for');
    await popup.close();
    const post = await postWith('Queued from the popup');
    expect((await targetsOf(post.id)).items[0]).toMatchObject({ status: 'scheduled', dueAt: expected.slot!.at });
  });

  it('schedules at a time in the workspace’s time zone', async () => {
    const popup = await openPopup();
    await popup.getByLabel('Text', { exact: true }).fill('Scheduled from the popup');
    await popup.getByTestId('action-at').check();
    await expect.poll(() => popup.getByTestId('time-zone').textContent()).toContain('Asia/Tokyo (GMT+9)');
    if (shotsDir) await shoot(popup, 'schedule');
    await popup.getByTestId('local-time').fill('2031-06-01T10:00');
    await popup.getByRole('button', { name: 'Schedule at…' }).click();
    await expect.poll(() => popup.getByTestId('publish-status').textContent(), { timeout: 15_000 }).toContain('Sun, Jun 1, 10:00');
    await popup.close();
    const post = await postWith('Scheduled from the popup');
    // 10:00 in Tokyo (UTC+9) is 01:00 UTC.
    expect((await targetsOf(post.id)).items[0]).toMatchObject({ status: 'scheduled', dueAt: '2031-06-01T01:00:00.000Z' });
  });

  it('keeps unsent text when the popup closes, and saves a draft with a video uploaded from disk in pieces, its progress reaching 100 %', async () => {
    let popup = await openPopup();
    await popup.getByLabel('Text', { exact: true }).fill('Written, closed, and back again');
    // The text is stored a moment after typing.
    await expect.poll(() => browser.background.evaluate(() => chrome.storage.local.get('popupComposerText').then((items) => JSON.stringify(items))), { timeout: 5_000 }).toContain('Written, closed, and back again');
    await popup.close();

    popup = await openPopup();
    await expect.poll(() => popup.getByLabel('Text', { exact: true }).inputValue()).toBe('Written, closed, and back again');
    await expect.poll(() => popup.getByTestId('restored').count()).toBe(1);
    const folder = await mkdir(path.join(tmpdir(), `minopa-popup-${Date.now()}`), { recursive: true }).then((made) => made!);
    // Three of the service's 4 MB pieces: the bar moves as the service takes each.
    const file = path.join(folder, 'from-disk.mp4');
    const video = isoVideoFile({ durationSeconds: 6, mdatBytes: 9 * 1024 * 1024 });
    await writeFile(file, video);
    await popup.evaluate(() => {
      const seen: string[] = [];
      (globalThis as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver((records) => {
        for (const record of records) {
          const bars = record.type === 'attributes' ? [record.target as Element] : Array.from(record.addedNodes).flatMap((node) => (node instanceof Element ? Array.from(node.querySelectorAll('progress')) : []));
          for (const bar of bars) if (bar.localName === 'progress') seen.push(`${bar.getAttribute('aria-valuenow')} ${bar.getAttribute('aria-label')}`);
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    });
    await popup.getByTestId('upload-file').setInputFiles(file);
    await expect.poll(() => popup.getByTestId('attached-media').textContent(), { timeout: 30_000 }).toContain('from-disk.mp4');
    const seen = await popup.evaluate(() => (globalThis as unknown as { progressSeen: string[] }).progressSeen);
    const percents = seen.map((entry) => Number(entry.split(' ')[0]));
    // What the service held after each piece: 4 MB, 8 MB, all of it.
    expect(percents.filter((percent) => percent > 0)).toEqual([44, 88, 100]);
    expect(seen.at(-1)).toBe('100 Uploading from-disk.mp4: 100%');
    expect(await popup.getByTestId('upload-progress').count()).toBe(0);
    await popup.getByTestId('action-draft').check();
    await popup.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => popup.getByTestId('save-status').textContent(), { timeout: 15_000 }).toContain('Saved to');
    await popup.close();

    const post = await postWith('Written, closed, and back again');
    expect(post.status).toBe('draft');
    expect(post.media).toEqual([expect.objectContaining({ kind: 'video', mimeType: 'video/mp4', durationSeconds: 6 })]);
    expect(Buffer.from(await (await fetch(post.media[0]!.url)).arrayBuffer()).equals(video)).toBe(true);
    // Sent: the next popup starts from the page again.
    popup = await openPopup();
    expect(await popup.getByLabel('Text', { exact: true }).inputValue()).toContain(pages.canonicalUrl);
    await popup.close();
  });

  it('opens ready to type while the service is down, with the channels it saw last', async () => {
    await service.stop();
    try {
      const tabs = await browser.background.evaluate(() => chrome.tabs.query({}));
      const tabId = tabs.find((tab) => tab.url?.startsWith(pages.origin + '/article'))?.id;
      const popup = await browser.context.newPage();
      const started = Date.now();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
      await popup.getByLabel('Text', { exact: true }).fill('Typed while offline');
      const typable = Date.now() - started;
      await popup.getByTestId('channel-x').waitFor();
      const channelsShown = Date.now() - started;
      console.info(`[popup] usable text box after ${typable} ms, cached channels after ${channelsShown} ms, service down`);
      // Well under the API client's 15 s timeout: nothing waited on the network.
      expect(channelsShown).toBeLessThan(3_000);
      await expect.poll(() => popup.getByTestId('channels-stale').textContent(), { timeout: 20_000 }).toContain('Showing channels as last seen');
      // X's rule, checked in the popup as the service would: too long to post, and the reason next to the channel.
      await popup.getByLabel('Text', { exact: true }).fill(`${'Calm teams write things down. '.repeat(10)}https://example.com/read`);
      await expect.poll(() => popup.getByTestId('problems-x').textContent()).toContain('X counts 23 characters per link: this text is 323 of 280.');
      await popup.getByTestId('action-now').check();
      expect(await popup.getByTestId('blockers').textContent()).toContain('Fix the problems shown for the channels first.');
      if (shotsDir) await shoot(popup, 'problems');
      await popup.close();
    } finally {
      await service.start();
    }
  });

  it('posts a Pin from the popup to the board chosen in its card', async () => {
    // Connect a sandbox Pinterest account the way the X account was connected.
    const started = await api<{ authorizeUrl: string }>(service.url, 'POST', `/api/v1/workspaces/${workspaceId}/connect/pinterest`, token);
    const consent = await browser.context.newPage();
    await consent.goto(started.authorizeUrl);
    await consent.getByLabel('Username').fill('grace_pins');
    await consent.getByLabel('Display name').fill('Grace pins things');
    await consent.getByRole('button', { name: 'Allow' }).click();
    await consent.getByText('Pinterest connected').first().waitFor({ timeout: 15_000 });
    await consent.close();
    const accounts = await api<{ items: { id: string; platform: string }[] }>(service.url, 'GET', `/api/v1/workspaces/${workspaceId}/accounts`, token);
    const pinterestId = accounts.items.find((account) => account.platform === 'pinterest')!.id;
    const boards = await api<{ items: { id: string; name: string }[] }>(service.url, 'GET', `/api/v1/workspaces/${workspaceId}/accounts/${pinterestId}/pinterest-boards`, token);
    const chosen = boards.items.find((board) => board.name === 'Studio notes')!;

    const popup = await openPopup();
    // Only Pinterest this time (X may be remembered from an earlier post).
    await popup.getByTestId('channel-pinterest').waitFor({ timeout: 10_000 });
    await popup.getByTestId('channel-x').uncheck();
    await popup.getByTestId('channel-pinterest').check();
    await popup.getByLabel('Text', { exact: true }).fill('A Pin from the popup');
    const folder = await mkdir(path.join(tmpdir(), `minopa-pin-${Date.now()}`), { recursive: true }).then((made) => made!);
    const file = path.join(folder, 'pin.png');
    await writeFile(file, PNG_BYTES);
    await popup.getByTestId('upload-file').setInputFiles(file);
    await expect.poll(() => popup.getByTestId('attached-media').textContent(), { timeout: 15_000 }).toContain('pin.png');
    await popup.getByTestId('action-now').check();
    // Without a board the shared rule blocks the post, under the board picker.
    await expect.poll(() => popup.getByTestId('card-pinterest').getByTestId('error-options.boardId').textContent()).toContain('is required: choose the board to pin to');
    const board = popup.getByLabel('Board (required)');
    await expect.poll(() => board.locator('option').count(), { timeout: 15_000 }).toBe(boards.items.length + 1);
    await board.selectOption({ label: 'Studio notes (secret)' });
    await popup.getByLabel('Title on Pinterest').fill('Desk notes');
    if (shotsDir) await shoot(popup, 'pinterest');
    await popup.getByRole('button', { name: 'Post now' }).click();
    await expect.poll(() => popup.getByTestId('publish-status').textContent(), { timeout: 15_000 }).toBe('Publishing now to 1 channel.');
    await popup.close();

    const post = await postWith('A Pin from the popup');
    const published = await eventually(async () => {
      const targets = await targetsOf(post.id);
      return targets.items[0]?.status === 'published' ? targets : undefined;
    }, 'the Pinterest target to be published', 30_000);
    expect(published.items).toEqual([
      expect.objectContaining({ platform: 'pinterest', status: 'published', overrides: expect.objectContaining({ title: 'Desk notes', options: { boardId: chosen.id } }) }),
    ]);
  });

  it('attaches a file chosen from the workspace’s media library to the saved draft', async () => {
    // A file someone put in the library through the API (as the dashboard or another device would).
    const response = await fetch(`${service.url}/api/v1/workspaces/${workspaceId}/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png', 'x-filename': 'from-the-library.png' },
      body: PNG_BYTES,
    });
    expect(response.status).toBe(201);
    const uploaded = (await response.json()) as Media;

    const popup = await openPopup();
    await popup.getByLabel('Text', { exact: true }).fill('Chosen from the library');
    await popup.getByRole('button', { name: 'Library' }).click();
    const picker = popup.getByRole('dialog', { name: 'Media library' });
    // Newest first: the file just uploaded heads the list, with its signed thumbnail.
    await expect.poll(() => picker.getByTestId('library-item').first().textContent(), { timeout: 15_000 }).toContain('from-the-library.png');
    const row = picker.getByTestId('library-item').first();
    expect(await row.locator('img').getAttribute('src')).toBe(uploaded.thumbnailUrl);
    expect(await popup.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect({ scheme, violations: await axeViolations(popup, '[data-testid="library"]') }).toEqual({ scheme, violations: [] });
    }
    await popup.emulateMedia({ colorScheme: 'light' });
    await row.getByRole('checkbox').check();
    if (shotsDir) await shoot(popup, 'library');
    await picker.getByRole('button', { name: 'Attach 1 file' }).click();
    await expect.poll(() => popup.getByTestId('attached-media').textContent()).toContain('from-the-library.png');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Library');
    await popup.getByTestId('action-draft').check();
    await popup.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => popup.getByTestId('save-status').textContent(), { timeout: 15_000 }).toContain('Saved to');
    await popup.close();

    const post = await postWith('Chosen from the library');
    expect(post.media.map((medium) => medium.id)).toEqual([uploaded.id]);
  });

  /** axe-core's WCAG 2.1 A/AA violations inside `selector`, readable. */
  async function axeViolations(page: Page, selector: string): Promise<string[]> {
    await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async (include) => {
      type Violation = { id: string; help: string; nodes: Array<{ target: string[] }> };
      const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
      return (await axe.run({ include: [include] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations;
    }, selector);
    return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${violation.help} — ${node.target.join(' ')}`));
  }

  async function shoot(popup: Page, name: string) {
    await mkdir(shotsDir!, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.setViewportSize({ width: 420, height: 900 });
      await popup.screenshot({ path: path.join(shotsDir!, `popup-${name}-${scheme}.png`), fullPage: true });
    }
    await popup.emulateMedia({ colorScheme: 'light' });
  }
});
