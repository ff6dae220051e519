import type Router from '@koa/router';
import { PLATFORM_IDS, PLATFORM_NAMES } from '#shared/platforms.js';
import { connectCallbackUrl } from '../../actions/start-connect.js';
import type { AppDeps, AppState } from '../../context.js';
import { platformSettings, SANDBOX_BASE_PATH } from '../../platforms/settings.js';
import { registerAvatars } from './kit/avatars.js';
import { SIMULATORS } from './registry.js';

/**
 * Sandbox mode: every network without a configured app (outside production) gets its simulator mounted
 * at PUBLIC_URL/sandbox/networks/<id>, knowing the one sandbox client and our callback, so a new user can
 * connect made-up accounts and watch posts "publish" with no network involved — clearly labelled.
 */
export function mountNetworkSandboxes(router: Router<AppState>, deps: AppDeps): void {
  const mounted: string[] = [];
  for (const id of PLATFORM_IDS) {
    const settings = platformSettings(deps.config, id);
    if (!settings?.sandbox) continue;
    const basePath = `${SANDBOX_BASE_PATH}/${id}`;
    const simulator = SIMULATORS[id]({
      baseUrl: `${deps.config.publicUrl}${basePath}`,
      basePath,
      clients: [{ clientId: settings.clientId, clientSecret: settings.clientSecret, redirectUris: [connectCallbackUrl(deps.config, id)] }],
    });
    router.use(simulator.router.routes());
    registerAvatars(router, basePath);
    mounted.push(PLATFORM_NAMES[id]);
  }
  if (mounted.length > 0) deps.logger.info(`Sandbox networks (local simulators, nothing is really published): ${mounted.join(', ')}`);
}
