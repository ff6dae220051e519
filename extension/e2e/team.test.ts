import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthResult } from '#shared/api/auth.js';
import type { MemberList } from '#shared/api/workspaces.js';
import { emulateWebAuthFlow, type ExtensionBrowser } from './browser.js';
import { api, browserAvailable, eventually, type ExtensionWorld, listPosts, type RestartableService, startExtensionWorld } from './harness.js';
import type { TestPages } from './test-pages.js';

const stamp = Date.now();
const owner = { email: `lin-${stamp}@example.com`, firstName: 'Lin', lastName: 'Okafor' };
const invitee = { email: `sam-${stamp}@example.com`, firstName: 'Sam', lastName: 'Reyes', password: 'another long password' };

describe.skipIf(!browserAvailable)('a team in headless Chromium', () => {
  let world: ExtensionWorld | undefined;
  let service: RestartableService;
  let browser: ExtensionBrowser;
  let pages: TestPages;
  let sharedWorkspaceId: string;
  let inviteeToken: string;

  beforeAll(async () => {
    world = await startExtensionWorld({ jobs: true });
    ({ service, pages, browser } = world);
  });

  afterAll(() => world?.close());

  it('signs up with Google from the options page (the sandbox provider)', async () => {
    await emulateWebAuthFlow(browser);
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('I am 18 or older').check();
    await options.getByLabel(/I accept the Terms of Service/).check();
    const googleWindow = browser.context.waitForEvent('page');
    await options.getByTestId('google-signup').click();
    const google = await googleWindow;
    await google.waitForURL(/\/sandbox\/google\//);
    await google.getByLabel('Email', { exact: true }).fill(owner.email);
    await google.getByLabel('First name').fill(owner.firstName);
    await google.getByLabel('Last name').fill(owner.lastName);
    await google.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => options.getByTestId('signed-in-user').textContent(), { timeout: 20_000 }).toContain('Lin Okafor');
    await options.close();
  });

  it('invites a second person, who signs up through the emailed link and joins', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const form = options.getByTestId('invite-form');
    await form.getByLabel('Email address').fill(invitee.email);
    await form.getByLabel('Role').selectOption('editor');
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => options.getByTestId('invite-sent').textContent(), { timeout: 10_000 }).toContain(invitee.email);
    // Owners see it in the workspace's audit log.
    await expect.poll(() => options.getByTestId('audit-log').textContent(), { timeout: 10_000 }).toContain(`Lin Okafor invited ${invitee.email} as editor`);
    await options.close();

    // The invitation email as the outbox sent it (no mailbox here): its accept link.
    const acceptUrl = await eventually(async () => {
      const row = await service.knex()('email_outbox').where({ toEmail: invitee.email, template: 'invitation' }).first();
      return row?.data?.acceptUrl as string | undefined;
    }, 'the invitation email');

    const page = await browser.context.newPage();
    await page.goto(acceptUrl);
    await page.getByLabel('First name').fill(invitee.firstName);
    await page.getByLabel('Last name').fill(invitee.lastName);
    await page.getByLabel('Password').fill(invitee.password);
    await page.getByLabel('I am 18 or older').check();
    await page.getByLabel(/I accept the/).check();
    await page.getByRole('button', { name: 'Create account and join' }).click();
    await page.waitForLoadState('load');
    await page.close();

    const session = await api<AuthResult>(service.url, 'POST', '/api/v1/auth/log-in', undefined, { email: invitee.email, password: invitee.password });
    const workspaces = await api<{ items: Array<{ id: string; name: string; role: string }> }>(service.url, 'GET', '/api/v1/workspaces', session.token);
    const shared = workspaces.items.find((workspace) => workspace.role === 'editor');
    expect(shared?.name).toContain('Lin');
    const members = await api<MemberList>(service.url, 'GET', `/api/v1/workspaces/${shared!.id}/members`, session.token);
    sharedWorkspaceId = shared!.id;
    inviteeToken = session.token;
    expect(members.items.map((member) => `${member.firstName} ${member.lastName}:${member.role}`).sort()).toEqual(['Lin Okafor:owner', 'Sam Reyes:editor']);
  });

  it('right-clicks an image: it lands in the library and on the draft', async () => {
    const article = await browser.context.newPage();
    await article.goto(pages.articleUrl);
    const tabs = await browser.background.evaluate(() => chrome.tabs.query({}));
    const tabId = tabs.find((tab) => tab.url?.startsWith(pages.origin + '/article'))!.id!;
    await browser.background.evaluate(
      ({ tabId, url, srcUrl }) => {
        const onClicked = chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void };
        onClicked.dispatch(
          { menuItemId: 'minopa-save-image', frameId: 0, editable: false, pageUrl: url, srcUrl, mediaType: 'image' },
          { id: tabId, url, title: 'Ten habits of calm teams', index: 0, windowId: 1 },
        );
      },
      { tabId, url: pages.articleUrl, srcUrl: pages.imageUrl },
    );

    // The image is on a private address the service will not fetch: the extension supplies the bytes.
    const draft = await eventually(async () => {
      const posts = await listPosts(service.url, inviteeToken, sharedWorkspaceId);
      const image = posts.find((post) => post.source?.kind === 'image');
      return image?.media.length ? image : undefined;
    }, 'the image draft with its media', 30_000);
    expect(draft.mediaFetch).toMatchObject({ state: 'done' });
    expect(draft.media[0]).toMatchObject({ kind: 'image', mimeType: 'image/png', width: 1, height: 1 });

    const library = await api<{ items: Array<{ id: string; url: string; kind: string }> }>(
      service.url, 'GET', `/api/v1/workspaces/${sharedWorkspaceId}/media`, inviteeToken);
    const item = library.items.find((media) => media.id === draft.media[0]!.id);
    expect(item?.kind).toBe('image');
    const file = await fetch(item!.url);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    await article.close();
  });

  it('P28: uploads an avatar in the profile, which members then see', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const png = await fetch(pages.imageUrl).then(async (response) => Buffer.from(await response.arrayBuffer()));
    await options.getByLabel('Avatar picture').setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => options.getByTestId('avatar-image').count(), { timeout: 15_000 }).toBe(1);
    await options.close();
    const members = await api<MemberList>(service.url, 'GET', `/api/v1/workspaces/${sharedWorkspaceId}/members`, inviteeToken);
    const lin = members.items.find((member) => member.firstName === 'Lin');
    expect(lin?.avatarUrl).toMatch(/^http/);
    expect((await fetch(lin!.avatarUrl!)).headers.get('content-type')).toMatch(/^image\//);
  });
});
