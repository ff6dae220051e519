import { fakeBrowser } from 'wxt/testing/fake-browser';
import { removeAllListeners } from '../lib/messaging/protocol.js';
import { installMissingApis } from './fake-apis.js';
import type { FakeService } from './fake-service.js';

/**
 * A fresh extension before each test: the fake browser emptied (storage, tabs), no message listeners
 * left over from the last test, the APIs the fake browser lacks installed again, and the fake
 * service's request log cleared. Answers the installed APIs (tests that inspect them keep it).
 */
export function resetExtension(service: FakeService): ReturnType<typeof installMissingApis> {
  fakeBrowser.reset();
  removeAllListeners();
  const apis = installMissingApis();
  service.requests.length = 0;
  return apis;
}
