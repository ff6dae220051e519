import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectedAccountList } from '#shared/api/accounts.js';
import type { PostTargetList } from '#shared/api/publishing.js';
import type { ExtensionBrowser } from './browser.js';
import { api, browserAvailable, eventually, type ExtensionWorld, listPosts, type RestartableService, signUpVerified, startExtensionWorld } from './harness.js';
import type { TestPages } from './test-pages.js';

const person = { firstName: 'Ada', lastName: 'Byron', email: `ada-${Date.now()}@example.com`, password: 'a long enough password' };

describe.skipIf(!browserAvailable)('publishing from the extension (sandbox networks)', () => {
  let world: ExtensionWorld | undefined;
  let service: RestartableService;
  let pages: TestPages;
  let browser: ExtensionBrowser;
  let token: string;
  let workspaceId: string;

  beforeAll(async () => {
    // Jobs on: the publisher publishes what the popup schedules, against the simulators mounted in the service.
    world = await startExtensionWorld({ jobs: true });
    ({ service, pages, browser } = world);
    // An account with a verified address (publishing asks for one), signed in through the options page.
    ({ token, workspaceId } = await signUpVerified(service, person));
  });

  afterAll(() => world?.close());

  it('signs in from the options page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('show-signin').click();
    await options.getByLabel('Email').fill(person.email);
    await options.getByLabel('Password').fill(person.password);
    await options.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => options.getByTestId('signed-in-user').textContent(), { timeout: 15_000 }).toContain('Ada Byron');
    await options.close();
  });

  it('connects a sandbox X account from the options page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const networkTab = browser.context.waitForEvent('page');
    await options.getByTestId('connect-x').click();
    const consent = await networkTab;
    await consent.waitForURL(/\/sandbox\/networks\/x\/i\/oauth2\/authorize/);
    await expect.poll(() => consent.textContent('body')).toContain('SANDBOX');
    await consent.getByLabel('Username').fill('ada_sandbox');
    await consent.getByLabel('Display name').fill('Ada in the sandbox');
    await consent.getByRole('button', { name: 'Allow' }).click();
    await consent.waitForURL(/\/api\/v1\/connect\/x\/callback/);
    await expect.poll(() => consent.textContent('body')).toContain('X connected');
    await consent.close();
    // Back on the options page, the channel is listed.
    await options.bringToFront();
    await options.reload();
    await expect.poll(() => options.getByTestId('channel-list').textContent(), { timeout: 10_000 }).toContain('@ada_sandbox');
    await options.close();
    const accounts = await api<ConnectedAccountList>(service.url, 'GET', `/api/v1/workspaces/${workspaceId}/accounts`, token);
    expect(accounts.items).toEqual([expect.objectContaining({ platform: 'x', username: 'ada_sandbox', sandbox: true, status: 'active' })]);
  });

  it('posts now from the popup, and the post is published exactly once', async () => {
    const article = await browser.context.newPage();
    await article.goto(pages.articleUrl);
    const tabs = await browser.background.evaluate(() => chrome.tabs.query({}));
    const tabId = tabs.find((tab) => tab.url?.startsWith(pages.origin + '/article'))?.id;
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`);
    await expect.poll(() => popup.getByLabel('Title').inputValue(), { timeout: 10_000 }).not.toBe('');
    await popup.getByLabel('Text').fill('Calm teams ship on time. #minopa');
    await popup.getByTestId('channel-x').check();
    await popup.getByTestId('action-now').check();
    await popup.getByRole('button', { name: 'Post now' }).click();
    await expect.poll(() => popup.getByTestId('publish-status').textContent(), { timeout: 15_000 }).toContain('Publishing now to 1 channel');
    await popup.close();
    await article.close();

    const post = await eventually(async () => (await listPosts(service.url, token, workspaceId)).find((candidate) => candidate.body.startsWith('Calm teams ship on time.')), 'the popup post');
    const published = await eventually(
      async () => {
        const targets = await api<PostTargetList>(service.url, 'GET', `/api/v1/workspaces/${workspaceId}/posts/${post.id}/targets`, token);
        return targets.items.find((target) => target.status === 'published') ? targets : undefined;
      },
      'the X target to be published',
      30_000,
    );
    expect(published.items).toHaveLength(1);
    expect(published.items[0]).toMatchObject({ status: 'published', attempts: 1, failure: null });
    expect(published.items[0]!.remoteUrl).toMatch(/^https?:\/\//);
    expect(published.postStatus).toBe('published');
    // Exactly once: one attempt recorded, and the sandbox network holds one post with this text.
    const attempts = await service.knex()('publish_attempts').join('post_targets', 'post_targets.id', 'publish_attempts.target_id').where('post_targets.post_id', post.id);
    expect(attempts).toHaveLength(1);
  });
});
