import { expect } from 'vitest';
import { App } from '../entrypoints/popup/App.js';
import { prefillFromUrl } from '../entrypoints/popup/prefill.js';
import { byTestId, until } from './dom.js';
import type { FakeAnswer, FakeService, ReceivedRequest } from './fake-service.js';
import { panelHarness } from './panel-harness.js';

/** A popup test's world: the fake service it talks to, and a way to open the popup on a page. */
export interface PopupHarness {
  /** The fake service (started before the first test). */
  readonly service: FakeService;
  /** Opens the popup as on the tab at `url` (titled `title`) and waits for the composer. */
  openPopup(url: string, title?: string): Promise<void>;
}

/**
 * The hooks every popup test file needs (panel-harness.tsx: a fake service answering with `routes`, a
 * fresh signed-in extension before each test, `reset` putting the file's own per-test answers back,
 * English restored after each), plus the pages' localStorage emptied (the popup's state snapshot).
 */
export function popupHarness(routes: (request: ReceivedRequest) => FakeAnswer, reset: () => void = () => undefined): PopupHarness {
  const panel = panelHarness(routes, () => {
    localStorage.clear();
    reset();
  });
  return {
    get service() {
      return panel.service;
    },
    async openPopup(url, title) {
      const query = `?url=${encodeURIComponent(url)}${title === undefined ? '' : `&title=${encodeURIComponent(title)}`}`;
      await panel.open(<App override={prefillFromUrl(query)} />);
      await until(() => expect(byTestId('composer')).not.toBeNull());
    },
  };
}
