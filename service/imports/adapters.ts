import type { ImportProvider } from '#shared/imports/source-url.js';
import type { Config } from '../config.js';
import { createHttpClient, type VendorErrorReader } from '../platforms/lib/http.js';
import { canvaAdapter } from './canva/index.js';
import { readCanvaError } from './canva/errors.js';
import { googleDriveAdapter } from './google-drive/index.js';
import { readGoogleDriveError } from './google-drive/errors.js';
import { integrationSettings, type SettingsConfig } from './settings.js';
import type { IntegrationAdapter, IntegrationContext } from './types.js';

/** Every provider's adapter. */
export const INTEGRATION_ADAPTERS: Record<ImportProvider, IntegrationAdapter> = { canva: canvaAdapter, google_drive: googleDriveAdapter };

const ERROR_READERS: Record<ImportProvider, VendorErrorReader> = { canva: readCanvaError, google_drive: readGoogleDriveError };

/** A provider's adapter with its settings and an HTTP client, or null when the provider is not available here. */
export function integrationAccess(
  config: SettingsConfig & Pick<Config, 'env'>,
  provider: ImportProvider,
  signal?: AbortSignal,
): { adapter: IntegrationAdapter; context: IntegrationContext } | null {
  const settings = integrationSettings(config, provider);
  if (!settings) return null;
  return { adapter: INTEGRATION_ADAPTERS[provider], context: { settings, http: createHttpClient({ readVendorError: ERROR_READERS[provider], signal }) } };
}
