import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Route, type Worker } from 'playwright-core';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's service worker: evaluate code in the background's context. */
  background: Worker;
  close(): Promise<void>;
}

/**
 * Starts headless Chromium with the built extension loaded unpacked, in a fresh profile.
 * Flags keep Chromium from reaching for the network this machine does not have.
 */
export async function launchExtensionBrowser(chromiumPath: string, extensionPath: string): Promise<ExtensionBrowser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'minopa-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionPath}`,
      `--load-extension=${extensionPath}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
  // Below the tests' own 60 s: a step that waits for something that never comes fails naming its locator.
  context.setDefaultTimeout(30_000);
  const background = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(background.url()).host;
  return {
    context,
    extensionId,
    background,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Headless Chromium (156 here) aborts the final redirect of a `chrome.identity.launchWebAuthFlow`
 * window ("Authorization page could not be loaded") instead of handing the redirect URL to the
 * extension, so a test stands in for that one API with what Chrome documents it does: open the URL in a
 * window, and resolve with the first URL under the extension's `https://<id>.chromiumapp.org/` redirect
 * (Chromium swallows navigations to that host, so the test follows the sign-in page's redirects itself,
 * with the browser's cookies, and reads the one that points there).
 * Everything else — the options page, the background, the service, the sign-in page — is the real thing.
 */
export async function emulateWebAuthFlow(browser: ExtensionBrowser): Promise<void> {
  const redirectPrefix = `https://${browser.extensionId}.chromiumapp.org/`;
  // Follow the sign-in page's answer (a redirect to the service's callback, which redirects to the
  // extension) with the browser's own cookies, and hand the final URL to the flow.
  const finishSignIn = async (route: Route) => {
    if (route.request().method() !== 'POST') return await route.continue();
    const approved = await route.fetch({ maxRedirects: 0 });
    const callback = approved.headers().location ?? '';
    const answer = callback ? await browser.context.request.get(callback, { maxRedirects: 0 }) : approved;
    const location = answer.headers().location ?? '';
    if (location.startsWith(redirectPrefix)) {
      await browser.background.evaluate((url) => {
        (globalThis as unknown as { finishWebAuthFlow?: (url: string) => void }).finishWebAuthFlow?.(url);
      }, location);
      await route.fulfill({ status: 200, contentType: 'text/plain', body: 'Signed in.' });
    } else {
      await route.fulfill({ response: answer });
    }
  };
  browser.context.on('page', (page) => void page.route(/\/sandbox\/google\/o\/oauth2\/v2\/auth/, finishSignIn));
  await browser.background.evaluate(() => {
    const launchWebAuthFlow = async ({ url }: { url: string }): Promise<string> => {
      const tab = await chrome.tabs.create({ url });
      return await new Promise<string>((resolve) => {
        (globalThis as unknown as { finishWebAuthFlow?: (url: string) => void }).finishWebAuthFlow = (finalUrl) => {
          void chrome.tabs.remove(tab.id!);
          resolve(finalUrl);
        };
      });
    };
    // Chromium exposes the API as both `chrome.*` and `browser.*`; the extension may use either.
    const namespaces = [chrome, (globalThis as unknown as { browser?: typeof chrome }).browser].filter(Boolean);
    for (const namespace of namespaces) {
      Object.defineProperty(namespace!.identity, 'launchWebAuthFlow', { value: launchWebAuthFlow, configurable: true });
    }
  });
}
