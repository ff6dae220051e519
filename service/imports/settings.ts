import { createHash } from 'node:crypto';
import type { ImportProvider } from '#shared/imports/source-url.js';
import { googleSettings } from '../auth/google/settings.js';
import type { Config } from '../config.js';
import { CANVA_PATHS, SANDBOX_CANVA_PATH } from '../sandbox/canva/paths.js';
import { DRIVE_PATHS, SANDBOX_GOOGLE_DRIVE_PATH } from '../sandbox/google-drive/paths.js';
import { CANVA_DEFAULTS, GOOGLE_DRIVE_API_DEFAULT, IMPORTS_UNCONFIGURED } from './config.js';

/** One provider's OAuth client and addresses, every one resolved. */
export interface IntegrationSettings {
  clientId: string;
  clientSecret: string;
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  apiUrl: string;
  /** True when this runs against the local simulator mounted in this service (labelled as such). */
  sandbox: boolean;
}

/** What the settings are read from. */
export type SettingsConfig = Pick<Config, 'env' | 'publicUrl' | 'appSecret' | 'google' | 'imports'>;

/** Where the vendor sends the person back: one address per provider, registered once with the vendor. */
export function integrationCallbackUrl(config: Pick<Config, 'publicUrl'>, provider: ImportProvider): string {
  return `${config.publicUrl}/api/v1/integrations/${provider}/callback`;
}

/** The OAuth client the simulators are mounted with; its secret is derived from APP_SECRET. */
export function sandboxIntegrationClient(config: Pick<Config, 'appSecret'>, provider: ImportProvider): { clientId: string; clientSecret: string } {
  return { clientId: `minopa-sandbox-${provider}`, clientSecret: createHash('sha256').update(`${config.appSecret}:sandbox:${provider}`).digest('base64url') };
}

/**
 * A provider's settings. Canva: with CANVA_CLIENT_ID, Canva's addresses (or the configured ones).
 * Google Drive: the Google OAuth client of sign-in (GOOGLE_CLIENT_ID — one Google Cloud project, one
 * consent screen; Drive asks for its own scopes at its own callback) with Google's OAuth addresses and
 * the Drive API. Without a client, outside production: the simulator mounted at PUBLIC_URL/sandbox/…
 * (sandbox mode); in production: null, the provider is not offered.
 */
export function integrationSettings(config: SettingsConfig, provider: ImportProvider): IntegrationSettings | null {
  const imports = config.imports ?? IMPORTS_UNCONFIGURED;
  if (provider === 'canva') {
    const { clientId, clientSecret, endpoints } = imports.canva;
    if (clientId && clientSecret) return { clientId, clientSecret, ...CANVA_DEFAULTS, ...endpoints, sandbox: false };
    if (config.env === 'production') return null;
    const base = config.publicUrl + SANDBOX_CANVA_PATH;
    return {
      ...sandboxIntegrationClient(config, provider),
      authorizeUrl: base + CANVA_PATHS.authorize,
      tokenUrl: base + CANVA_PATHS.token,
      revokeUrl: base + CANVA_PATHS.revoke,
      apiUrl: base + CANVA_PATHS.api,
      ...endpoints,
      sandbox: true,
    };
  }
  const google = googleSettings(config);
  if (google?.mode === 'google') {
    return {
      clientId: google.clientId,
      clientSecret: google.clientSecret,
      authorizeUrl: google.authorizeUrl,
      tokenUrl: google.tokenUrl,
      revokeUrl: google.revokeUrl,
      apiUrl: imports.googleDrive.apiUrl ?? GOOGLE_DRIVE_API_DEFAULT,
      sandbox: false,
    };
  }
  if (config.env === 'production') return null;
  const base = config.publicUrl + SANDBOX_GOOGLE_DRIVE_PATH;
  return {
    ...sandboxIntegrationClient(config, provider),
    authorizeUrl: base + DRIVE_PATHS.authorize,
    tokenUrl: base + DRIVE_PATHS.token,
    revokeUrl: base + DRIVE_PATHS.revoke,
    apiUrl: imports.googleDrive.apiUrl ?? base + DRIVE_PATHS.api,
    sandbox: true,
  };
}
