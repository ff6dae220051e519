/** Where the Canva simulator is mounted in the service's sandbox mode (below PUBLIC_URL). */
export const SANDBOX_CANVA_PATH = '/sandbox/canva';

/**
 * The simulator's addresses relative to its base, mirroring Canva's own: the authorize page lives on
 * www.canva.com (`/api/oauth/authorize`), everything else on api.canva.com below `/rest`. A client
 * configured with `base + apiUrl` in place of `https://api.canva.com/rest` cannot tell them apart.
 */
export const CANVA_PATHS = {
  authorize: '/api/oauth/authorize',
  token: '/rest/v1/oauth/token',
  revoke: '/rest/v1/oauth/revoke',
  api: '/rest',
  /** The simulated export CDN (Canva's are signed, expiring links on another host). */
  downloads: '/export-download',
} as const;
