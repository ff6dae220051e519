import { createHash } from 'node:crypto';
import type { PlatformId } from '#shared/platforms.js';
import type { Config } from '../config.js';
import { PLATFORM_DEFAULTS, type PlatformEndpoints } from './config.js';
import type { PlatformSettings } from './types.js';

/** Where the simulators are mounted in sandbox mode: PUBLIC_URL + this + '/' + platform id. */
export const SANDBOX_BASE_PATH = '/sandbox/networks';

/**
 * The addresses of each network's simulator relative to its base (`PUBLIC_URL/sandbox/networks/<id>`).
 * The simulators (service/sandbox/networks/<id>/) serve exactly these paths, with the real API's paths
 * below `apiUrl` and `uploadUrl`, so an adapter cannot tell the simulator from the network.
 */
export const SANDBOX_ENDPOINTS: Record<PlatformId, PlatformEndpoints> = {
  instagram: { authorizeUrl: '/oauth/authorize', tokenUrl: '/oauth/access_token', revokeUrl: null, apiUrl: '/graph/v24.0', uploadUrl: '/rupload/v24.0' },
  facebook: { authorizeUrl: '/dialog/oauth', tokenUrl: '/graph/v24.0/oauth/access_token', revokeUrl: '/graph/v24.0/me/permissions', apiUrl: '/graph/v24.0', uploadUrl: '/graph/v24.0' },
  linkedin: { authorizeUrl: '/oauth/v2/authorization', tokenUrl: '/oauth/v2/accessToken', revokeUrl: '/oauth/v2/revoke', apiUrl: '/api', uploadUrl: '/api' },
  x: { authorizeUrl: '/i/oauth2/authorize', tokenUrl: '/2/oauth2/token', revokeUrl: '/2/oauth2/revoke', apiUrl: '', uploadUrl: '' },
  threads: { authorizeUrl: '/oauth/authorize', tokenUrl: '/graph/oauth/access_token', revokeUrl: null, apiUrl: '/graph/v1.0', uploadUrl: '/graph/v1.0' },
  tiktok: { authorizeUrl: '/v2/auth/authorize/', tokenUrl: '/v2/oauth/token/', revokeUrl: '/v2/oauth/revoke/', apiUrl: '', uploadUrl: '/upload' },
  pinterest: { authorizeUrl: '/oauth/', tokenUrl: '/v5/oauth/token', revokeUrl: null, apiUrl: '/v5', uploadUrl: '/v5' },
  youtube: { authorizeUrl: '/o/oauth2/v2/auth', tokenUrl: '/token', revokeUrl: '/revoke', apiUrl: '/youtube/v3', uploadUrl: '/upload/youtube/v3' },
};

/** The OAuth client the simulators know, per network; its secret is derived from APP_SECRET. */
export function sandboxClient(config: Pick<Config, 'appSecret'>, id: PlatformId): { clientId: string; clientSecret: string } {
  return { clientId: `minopa-sandbox-${id}`, clientSecret: createHash('sha256').update(`${config.appSecret}:sandbox:${id}`).digest('base64url') };
}

/** Joins a base address and a sandbox path. */
export function sandboxEndpoints(base: string, id: PlatformId): PlatformEndpoints {
  const paths = SANDBOX_ENDPOINTS[id];
  return {
    authorizeUrl: base + paths.authorizeUrl,
    tokenUrl: base + paths.tokenUrl,
    revokeUrl: paths.revokeUrl === null ? null : base + paths.revokeUrl,
    apiUrl: base + paths.apiUrl,
    uploadUrl: base + paths.uploadUrl,
  };
}

/**
 * A network's settings: with a client id, the network's own addresses (or the configured ones); without,
 * outside production, the simulator mounted in this service (sandbox mode, labelled as such); in
 * production without a client id, null: the network is not offered.
 */
export function platformSettings(config: Pick<Config, 'env' | 'publicUrl' | 'appSecret' | 'platforms'>, id: PlatformId): PlatformSettings | null {
  const configured = config.platforms[id];
  if (configured.clientId && configured.clientSecret) {
    return { clientId: configured.clientId, clientSecret: configured.clientSecret, ...PLATFORM_DEFAULTS[id], ...configured.endpoints, sandbox: false };
  }
  if (config.env === 'production') return null;
  return { ...sandboxClient(config, id), ...sandboxEndpoints(`${config.publicUrl}${SANDBOX_BASE_PATH}/${id}`, id), ...configured.endpoints, sandbox: true };
}
