import type Router from '@koa/router';
import { googleSettings, SANDBOX_GOOGLE_CLIENT, SANDBOX_GOOGLE_PATH } from '../../auth/google/settings.js';
import type { AppDeps, AppState } from '../../context.js';
import { createGoogleSandbox } from './provider.js';

/**
 * In sandbox mode (no GOOGLE_CLIENT_ID, not production) mounts the local OpenID provider at
 * /sandbox/google, with the one client our Google sign-in uses and our callback as its redirect URI.
 */
export function mountGoogleSandbox(router: Router<AppState>, deps: AppDeps): void {
  const settings = googleSettings(deps.config);
  if (settings?.mode !== 'sandbox') return;
  const sandbox = createGoogleSandbox({
    issuer: settings.issuer,
    basePath: SANDBOX_GOOGLE_PATH,
    clients: [{ ...SANDBOX_GOOGLE_CLIENT, redirectUris: [settings.callbackUrl] }],
    secret: deps.config.appSecret,
  });
  router.use(sandbox.router.routes());
  deps.logger.info(`Google sign-in runs against the local sandbox provider at ${settings.issuer} (set GOOGLE_CLIENT_ID for real Google)`);
}
