import type { DriveAccess, Integration } from '#shared/api/integrations.js';
import type { ImportProvider } from '#shared/imports/source-url.js';
import { browser } from 'wxt/browser';
import { call } from './api-client.js';
import { ExtensionError } from './errors.js';
import { defineMessages } from './i18n/index.js';
import { sourceOf } from './imports.js';

/**
 * The signed-in person's own Canva and Google Drive connections, as the options page manages them.
 * Connecting opens the vendor's authorization page in a tab; the service finishes the connection there
 * and shows the result, and the panel reloads when the person comes back.
 */

/** Both providers, whether each is offered (and a sandbox), and the person's connection to it. */
export async function getIntegrations(): Promise<Integration[]> {
  return (await call('listIntegrations')).items;
}

/** Starts connecting: opens the vendor's authorization page in a new tab and answers where it went. */
export async function connectIntegration(data: { provider: ImportProvider; access?: DriveAccess }): Promise<{ authorizeUrl: string; sandbox: boolean }> {
  const started = await call('startIntegrationConnect', { params: { provider: data.provider }, body: { access: data.access ?? 'file' } });
  await browser.tabs.create({ url: started.authorizeUrl });
  return { authorizeUrl: started.authorizeUrl, sandbox: started.sandbox };
}

/** Disconnects (the service revokes Minopa's access at the vendor first) and answers the panel's data. */
export async function disconnectIntegration(data: { provider: ImportProvider }): Promise<{ revoked: boolean; integrations: Integration[] }> {
  const { revoked } = await call('disconnectIntegration', { params: data });
  return { revoked, integrations: await getIntegrations() };
}

const t = defineMessages({
  en: { notDrive: 'Only Google Drive files are chosen in Google’s picker.' },
  de: { notDrive: 'Nur Google-Drive-Dateien werden in Googles Auswahl ausgewählt.' },
});

/**
 * Under `drive.file` Minopa reaches only the Drive files the person chose: asks the service for a
 * single-use link to its picker page for the file at `url` and opens it in a new tab. The person then
 * presses Import again.
 */
export async function openDrivePicker(data: { url: string }): Promise<{ pickerUrl: string }> {
  const source = sourceOf(data.url);
  if (source.provider !== 'google_drive') throw new ExtensionError('cannot_capture', t('notDrive'));
  const link = await call('createDrivePickerLink', { body: { fileId: source.fileId } });
  await browser.tabs.create({ url: link.url });
  return { pickerUrl: link.url };
}
