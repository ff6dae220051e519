import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthResult } from '#shared/api/auth.js';
import type { Media } from '#shared/api/media.js';
import type { Post } from '#shared/api/posts.js';
import type { ExtensionBrowser } from './browser.js';
import { api, browserAvailable, eventually, type ExtensionWorld, listPosts, type RestartableService, startExtensionWorld } from './harness.js';
import { CLIP_MP4, type TestPages } from './test-pages.js';

/**
 * Right-click sharing beyond the basic captures: the workspace submenus, video and screenshot items,
 * the keyboard command, notifications that open the draft, and the failure watch with its badge.
 */
const person = { firstName: 'Katherine', lastName: 'Johnson', email: `katherine-${Date.now()}@example.com`, password: 'a long enough password' };

describe.skipIf(!browserAvailable)('sharing to a workspace in headless Chromium', () => {
  let world: ExtensionWorld | undefined;
  let service: RestartableService;
  let pages: TestPages;
  let browser: ExtensionBrowser;
  let token: string;
  let defaultWorkspaceId: string;
  let clientWorkspaceId: string;
  let article: Page;

  beforeAll(async () => {
    world = await startExtensionWorld();
    ({ service, pages, browser } = world);
    article = await browser.context.newPage();
    await article.goto(pages.articleUrl);
  });

  afterAll(() => world?.close());

  async function articleTab(): Promise<chrome.tabs.Tab> {
    const tabs = await browser.background.evaluate(() => chrome.tabs.query({}));
    const tab = tabs.find((candidate) => candidate.url?.startsWith(pages.origin + '/article'));
    if (!tab?.id) throw new Error('the article tab is not open');
    return tab;
  }

  /** Runs the extension's real context-menu listener, as a right-click on the article would. */
  async function clickMenu(menuItemId: string, info: Record<string, string>): Promise<void> {
    const tab = await articleTab();
    await browser.background.evaluate(
      ({ menuItemId, info, tab, url }) => {
        const onClicked = chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void };
        onClicked.dispatch({ menuItemId, frameId: 0, editable: false, pageUrl: url, ...info }, tab);
      },
      { menuItemId, info, tab, url: pages.articleUrl },
    );
  }

  async function menuExists(id: string): Promise<boolean> {
    // update() rejects for an id that was never created: the cheapest proof that a menu item exists.
    return browser.background.evaluate((id) => chrome.contextMenus.update(id, {}).then(() => true, () => false), id);
  }

  /** Notifications currently shown by the extension, by id. */
  async function notificationIds(): Promise<string[]> {
    return Object.keys(await browser.background.evaluate(() => chrome.notifications.getAll()));
  }

  it('signs up in the options page; menus are flat while there is one workspace', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('First name').fill(person.firstName);
    await options.getByLabel('Last name').fill(person.lastName);
    await options.getByLabel('Email').fill(person.email);
    await options.getByLabel('Password').fill(person.password);
    await options.getByLabel('I am 18 or older').check();
    await options.getByLabel(/I accept the Terms of Service/).check();
    await options.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => options.getByTestId('signed-in-user').textContent(), { timeout: 15_000 }).toContain('Katherine Johnson');
    await options.close();

    const session = await api<AuthResult>(service.url, 'POST', '/api/v1/auth/log-in', undefined, { email: person.email, password: person.password });
    token = session.token;
    defaultWorkspaceId = session.user.defaultWorkspaceId!;
    for (const id of ['minopa-save-page', 'minopa-save-video', 'minopa-save-screenshot']) expect(await menuExists(id)).toBe(true);
    expect(await menuExists(`minopa-save-page/${defaultWorkspaceId}`)).toBe(false);
  });

  it('gives every item a submenu of workspaces once the person has a second one', async () => {
    const created = await api<{ id: string }>(service.url, 'POST', '/api/v1/workspaces', token, { name: 'Client B' });
    clientWorkspaceId = created.id;
    // The options page refreshes the person's workspaces from the service when it opens.
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect.poll(() => menuExists(`minopa-save-video/${clientWorkspaceId}`), { timeout: 15_000 }).toBe(true);
    await options.close();
    expect(await menuExists(`minopa-save-screenshot/${defaultWorkspaceId}`)).toBe(true);
  });

  it('saves a video into the library and a draft of the workspace chosen in the submenu, and the notification opens the draft', async () => {
    const videoUrl = pages.videoUrl;
    await clickMenu(`minopa-save-video/${clientWorkspaceId}`, { srcUrl: videoUrl, mediaType: 'video' });
    // The video is on a private address (127.0.0.1) the service will not fetch: the extension reads it in
    // the page, with the page's cookies, and supplies it in pieces.
    const draft = await eventually(
      async () => (await listPosts(service.url, token, clientWorkspaceId)).find((post) => post.source?.videoUrl === videoUrl && post.media.length > 0),
      'the video draft in Client B with its video',
      30_000,
    );
    expect(draft.source).toMatchObject({ kind: 'video', url: pages.articleUrl, title: 'Ten habits of calm teams', videoUrl, page: { author: 'Ada Example' } });
    expect(draft.mediaFetch).toMatchObject({ state: 'done' });
    expect(draft.media).toEqual([expect.objectContaining({ kind: 'video', mimeType: 'video/mp4', width: 320, height: 180, durationSeconds: 3.5 })]);
    const media = await api<Media>(service.url, 'GET', `/api/v1/workspaces/${clientWorkspaceId}/media/${draft.media[0]!.id}`, token);
    expect(media).toMatchObject({ sourceUrl: videoUrl, originalFilename: 'clip.mp4', sizeBytes: CLIP_MP4.length });

    const id = await eventually(async () => (await notificationIds()).find((candidate) => candidate.includes(draft.id)), 'the saved notification');
    await browser.background.evaluate((id) => {
      (chrome.notifications.onButtonClicked as unknown as { dispatch(id: string, index: number): void }).dispatch(id, 0);
    }, id);
    const dashboard = `chrome-extension://${browser.extensionId}/dashboard.html#post=${draft.id}`;
    await expect
      .poll(async () => (await browser.background.evaluate(() => chrome.tabs.query({}))).map((tab) => tab.url ?? tab.pendingUrl), { timeout: 10_000 })
      .toContain(dashboard);
    for (const page of browser.context.pages()) if (page.url().startsWith(`chrome-extension://${browser.extensionId}/dashboard.html`)) await page.close();
  });

  it('saves a screenshot of the visible area into the media library and a draft of the page that uses it', async () => {
    await article.bringToFront();
    // A synthetic menu click grants no activeTab, and the e2e build's host permission is not <all_urls>,
    // so Chromium refuses captureVisibleTab here. The stand-in returns what the real call would: a PNG
    // of the visible area, taken by the same browser. Everything after it is the real path.
    const png = (await article.screenshot({ type: 'png' })).toString('base64');
    await browser.background.evaluate((png) => {
      const captureVisibleTab = async () => `data:image/png;base64,${png}`;
      const namespaces = [chrome, (globalThis as unknown as { browser?: typeof chrome }).browser].filter(Boolean);
      for (const namespace of namespaces) Object.defineProperty(namespace!.tabs, 'captureVisibleTab', { value: captureVisibleTab, configurable: true });
    }, png);
    await clickMenu('minopa-save-screenshot', {});
    const draft = await eventually(
      async () => (await listPosts(service.url, token, defaultWorkspaceId)).find((post) => post.media.length > 0),
      'the screenshot draft',
      20_000,
    );
    expect(draft.source).toMatchObject({ kind: 'page', url: pages.articleUrl, page: { canonicalUrl: pages.canonicalUrl, author: 'Ada Example' } });
    expect(draft.media).toEqual([expect.objectContaining({ kind: 'image', mimeType: 'image/png' })]);
    const media = await api<Media>(service.url, 'GET', `/api/v1/workspaces/${defaultWorkspaceId}/media/${draft.media[0]!.id}`, token);
    expect(media.originalFilename).toMatch(/^Screenshot 127\.0\.0\.1 \d{4}-\d{2}-\d{2} \d{2}\.\d{2}\.png$/);
    expect(media.width).toBeGreaterThan(100);
  });

  it('declares the keyboard shortcuts, and "save current page as draft" saves the tab', async () => {
    const commands = await browser.background.evaluate(() => chrome.commands.getAll());
    expect(commands).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: '_execute_action', shortcut: 'Alt+Shift+M' }),
        expect.objectContaining({ name: 'save-page-as-draft', shortcut: 'Alt+Shift+S', description: 'Save the current page to Minopa as a draft' }),
        expect.objectContaining({ name: 'save-screenshot', shortcut: '' }),
      ]),
    );

    const before = (await listPosts(service.url, token, defaultWorkspaceId)).filter((post) => post.source?.kind === 'page').length;
    const tab = await articleTab();
    await browser.background.evaluate((tab) => {
      (chrome.commands.onCommand as unknown as { dispatch(command: string, tab: unknown): void }).dispatch('save-page-as-draft', tab);
    }, tab);
    await expect
      .poll(async () => (await listPosts(service.url, token, defaultWorkspaceId)).filter((post) => post.source?.kind === 'page').length, { timeout: 15_000 })
      .toBe(before + 1);
  });

  it('reports a post that fails to publish and counts it on the badge', async () => {
    const alarm = await browser.background.evaluate(() => chrome.alarms.get('minopa-failure-watch'));
    expect(alarm?.periodInMinutes).toBe(1);
    // The look at sign-in already happened; a post now fails (its status as the publisher records it).
    const { post: victim } = await api<{ post: Post }>(service.url, 'POST', `/api/v1/workspaces/${defaultWorkspaceId}/captures`, token, {
      clientId: crypto.randomUUID(),
      kind: 'page',
      url: `${pages.origin}/launch`,
      title: 'Launch day',
    });
    await service.knex()('posts').where({ id: victim.id }).update({ status: 'failed' });

    await browser.background.evaluate(() => {
      (chrome.alarms.onAlarm as unknown as { dispatch(alarm: unknown): void }).dispatch({ name: 'minopa-failure-watch', scheduledTime: Date.now() });
    });
    await eventually(async () => (await notificationIds()).find((id) => id.startsWith('minopa-failed-') && id.includes(victim.id)), 'the failure notification');
    await expect.poll(() => browser.background.evaluate(() => chrome.action.getBadgeText({})), { timeout: 10_000 }).toBe('1');
    expect(await browser.background.evaluate(() => chrome.action.getTitle({}))).toBe('Minopa — 1 post failed to publish');
  });
});
