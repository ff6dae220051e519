import { browser, type Browser } from 'wxt/browser';
import { consentItem } from './storage.js';

/**
 * At first run the person is asked for consent by category before anything optional happens (P20): a
 * fresh install opens the options page at its privacy choices. Updates and browser restarts do not, and
 * neither does a reinstall that still finds a choice in storage.
 */
export async function askForConsentOnInstall(details: Browser.runtime.InstalledDetails): Promise<void> {
  if (details.reason !== 'install') return;
  if (await consentItem.getValue()) return;
  await browser.tabs.create({ url: browser.runtime.getURL('/options.html#consent') });
}
