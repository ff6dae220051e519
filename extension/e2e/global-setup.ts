import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'wxt';

/**
 * Where the end-to-end copy of the extension is built, apart from `.output/` that people load
 * (`E2E_OUTPUT_DIR` overrides it, so two runs side by side do not build into one folder).
 */
export const E2E_OUTPUT_DIR = path.resolve(process.env.E2E_OUTPUT_DIR ?? '.e2e-output');

const browserRequired = process.env.MINOPA_REQUIRE_BROWSER === '1' || process.env.CI === 'true';

/**
 * Finds Chromium and builds the extension once for all end-to-end tests. Without Chromium the tests are
 * skipped with a message saying how to install it — except in CI, where that is a failure.
 */
export default async function setup(project: TestProject): Promise<void> {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    const message = 'Chromium is not installed: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH).';
    if (browserRequired) throw new Error(`Browser tests are required here. ${message}`);
    console.warn(`\n[e2e] Skipping the browser tests. ${message}\n`);
    project.provide('chromiumPath', null);
    project.provide('extensionPath', null);
    return;
  }
  // The production build, plus host access to the local test pages: a synthetic context-menu click in a
  // headless browser does not grant activeTab the way a real click does.
  process.env.WXT_E2E_HOST_PERMISSIONS = 'http://127.0.0.1/*';
  await build({ outDir: E2E_OUTPUT_DIR, logger: quietLogger() });
  delete process.env.WXT_E2E_HOST_PERMISSIONS;
  project.provide('chromiumPath', chromiumPath);
  project.provide('extensionPath', path.join(E2E_OUTPUT_DIR, 'chrome-mv3'));
}

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate))) ?? null;
}

function quietLogger() {
  const silent = () => {};
  return { debug: silent, log: silent, info: silent, success: silent, warn: console.warn, error: console.error, fatal: console.error, level: 0 };
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string | null;
    extensionPath: string | null;
  }
}
