import { z } from 'zod';
import { PLATFORM_IDS, PLATFORM_NAMES, type PlatformId } from '#shared/platforms.js';
import type { ConfigVariable } from '../config.js';

/** The addresses of one network; every one is configuration (`<NETWORK>_*_URL`). */
export interface PlatformEndpoints {
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string | null;
  apiUrl: string;
  uploadUrl: string;
}

/** One network as configured: its OAuth client (absent: sandbox outside production) and address overrides. */
export interface PlatformConfig {
  clientId: string | undefined;
  clientSecret: string | undefined;
  /** Only the addresses set in the environment; the rest come from PLATFORM_DEFAULTS. */
  endpoints: Partial<PlatformEndpoints>;
}

/** Graph API version pinned for Facebook and Instagram (versions live about two years; bump before expiry). */
const GRAPH = 'v24.0';

/** The networks' own addresses (../shared/reference/platform-apis.md), used unless configured otherwise. */
export const PLATFORM_DEFAULTS: Record<PlatformId, PlatformEndpoints> = {
  instagram: {
    authorizeUrl: 'https://www.instagram.com/oauth/authorize',
    tokenUrl: 'https://api.instagram.com/oauth/access_token',
    revokeUrl: null,
    apiUrl: `https://graph.instagram.com/${GRAPH}`,
    uploadUrl: `https://rupload.facebook.com/ig-api-upload/${GRAPH}`,
  },
  facebook: {
    authorizeUrl: `https://www.facebook.com/${GRAPH}/dialog/oauth`,
    tokenUrl: `https://graph.facebook.com/${GRAPH}/oauth/access_token`,
    revokeUrl: `https://graph.facebook.com/${GRAPH}/me/permissions`,
    apiUrl: `https://graph.facebook.com/${GRAPH}`,
    uploadUrl: `https://graph.facebook.com/${GRAPH}`,
  },
  linkedin: {
    authorizeUrl: 'https://www.linkedin.com/oauth/v2/authorization',
    tokenUrl: 'https://www.linkedin.com/oauth/v2/accessToken',
    revokeUrl: 'https://www.linkedin.com/oauth/v2/revoke',
    apiUrl: 'https://api.linkedin.com',
    uploadUrl: 'https://api.linkedin.com',
  },
  x: {
    authorizeUrl: 'https://x.com/i/oauth2/authorize',
    tokenUrl: 'https://api.x.com/2/oauth2/token',
    revokeUrl: 'https://api.x.com/2/oauth2/revoke',
    apiUrl: 'https://api.x.com',
    uploadUrl: 'https://api.x.com',
  },
  threads: {
    authorizeUrl: 'https://threads.net/oauth/authorize',
    tokenUrl: 'https://graph.threads.net/oauth/access_token',
    revokeUrl: null,
    apiUrl: 'https://graph.threads.net/v1.0',
    uploadUrl: 'https://graph.threads.net/v1.0',
  },
  tiktok: {
    authorizeUrl: 'https://www.tiktok.com/v2/auth/authorize/',
    tokenUrl: 'https://open.tiktokapis.com/v2/oauth/token/',
    revokeUrl: 'https://open.tiktokapis.com/v2/oauth/revoke/',
    apiUrl: 'https://open.tiktokapis.com',
    uploadUrl: 'https://open-upload.tiktokapis.com',
  },
  pinterest: {
    authorizeUrl: 'https://www.pinterest.com/oauth/',
    tokenUrl: 'https://api.pinterest.com/v5/oauth/token',
    revokeUrl: null,
    apiUrl: 'https://api.pinterest.com/v5',
    uploadUrl: 'https://api.pinterest.com/v5',
  },
  youtube: {
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    revokeUrl: 'https://oauth2.googleapis.com/revoke',
    apiUrl: 'https://www.googleapis.com/youtube/v3',
    uploadUrl: 'https://www.googleapis.com/upload/youtube/v3',
  },
};

/** `X`, `FACEBOOK`, … : the prefix of a network's variables. */
export const envPrefix = (id: PlatformId) => id.toUpperCase();

const ENDPOINT_VARIABLES = [
  ['AUTHORIZE_URL', 'authorizeUrl', 'authorization page (where the browser signs in)'],
  ['TOKEN_URL', 'tokenUrl', 'token endpoint (code exchange and refresh)'],
  ['REVOKE_URL', 'revokeUrl', 'token revocation endpoint'],
  ['API_URL', 'apiUrl', 'API base address'],
  ['UPLOAD_URL', 'uploadUrl', 'media upload base address'],
] as const;

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// address' });
const blankIsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** The zod fields of every network variable, spread into config.ts's Env. */
export const PLATFORM_ENV = Object.fromEntries(
  PLATFORM_IDS.flatMap((id) => [
    [`${envPrefix(id)}_CLIENT_ID`, blankIsUnset(z.string().trim().min(1))],
    [`${envPrefix(id)}_CLIENT_SECRET`, blankIsUnset(z.string().trim().min(1))],
    ...ENDPOINT_VARIABLES.map(([suffix]) => [`${envPrefix(id)}_${suffix}`, blankIsUnset(httpUrl)] as const),
  ]),
) as Record<string, z.ZodType<string | undefined>>;

/** The README rows of every network variable, spread into config.ts's CONFIG_VARIABLES. */
export const PLATFORM_CONFIG_VARIABLES: ConfigVariable[] = PLATFORM_IDS.flatMap((id) => {
  const name = PLATFORM_NAMES[id];
  return [
    {
      name: `${envPrefix(id)}_CLIENT_ID`,
      default: `none: ${name} runs against the local sandbox in development and test, and is unavailable in production`,
      secret: false,
      description: `OAuth client id of your ${name} app; its redirect URI is \`PUBLIC_URL/api/v1/connect/${id}/callback\`.`,
    },
    { name: `${envPrefix(id)}_CLIENT_SECRET`, default: 'none', secret: true, description: `The secret of that ${name} app; required with the client id.` },
    ...ENDPOINT_VARIABLES.map(([suffix, key, what]) => ({
      name: `${envPrefix(id)}_${suffix}`,
      default: PLATFORM_DEFAULTS[id][key] ?? 'none (the network offers no revocation)',
      secret: false,
      description: `${name} ${what}.`,
    })),
  ];
});

/** Reads the network variables out of the parsed environment. */
export function platformConfigFrom(vars: Record<string, unknown>): Record<PlatformId, PlatformConfig> {
  return Object.fromEntries(
    PLATFORM_IDS.map((id) => {
      const read = (suffix: string) => vars[`${envPrefix(id)}_${suffix}`] as string | undefined;
      const endpoints: Partial<PlatformEndpoints> = {};
      for (const [suffix, key] of ENDPOINT_VARIABLES) {
        const value = read(suffix);
        if (value) endpoints[key] = value.replace(/\/+$/, '');
      }
      return [id, { clientId: read('CLIENT_ID'), clientSecret: read('CLIENT_SECRET'), endpoints }];
    }),
  ) as Record<PlatformId, PlatformConfig>;
}

/** Problems no single variable shows: a client id without its secret. */
export function platformConfigProblems(env: Record<string, string | undefined>): string[] {
  return PLATFORM_IDS.filter((id) => env[`${envPrefix(id)}_CLIENT_ID`] && !env[`${envPrefix(id)}_CLIENT_SECRET`]).map(
    (id) => `${envPrefix(id)}_CLIENT_SECRET is required when ${envPrefix(id)}_CLIENT_ID is set (the secret of the same ${PLATFORM_NAMES[id]} app)`,
  );
}
