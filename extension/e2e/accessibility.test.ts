import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureResult } from '#shared/api/posts.js';
import type { ExtensionBrowser } from './browser.js';
import { api, browserAvailable, connectSandboxAccount, type ExtensionWorld, listPosts, type RestartableService, signInFromOptions, signUpVerified, startExtensionWorld } from './harness.js';

/** The rules a screen must pass: WCAG 2.1 A and AA (contrast included). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Set to a folder to also save a full-page screenshot of every screen in light and dark there. */
const SHOTS_DIR = process.env.SHOTS_DIR;
const person = { firstName: 'Ada', lastName: 'Access', email: `ada-a11y-${Date.now()}@example.com`, password: 'a long enough password' };

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core in the page (injected as the test's own script) and answers its violations, readable. */
async function axeViolations(page: Page, axeSource: string): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations;
  }, WCAG_TAGS);
  return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${violation.help} — ${node.target.join(' ')}`));
}

describe.skipIf(!browserAvailable)('every screen passes axe-core (WCAG 2.1 AA) in light and dark', () => {
  let world: ExtensionWorld | undefined;
  let service: RestartableService;
  let browser: ExtensionBrowser;
  let axeSource: string;

  /** Opens a page of the extension in the colour scheme, waits until `ready` shows. */
  async function open(path: string, scheme: 'light' | 'dark', ready: string): Promise<Page> {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
    await page.locator(ready).first().waitFor({ timeout: 15_000 });
    // Loading states settle (lists, avatars) before the check.
    await page.waitForTimeout(300);
    if (SHOTS_DIR) {
      await mkdir(SHOTS_DIR, { recursive: true });
      await page.screenshot({ path: join(SHOTS_DIR, `${path.replace(/[^a-z]+/gi, '-')}-${scheme}.png`), fullPage: true });
    }
    return page;
  }

  beforeAll(async () => {
    axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    world = await startExtensionWorld();
    ({ service, browser } = world);
  });

  afterAll(() => world?.close());

  it('the sign-up form (signed out)', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open('options.html', scheme, '[data-testid="signup-form"]');
      expect({ scheme, violations: await axeViolations(page, axeSource) }).toEqual({ scheme, violations: [] });
      await page.close();
    }
  });

  describe('signed in, with a connected channel and posts', () => {
    let signedUp: Awaited<ReturnType<typeof signUpVerified>>;
    beforeAll(async () => {
      signedUp = await signUpVerified(service, person);
      const base = `/api/v1/workspaces/${signedUp.workspaceId}`;
      await api(service.url, 'PATCH', `${base}/schedule`, signedUp.token, { postingSlots: [{ weekday: 1, time: '09:00' }, { weekday: 3, time: '16:45' }] });
      const accountId = await connectSandboxAccount(service.url, signedUp.token, signedUp.workspaceId, 'x', { username: 'ada_sandbox', displayName: 'Ada in the sandbox' });
      const draft = await api<CaptureResult>(service.url, 'POST', `${base}/captures`, signedUp.token, { clientId: crypto.randomUUID(), kind: 'page', url: 'https://example.com/a11y', title: 'Accessible by default' });
      const scheduled = await api<CaptureResult>(service.url, 'POST', `${base}/captures`, signedUp.token, { clientId: crypto.randomUUID(), kind: 'page', url: 'https://example.com/next', title: 'Going out soon' });
      await api(service.url, 'PUT', `${base}/posts/${scheduled.post.id}/targets`, signedUp.token, { targets: [{ accountId }] });
      await api(service.url, 'POST', `${base}/posts/${scheduled.post.id}/schedule`, signedUp.token, { when: 'queue' });
      expect(draft.post.id).toBeTruthy();

      await signInFromOptions(browser, person);
    });

    it('keyboard only: Tab reaches the popup’s text box and its Save draft button, Enter saves the draft', async () => {
      const popup = await open('popup.html', 'light', 'textarea');
      /** Presses Tab until `matches` the focused element, at most 40 times (a trap or a missing stop fails). */
      const tabTo = async (description: string, matches: string) => {
        for (let presses = 0; presses < 40; presses++) {
          await popup.keyboard.press('Tab');
          if (await popup.evaluate((selector) => document.activeElement?.matches(selector) ?? false, matches)) return;
        }
        throw new Error(`Tab never reached ${description}`);
      };
      await tabTo('the text box', 'textarea');
      const text = `Written with the keyboard alone ${Date.now()}`;
      await popup.keyboard.type(text);
      await tabTo('the Save draft button', 'button[type="submit"]');
      expect(await popup.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Save draft');
      // The focused control shows where it is (the shared :focus-visible outline).
      expect(await popup.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
      await popup.keyboard.press('Enter');
      // Opened as its own tab, the popup is on no web page: the draft is a note.
      await popup.getByRole('status').filter({ hasText: /saved/i }).first().waitFor({ timeout: 15_000 });
      await popup.close();
      const posts = await listPosts(service.url, signedUp.token, signedUp.workspaceId);
      expect(posts.find((post) => post.body === text)).toMatchObject({ status: 'draft', source: null });
    });

    it('theme and language chosen in the options apply to every page, and reach the background', async () => {
      const options = await open('options.html', 'light', '[data-testid="appearance-panel"]');
      await options.getByTestId('theme-dark').check();
      await options.getByTestId('language-de').check();
      await options.getByRole('heading', { name: 'Darstellung' }).waitFor({ timeout: 15_000 });
      const popup = await open('popup.html', 'light', 'textarea');
      // Dark although the system is light: the choice wins, and the page's colours follow.
      expect(await popup.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 20, 31)');
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe('de');
      await popup.getByRole('button', { name: 'Entwurf speichern' }).waitFor({ timeout: 15_000 });
      const dashboard = await open('dashboard.html#view=week', 'light', 'main');
      await dashboard.getByRole('heading', { name: 'Warteschlange & Kalender' }).waitFor({ timeout: 15_000 });
      expect(await dashboard.evaluate(() => document.documentElement.lang)).toBe('de');
      // The background gets the choice through storage (that its menus follow it: background.test.ts).
      await expect
        .poll(() => browser.background.evaluate(async () => (await chrome.storage.local.get('locale')).locale))
        .toBe('de');
      // Back to the defaults, so the other screens are checked as a new user sees them.
      await options.getByTestId('theme-system').check();
      await options.getByTestId('language-en').check();
      await options.getByRole('heading', { name: 'Appearance' }).waitFor({ timeout: 15_000 });
      for (const page of [options, popup, dashboard]) await page.close();
    });

    const screens: Array<{ name: string; path: string; ready: string }> = [
      { name: 'options', path: 'options.html', ready: '[data-testid="schedule-panel"] table' },
      { name: 'popup', path: 'popup.html', ready: 'textarea' },
      { name: 'queue: week', path: 'dashboard.html#view=week', ready: 'main' },
      { name: 'queue: month', path: 'dashboard.html#view=month', ready: 'main' },
      { name: 'queue: drafts', path: 'dashboard.html#view=drafts', ready: 'main' },
      { name: 'queue: failed', path: 'dashboard.html#view=failed', ready: 'main' },
      { name: 'queue: published', path: 'dashboard.html#view=published', ready: 'main' },
    ];
    for (const screen of screens) {
      it(screen.name, async () => {
        for (const scheme of ['light', 'dark'] as const) {
          const page = await open(screen.path, scheme, screen.ready);
          expect({ scheme, violations: await axeViolations(page, axeSource) }).toEqual({ scheme, violations: [] });
          await page.close();
        }
      });
    }
  });
});
