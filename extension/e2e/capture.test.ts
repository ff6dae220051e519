import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthResult } from '#shared/api/auth.js';
import type { Post } from '#shared/api/posts.js';
import type { ExtensionBrowser } from './browser.js';
import { api, browserAvailable, eventually, type ExtensionWorld, listPosts, type RestartableService, startExtensionWorld } from './harness.js';
import type { TestPages } from './test-pages.js';

const person = { firstName: 'Grace', lastName: 'Hopper', email: `grace-${Date.now()}@example.com`, password: 'a long enough password' };

describe.skipIf(!browserAvailable)('the extension in headless Chromium', () => {
  let world: ExtensionWorld | undefined;
  let service: RestartableService;
  let pages: TestPages;
  let browser: ExtensionBrowser;
  let token: string;
  let workspaceId: string;
  let article: Page;

  beforeAll(async () => {
    world = await startExtensionWorld();
    ({ service, pages, browser } = world);
    article = await browser.context.newPage();
    await article.goto(pages.articleUrl);
  });

  afterAll(() => world?.close());

  /** The id of the open article tab, as the extension sees it. */
  async function articleTabId(): Promise<number> {
    const tabs = await browser.background.evaluate(() => chrome.tabs.query({}));
    const tab = tabs.find((candidate) => candidate.url?.startsWith(pages.origin + '/article'));
    if (!tab?.id) throw new Error('the article tab is not open');
    return tab.id;
  }

  /** Runs the extension's real context-menu listener, as a right-click on the article would. */
  async function clickMenu(menuItemId: string, info: Record<string, string>): Promise<void> {
    const tabId = await articleTabId();
    await browser.background.evaluate(
      ({ menuItemId, info, tabId, url, title }) => {
        const onClicked = chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void };
        onClicked.dispatch({ menuItemId, frameId: 0, editable: false, pageUrl: url, ...info }, { id: tabId, url, title, index: 0, windowId: 1 });
      },
      { menuItemId, info, tabId, url: pages.articleUrl, title: 'Ten habits of calm teams' },
    );
  }

  async function draftOfKind(kind: string): Promise<Post> {
    return await eventually(
      async () => (await listPosts(service.url, token, workspaceId)).find((post) => post.source?.kind === kind),
      `a ${kind} draft`,
    );
  }

  it('signs up in the options page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('First name').fill(person.firstName);
    await options.getByLabel('Last name').fill(person.lastName);
    await options.getByLabel('Email').fill(person.email);
    await options.getByLabel('Password').fill(person.password);
    await options.getByLabel('I am 18 or older').check();
    await options.getByLabel(/I accept the Terms of Service/).check();
    await options.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => options.getByTestId('signed-in-user').textContent(), { timeout: 15_000 }).toContain('Grace Hopper');
    await options.close();

    const session = await api<AuthResult>(service.url, 'POST', '/api/v1/auth/log-in', undefined, { email: person.email, password: person.password });
    token = session.token;
    workspaceId = session.user.defaultWorkspaceId!;
    expect(workspaceId).toBeTruthy();
  });

  it('each menu item exists in the extension', async () => {
    const ids = ['minopa-save-page', 'minopa-save-selection', 'minopa-save-link', 'minopa-save-image'];
    const missing = await browser.background.evaluate(async (ids) => {
      const absent: string[] = [];
      for (const id of ids) {
        // update() rejects for an id that was never created: the cheapest proof that a menu item exists.
        await chrome.contextMenus.update(id, {}).catch(() => absent.push(id));
      }
      return absent;
    }, ids);
    expect(missing).toEqual([]);
  });

  it('saves the page with its metadata as a draft', async () => {
    await clickMenu('minopa-save-page', {});
    const draft = await draftOfKind('page');
    expect(draft.status).toBe('draft');
    expect(draft.source).toMatchObject({
      url: pages.articleUrl,
      page: { canonicalUrl: pages.canonicalUrl, ogTitle: 'Ten habits of calm teams (OG)', author: 'Ada Example', siteName: 'Test Journal' },
    });
    expect(draft.body).toContain(pages.canonicalUrl);
  });

  it('saves a selection as a quote', async () => {
    await clickMenu('minopa-save-selection', { selectionText: 'Calm teams write things down before they argue about them.' });
    const draft = await draftOfKind('selection');
    expect(draft.source?.selectionText).toBe('Calm teams write things down before they argue about them.');
    expect(draft.body).toContain('“Calm teams write things down before they argue about them.”');
  });

  it('saves a link', async () => {
    await clickMenu('minopa-save-link', { linkUrl: pages.linkUrl });
    const draft = await draftOfKind('link');
    expect(draft.source?.linkUrl).toBe(pages.linkUrl);
    expect(draft.body).toContain(pages.linkUrl);
  });

  it('saves an image', async () => {
    await clickMenu('minopa-save-image', { srcUrl: pages.imageUrl, mediaType: 'image' });
    const draft = await draftOfKind('image');
    expect(draft.source?.imageUrl).toBe(pages.imageUrl);
    expect(draft.source?.url).toBe(pages.articleUrl);
  });

  it('saves a draft written in the popup', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${await articleTabId()}`);
    await expect.poll(() => popup.getByLabel('Title').inputValue(), { timeout: 10_000 }).not.toBe('');
    await popup.getByLabel('Title').fill('Calm teams, a thread');
    await popup.getByLabel('Text').fill('Five things I learned from this piece.');
    await popup.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => popup.getByTestId('save-status').textContent(), { timeout: 10_000 }).toContain('Saved to');
    await popup.close();
    const draft = await eventually(
      async () => (await listPosts(service.url, token, workspaceId)).find((post) => post.title === 'Calm teams, a thread'),
      'the popup draft',
    );
    expect(draft.body).toBe('Five things I learned from this piece.');
    expect(draft.source?.url).toBe(pages.articleUrl);
  });

  it('keeps a capture made while the service is down and delivers it exactly once', async () => {
    const before = (await listPosts(service.url, token, workspaceId)).length;
    await service.stop();
    await clickMenu('minopa-save-link', { linkUrl: `${pages.origin}/offline-link` });
    await expect
      .poll(() => browser.background.evaluate(() => chrome.action.getBadgeText({})), { timeout: 15_000 })
      .toBe('1');

    await service.start();
    // Two flushes racing (the alarm and a manual one) must still deliver it once.
    await browser.background.evaluate(() => chrome.alarms.create('minopa-offline-flush', { when: Date.now() }));
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('flush-queue').click({ timeout: 3_000 }).catch(() => {});
    await expect
      .poll(() => browser.background.evaluate(() => chrome.action.getBadgeText({})), { timeout: 20_000 })
      .toBe('');
    await options.close();

    const posts = await listPosts(service.url, token, workspaceId);
    expect(posts.filter((post) => post.source?.linkUrl === `${pages.origin}/offline-link`)).toHaveLength(1);
    expect(posts).toHaveLength(before + 1);
  });
});
