import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { App } from '../entrypoints/popup/App.js';
import { prefillFromUrl } from '../entrypoints/popup/prefill.js';
import { setLocale } from '../lib/i18n/index.js';
import { registerMessageHandlers } from '../lib/messaging/handlers.js';
import { byTestId, render, until } from './dom.js';
import { startFakeService, type FakeAnswer, type FakeService, type ReceivedRequest } from './fake-service.js';
import { signedIn } from './fixtures.js';
import { resetExtension } from './reset-extension.js';

/** A popup test's world: the fake service it talks to, and a way to open the popup on a page. */
export interface PopupHarness {
  /** The fake service (started before the first test). */
  readonly service: FakeService;
  /** Opens the popup as on the tab at `url` (titled `title`) and waits for the composer. */
  openPopup(url: string, title?: string): Promise<void>;
}

/**
 * Registers the hooks every popup test file needs: a fake service answering with `routes`, a fresh
 * signed-in extension before each test (`reset` first puts the file's own per-test answers back), the
 * popup closed and English restored after each.
 */
export function popupHarness(routes: (request: ReceivedRequest) => FakeAnswer, reset: () => void = () => undefined): PopupHarness {
  let service: FakeService | undefined;
  let unmount: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    service = await startFakeService(routes);
  });
  afterAll(() => service?.close());
  beforeEach(async () => {
    resetExtension(service!);
    localStorage.clear();
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
    async openPopup(url, title) {
      const query = `?url=${encodeURIComponent(url)}${title === undefined ? '' : `&title=${encodeURIComponent(title)}`}`;
      unmount = await render(<App override={prefillFromUrl(query)} />);
      await until(() => expect(byTestId('composer')).not.toBeNull());
    },
  };
}
