import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Three projects: the service (real Postgres, see test/database-setup.ts), the extension's unit tests
 * (WXT's fake browser) and the end-to-end tests (the built extension in headless Chromium against a real
 * service). `npm test` runs all three; `npx vitest run --project service` runs one.
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/count-reporter.ts'],
    projects: [
      {
        test: {
          name: 'service',
          include: ['service/**/*.test.ts', 'shared/**/*.test.ts', 'migrations/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          globalSetup: ['test/database-setup.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'extension',
          include: ['extension/**/*.test.{ts,tsx}'],
          exclude: ['extension/e2e/**'],
          environment: 'happy-dom',
          testTimeout: 20_000,
          // One popup test failed twice in CI under full parallel load and never locally; until its cause is
          // found, one retry (a real break still fails both tries, and \`until\` logs what the page showed).
          retry: 1,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['extension/e2e/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          fileParallelism: false,
          globalSetup: ['test/database-setup.ts', 'extension/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
