import { z } from 'zod';
import type { ConfigVariable } from '../config.js';

/** Canva's addresses (platform-apis.md §9); every one is configuration (`CANVA_*_URL`). */
export interface CanvaEndpoints {
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  apiUrl: string;
}

/** Canva and Google Drive as configured. Drive signs in with the Google OAuth client (GOOGLE_*). */
export interface ImportsConfig {
  canva: { clientId: string | undefined; clientSecret: string | undefined; endpoints: Partial<CanvaEndpoints> };
  /** The Picker's browser API key and the Cloud project number (its app id), for choosing files under drive.file. */
  googleDrive: { apiUrl: string | undefined; pickerApiKey?: string; projectNumber?: string };
}

export const CANVA_DEFAULTS: CanvaEndpoints = {
  authorizeUrl: 'https://www.canva.com/api/oauth/authorize',
  tokenUrl: 'https://api.canva.com/rest/v1/oauth/token',
  revokeUrl: 'https://api.canva.com/rest/v1/oauth/revoke',
  apiUrl: 'https://api.canva.com/rest',
};

/** Drive v3's base address (platform-apis.md §10). */
export const GOOGLE_DRIVE_API_DEFAULT = 'https://www.googleapis.com/drive/v3';

/** Nothing configured: sandbox outside production, unavailable in production. */
export const IMPORTS_UNCONFIGURED: ImportsConfig = { canva: { clientId: undefined, clientSecret: undefined, endpoints: {} }, googleDrive: { apiUrl: undefined } };

const CANVA_ENDPOINT_VARIABLES = [
  ['CANVA_AUTHORIZE_URL', 'authorizeUrl', "Canva's authorization page (where the browser signs in)."],
  ['CANVA_TOKEN_URL', 'tokenUrl', "Canva's token endpoint (code exchange and refresh, server to server)."],
  ['CANVA_REVOKE_URL', 'revokeUrl', "Canva's token revocation endpoint."],
  ['CANVA_API_URL', 'apiUrl', 'Canva Connect API base address.'],
] as const;

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' });
const blankIsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** The zod fields of the Canva and Drive variables, spread into config.ts's Env. */
export const IMPORTS_ENV = {
  CANVA_CLIENT_ID: blankIsUnset(z.string().trim().min(1)),
  CANVA_CLIENT_SECRET: blankIsUnset(z.string().trim().min(1)),
  ...Object.fromEntries(CANVA_ENDPOINT_VARIABLES.map(([name]) => [name, blankIsUnset(httpUrl)])),
  GOOGLE_DRIVE_API_URL: blankIsUnset(httpUrl),
  GOOGLE_PICKER_API_KEY: blankIsUnset(z.string().trim().min(1)),
  GOOGLE_CLOUD_PROJECT_NUMBER: blankIsUnset(z.string().trim().regex(/^\d{1,20}$/, 'must be the digits of the Google Cloud project number')),
} as Record<string, z.ZodType<string | undefined>>;

/** The README rows of the Canva and Drive variables, spread into config.ts's CONFIG_VARIABLES. */
export const IMPORTS_CONFIG_VARIABLES: ConfigVariable[] = [
  {
    name: 'CANVA_CLIENT_ID',
    default: 'none: Canva runs against the local sandbox in development and test, and is unavailable in production',
    secret: false,
    description: 'Client id of your Canva Connect integration; its redirect URL is `PUBLIC_URL/api/v1/integrations/canva/callback`.',
  },
  { name: 'CANVA_CLIENT_SECRET', default: 'none', secret: true, description: 'The secret of that Canva integration; required with the client id.' },
  ...CANVA_ENDPOINT_VARIABLES.map(([name, key, description]) => ({ name, default: CANVA_DEFAULTS[key], secret: false, description })),
  {
    name: 'GOOGLE_DRIVE_API_URL',
    default: GOOGLE_DRIVE_API_DEFAULT,
    secret: false,
    description:
      'Google Drive API base address. Drive connects through the Google OAuth client (`GOOGLE_CLIENT_ID`, with `PUBLIC_URL/api/v1/integrations/google_drive/callback` added as a redirect URI); without one, Drive runs against the local sandbox in development and test and is unavailable in production.',
  },
  {
    name: 'GOOGLE_PICKER_API_KEY',
    default: 'none: without it, the page where people choose a Drive file shows the simulator’s picker outside production and is unavailable in production',
    secret: false,
    description: 'Browser API key (Google Picker API enabled) for the page where people choose a Drive file under `drive.file`; restrict it to `PUBLIC_URL`.',
  },
  { name: 'GOOGLE_CLOUD_PROJECT_NUMBER', default: 'none', secret: false, description: 'Number of the Google Cloud project of the Google OAuth client: the Picker’s app id, so picked files become reachable with `drive.file`.' },
];

/** Reads the Canva and Drive variables out of the parsed environment. */
export function importsConfigFrom(vars: Record<string, unknown>): ImportsConfig {
  const read = (name: string) => (vars[name] as string | undefined)?.replace(/\/+$/, '');
  const endpoints: Partial<CanvaEndpoints> = {};
  for (const [name, key] of CANVA_ENDPOINT_VARIABLES) {
    const value = read(name);
    if (value) endpoints[key] = value;
  }
  return {
    canva: { clientId: vars.CANVA_CLIENT_ID as string | undefined, clientSecret: vars.CANVA_CLIENT_SECRET as string | undefined, endpoints },
    googleDrive: { apiUrl: read('GOOGLE_DRIVE_API_URL'), pickerApiKey: vars.GOOGLE_PICKER_API_KEY as string | undefined, projectNumber: vars.GOOGLE_CLOUD_PROJECT_NUMBER as string | undefined },
  };
}

/** Problems no single variable shows: a client id without its secret. */
export function importsConfigProblems(env: Record<string, string | undefined>): string[] {
  return env.CANVA_CLIENT_ID && !env.CANVA_CLIENT_SECRET ? ['CANVA_CLIENT_SECRET is required when CANVA_CLIENT_ID is set (the secret of the same Canva integration)'] : [];
}
