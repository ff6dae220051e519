import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportList } from '#shared/api/imports.js';
import type { Media } from '#shared/api/media.js';
import type { Post } from '#shared/api/posts.js';
import { openIntegrationTokens } from '../../service/imports/credentials.js';
import { createSealer } from '../../service/lib/token-crypto.js';
import { testConfig } from '../../service/testing/test-app.js';
import type { ExtensionBrowser } from './browser.js';
import { api, browserAvailable, type ExtensionWorld, type RestartableService, signInFromOptions, signUpVerified, startExtensionWorld } from './harness.js';

/** WCAG 2.1 A and AA, as extension/e2e/accessibility.test.ts checks every other screen. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe-core's violations on the page in light and dark, readable (empty when it passes). */
async function axeViolations(page: Page, within = 'body'): Promise<string[]> {
  const source = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const violations = await page.evaluate(async ({ tags, selector }) => {
      const axe = (globalThis as unknown as { axe: { run(context: Element, options: unknown): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
      return (await axe.run(document.querySelector(selector)!, { runOnly: { type: 'tag', values: tags } })).violations;
    }, { tags: WCAG_TAGS, selector: within });
    found.push(...violations.flatMap((violation) => violation.nodes.map((node) => `${scheme}: ${violation.id} — ${node.target.join(' ')}`)));
  }
  return found;
}

const person = { firstName: 'Katherine', lastName: 'Johnson', email: `katherine-${Date.now()}@example.com`, password: 'a long enough password' };

/**
 * Importing from the popup in real Chromium against the real service in sandbox mode (the Canva and Drive
 * simulators stand in for the vendors). canva.com cannot be reached here, so the popup is opened as a page
 * with the tab's address given (`popup.html?url=…`, as for a pinned popup): it recognises that address
 * exactly as it would the active tab's.
 */
describe.skipIf(!browserAvailable)('Import design / Import file (sandbox Canva and Drive)', () => {
  let world: ExtensionWorld | undefined;
  let service: RestartableService;
  let browser: ExtensionBrowser;
  let token: string;
  let userId: string;
  let workspaceId: string;

  beforeAll(async () => {
    world = await startExtensionWorld({ jobs: true });
    ({ service, browser } = world);
    ({ token, userId, workspaceId } = await signUpVerified(service, person));
    await signInFromOptions(browser, person);
  });

  afterAll(() => world?.close());

  const openPopup = async (url: string): Promise<Page> => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?url=${encodeURIComponent(url)}`);
    return popup;
  };

  const connected = new Set<string>();
  /** Connects the sandbox vendor from Options → Connections, as a person does (once: later tests reuse it). */
  async function connect(provider: 'canva' | 'google_drive'): Promise<void> {
    if (connected.has(provider)) return;
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const row = options.locator(`[data-testid="connection"][data-provider="${provider}"]`);
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 15_000 }).toBe('none');
    const vendorTab = browser.context.waitForEvent('page');
    await options.getByTestId(`connect-${provider}`).click();
    const consent = await vendorTab;
    if (provider === 'canva') {
      await consent.waitForURL(/\/sandbox\/canva\/api\/oauth\/authorize/);
      await consent.getByLabel('Username').fill('katherine_designs');
      await consent.getByLabel('Display name').fill('Katherine Designs');
    } else {
      await consent.waitForURL(/\/sandbox\/google-drive\//);
      await consent.getByLabel('Email').fill('katherine.drive@example.com');
    }
    await consent.getByRole('button', { name: 'Allow' }).click();
    await consent.waitForURL(new RegExp(`/api/v1/integrations/${provider}/callback`));
    await consent.close();
    await options.reload();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 10_000 }).toBe('connected');
    await options.close();
    connected.add(provider);
  }

  it('on a Canva design page while Canva is not connected, says so and links to Options → Connections', async () => {
    const popup = await openPopup('https://www.canva.com/design/DAFkjU1x2yZ/edit');
    await expect.poll(() => popup.getByTestId('import-not-connected').textContent(), { timeout: 15_000 }).toContain('Connect your Canva account');
    expect(await popup.getByTestId('open-connections').getAttribute('href')).toBe('/options.html#connections');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('imports a Canva design from the popup: preview, format, progress, then the draft with its media in the dashboard', async () => {
    await connect('canva');
    const designUrl = 'https://www.canva.com/design/DAFkjU1x2yZ/Spring-menu/edit';
    const popup = await openPopup(designUrl);
    const section = popup.getByTestId('import-section');
    await expect.poll(() => section.getByRole('heading').textContent(), { timeout: 15_000 }).toBe('Import design');
    await expect.poll(() => popup.getByTestId('import-summary').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.getByLabel('Format').selectOption('jpg');
    await popup.getByTestId('import-submit').click();

    await expect.poll(() => popup.getByTestId('import-progress').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    expect(await popup.getByTestId('import-status').textContent()).toBe('Imported: the draft is ready.');
    const href = await popup.getByTestId('import-open-draft').getAttribute('href');
    expect(href).toMatch(new RegExp(`^chrome-extension://${browser.extensionId}/dashboard\\.html#post=`));
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    // The background saw the end too: one notification that opens the draft, and nothing left to follow.
    const notified = Object.keys(await browser.background.evaluate(() => chrome.notifications.getAll()));
    expect(notified.filter((id) => id.startsWith('minopa-imported-post.'))).toHaveLength(1);
    expect(await browser.background.evaluate(() => chrome.storage.local.get('importWatch'))).toEqual({ importWatch: [] });

    // The service made a draft with the media and the page as its source link.
    const imports = await api<ImportList>(service.url, 'GET', `/api/v1/workspaces/${workspaceId}/imports`, token);
    const done = imports.items[0]!;
    expect(done).toMatchObject({ provider: 'canva', sourceId: 'DAFkjU1x2yZ', format: 'jpg', status: 'done' });
    expect(done.mediaIds.length).toBeGreaterThan(0);
    const post = await api<Post>(service.url, 'GET', `/api/v1/workspaces/${workspaceId}/posts/${done.postId}`, token);
    expect(post.status).toBe('draft');
    expect(post.media.map((medium) => medium.id)).toEqual(done.mediaIds);

    // The dashboard opens the draft, and lists the import with its result.
    const dashboard = await browser.context.newPage();
    await dashboard.goto(href!);
    await expect.poll(() => dashboard.getByTestId('imports-strip').textContent(), { timeout: 15_000 }).toContain('Imported');
    expect(await axeViolations(dashboard, '[data-testid="imports-strip"]')).toEqual([]);
    expect(await dashboard.getByTestId('import-row-open').first().getAttribute('href')).toContain(`post=${done.postId}`);
    await dashboard.close();
  });

  it('imports a Google Drive file from the popup (downloaded as it is) and a Google Slides file (exported as chosen)', async () => {
    await connect('google_drive');
    // The sandbox gives everyone who connects a few sample files; the photo's id, as the service's connection sees it.
    const row = await service.knex()('integration_connections').where({ userId, provider: 'google_drive' }).first();
    const tokens = openIntegrationTokens(createSealer(testConfig().tokenKeys), row);
    const listed = (await (await fetch(`${service.url}/sandbox/google-drive/drive/v3/files?fields=files(id,name,mimeType)`, {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    })).json()) as { files: Array<{ id: string; name: string }> };
    const photo = listed.files.find((file) => file.name === 'Sandbox photo.jpg')!;

    const popup = await openPopup(`https://drive.google.com/file/d/${photo.id}/view`);
    await expect.poll(() => popup.getByTestId('import-section').getByRole('heading').textContent(), { timeout: 15_000 }).toBe('Import file');
    await expect.poll(() => popup.getByTestId('import-summary').textContent(), { timeout: 15_000 }).toContain('Sandbox photo.jpg');
    expect(await popup.getByText('Downloaded as it is.').isVisible()).toBe(true);
    await popup.getByTestId('import-submit').click();
    await expect.poll(() => popup.getByTestId('import-progress').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    await popup.close();

    const imports = await api<ImportList>(service.url, 'GET', `/api/v1/workspaces/${workspaceId}/imports`, token);
    const done = imports.items.find((item) => item.provider === 'google_drive')!;
    expect(done).toMatchObject({ sourceId: photo.id, status: 'done', title: 'Sandbox photo.jpg' });
    expect(done.mediaIds).toHaveLength(1);
    expect(done.postId).not.toBeNull();

    // A Google Slides file is exported, as the format chosen in the popup.
    const deck = listed.files.find((file) => file.name === 'Sandbox deck')!;
    const slides = await openPopup(`https://docs.google.com/presentation/d/${deck.id}/edit`);
    await expect.poll(() => slides.getByTestId('import-summary').textContent(), { timeout: 15_000 }).toContain('Sandbox deck');
    await slides.getByLabel('Export as').selectOption('application/pdf');
    await slides.getByTestId('import-submit').click();
    await expect.poll(() => slides.getByTestId('import-progress').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    await slides.close();
    const exported = (await api<ImportList>(service.url, 'GET', `/api/v1/workspaces/${workspaceId}/imports`, token)).items.find((item) => item.sourceId === deck.id);
    expect(exported).toMatchObject({ provider: 'google_drive', format: 'application/pdf', status: 'done' });
  });

  it('a Drive file Minopa may not open yet (drive.file) offers the picker; once chosen there, it imports — with Drive’s thumbnail', async () => {
    await connect('google_drive');
    // In the sandbox a made-up file id is the person's own file, never picked for Minopa: Drive answers "File not found".
    const fileId = '1PickerE2eFileNeverPickedBefore0042';
    const fileUrl = `https://drive.google.com/file/d/${fileId}/view`;
    const popup = await openPopup(fileUrl);
    await expect.poll(() => popup.getByTestId('import-error').textContent(), { timeout: 15_000 }).toContain('Minopa may only open the Drive files you picked for it.');
    await expect.poll(() => popup.getByTestId('import-pick').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await popup.getByTestId('import-form').count()).toBe(0);
    expect(await axeViolations(popup)).toEqual([]);

    // The popup opens the picker page in a tab; the sandbox's stand-in for Google's Picker chooses the file.
    const pickerTab = browser.context.waitForEvent('page');
    await popup.getByTestId('import-pick-open').click();
    const picker = await pickerTab;
    await picker.waitForURL(/\/integrations\/google_drive\/picker\?/);
    await expect.poll(() => picker.locator('body').textContent(), { timeout: 15_000 }).toContain('This is the sandbox Google Drive');
    expect(await picker.locator('body').textContent()).toContain(fileId);
    await picker.getByRole('button', { name: 'Choose this file' }).click();
    await expect.poll(() => picker.locator('body').textContent(), { timeout: 15_000 }).toContain('Done — go back to Minopa and press Import again.');
    await picker.close();
    await popup.close();

    // Back in the popup, the file reads and imports like any picked file.
    const again = await openPopup(fileUrl);
    await expect.poll(() => again.getByTestId('import-summary').textContent(), { timeout: 15_000 }).toContain(`Sandbox file ${fileId.slice(0, 8)}.pdf`);
    expect(await again.getByTestId('import-pick').count()).toBe(0);
    await again.getByTestId('import-submit').click();
    await expect.poll(() => again.getByTestId('import-progress').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    await again.close();

    const done = (await api<ImportList>(service.url, 'GET', `/api/v1/workspaces/${workspaceId}/imports`, token)).items.find((item) => item.sourceId === fileId);
    expect(done).toMatchObject({ provider: 'google_drive', status: 'done', title: `Sandbox file ${fileId.slice(0, 8)}.pdf` });
    expect(done!.postId).not.toBeNull();
    // The PDF's preview is Drive's thumbnail of it, served like an image's.
    const medium = await api<Media>(service.url, 'GET', `/api/v1/workspaces/${workspaceId}/media/${done!.mediaIds[0]}`, token);
    expect(medium).toMatchObject({ kind: 'document', mimeType: 'application/pdf', thumbnailUrl: expect.any(String) });
    const preview = await fetch(new URL(medium.thumbnailUrl!, service.url));
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('image/webp');

    // The popup's media library shows the PDF with that preview, as it shows an image's.
    const library = await openPopup(fileUrl);
    await library.getByRole('button', { name: 'Library' }).click();
    const row = library.getByRole('dialog', { name: 'Media library' }).getByTestId('library-item').filter({ hasText: `Sandbox file ${fileId.slice(0, 8)}.pdf` });
    await expect.poll(() => row.locator('img').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth), { timeout: 15_000 }).toBe(220);
    await library.close();
  });
});
