import type { ReactElement } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { setLocale } from '../lib/i18n/index.js';
import { registerMessageHandlers } from '../lib/messaging/handlers.js';
import { render } from './dom.js';
import { startFakeService, type FakeAnswer, type FakeService, type ReceivedRequest } from './fake-service.js';
import { signedIn } from './fixtures.js';
import { resetExtension } from './reset-extension.js';

/** An options-page panel test's world: the fake service it talks to, and a way to show the panel. */
export interface PanelHarness {
  /** The fake service (started before the first test). */
  readonly service: FakeService;
  /** Renders `element` (a panel) in the page; it is unmounted after the test. */
  open(element: ReactElement): Promise<void>;
}

/**
 * Registers the hooks every panel test file needs: a fake service answering with `routes`, a fresh
 * signed-in extension with the background's message handlers before each test (`reset` first puts the
 * file's own per-test answers back), the panel unmounted and English restored after each.
 * popup-harness.tsx builds on it for the popup, which opens on a page.
 */
export function panelHarness(routes: (request: ReceivedRequest) => FakeAnswer, reset: () => void = () => undefined): PanelHarness {
  let service: FakeService | undefined;
  let unmount: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    service = await startFakeService(routes);
  });
  afterAll(() => service?.close());
  beforeEach(async () => {
    resetExtension(service!);
    service!.answer = routes;
    reset();
    await signedIn(service!.url);
    registerMessageHandlers();
  });
  afterEach(async () => {
    await unmount?.();
    unmount = undefined;
    await setLocale('en');
  });
  return {
    get service() {
      return service!;
    },
    async open(element) {
      await unmount?.();
      unmount = await render(element);
    },
  };
}
