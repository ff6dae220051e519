import { type Config, GOOGLE_DEFAULTS, type GoogleConfig } from '../../config.js';

/** Where the local OpenID provider is mounted inside the service in sandbox mode. */
export const SANDBOX_GOOGLE_PATH = '/sandbox/google';

/**
 * The sandbox provider's one client. Not a secret: the sandbox only ever signs in made-up people, and
 * is never mounted in production.
 */
export const SANDBOX_GOOGLE_CLIENT = { clientId: 'minopa-sandbox.apps.localhost', clientSecret: 'sandbox-client-secret-not-secret' } as const;

/** How Google sign-in runs here, with every URL resolved. */
export interface GoogleSettings {
  /** 'google': a configured client (Google, or a provider the URLs point at); 'sandbox': the local provider. */
  mode: 'google' | 'sandbox';
  clientId: string;
  clientSecret: string;
  issuer: string;
  /** ID tokens from Google carry either issuer form (see platform-apis §11). */
  acceptedIssuers: string[];
  authorizeUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  userinfoUrl: string;
  revokeUrl: string;
  /** Our callback, registered at the provider as the redirect URI. */
  callbackUrl: string;
}

/** Paths of the sandbox provider, relative to where it is mounted (the same paths in the standalone one). */
export const SANDBOX_PATHS = {
  discovery: '/.well-known/openid-configuration',
  authorize: '/o/oauth2/v2/auth',
  token: '/token',
  jwks: '/oauth2/v3/certs',
  userinfo: '/v1/userinfo',
  revoke: '/revoke',
} as const;

/**
 * Resolves Google sign-in from the configuration: a client id means real Google (or whatever the URLs
 * point at); none means the local provider in development and test, and no Google sign-in in production
 * (null). Sandbox URLs follow PUBLIC_URL, which is final only once the service listens, so this is
 * computed when needed rather than at boot.
 */
export function googleSettings(config: Pick<Config, 'env' | 'publicUrl' | 'google'>): GoogleSettings | null {
  const google: GoogleConfig = config.google ?? { clientId: undefined, clientSecret: undefined, ...GOOGLE_DEFAULTS };
  const callbackUrl = `${config.publicUrl}/api/v1/auth/google/callback`;
  if (google.clientId && google.clientSecret) {
    const acceptedIssuers = [google.issuer];
    if (google.issuer === 'https://accounts.google.com') acceptedIssuers.push('accounts.google.com');
    return {
      mode: 'google',
      clientId: google.clientId,
      clientSecret: google.clientSecret,
      issuer: google.issuer,
      acceptedIssuers,
      authorizeUrl: google.authorizeUrl,
      tokenUrl: google.tokenUrl,
      jwksUrl: google.jwksUrl,
      userinfoUrl: google.userinfoUrl,
      revokeUrl: google.revokeUrl,
      callbackUrl,
    };
  }
  if (config.env === 'production') return null;
  const base = `${config.publicUrl}${SANDBOX_GOOGLE_PATH}`;
  return {
    mode: 'sandbox',
    ...SANDBOX_GOOGLE_CLIENT,
    issuer: base,
    acceptedIssuers: [base],
    authorizeUrl: base + SANDBOX_PATHS.authorize,
    tokenUrl: base + SANDBOX_PATHS.token,
    jwksUrl: base + SANDBOX_PATHS.jwks,
    userinfoUrl: base + SANDBOX_PATHS.userinfo,
    revokeUrl: base + SANDBOX_PATHS.revoke,
    callbackUrl,
  };
}
