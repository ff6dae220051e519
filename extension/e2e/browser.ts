import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

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
