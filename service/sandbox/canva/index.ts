import Router from '@koa/router';
import type { AppState } from '../../context.js';
import { createDirectory, type Directory } from '../networks/kit/directory.js';
import { applyFaults, createFaultPlan, type FaultPlan } from '../networks/kit/faults.js';
import { createOAuthStore, type OAuthStore, type SimClient } from '../networks/kit/oauth-store.js';
import { simBody } from '../networks/kit/standalone.js';
import { registerDesigns } from './designs.js';
import { registerExports } from './exports.js';
import { registerCanvaOAuth } from './oauth.js';
import { CANVA_PATHS } from './paths.js';
import { registerUsers } from './users.js';
import { createWorld, faultBody, type CanvaTiming, type World } from './world.js';

export { CANVA_PATHS, SANDBOX_CANVA_PATH } from './paths.js';

/** Canva access tokens live 4 hours (platform-apis.md §9: use expires_in). */
const ACCESS_TTL_SECONDS = 14_400;

/** How a Canva simulator is made. */
export interface CanvaSimulatorOptions {
  /** Public base address, no trailing slash: PUBLIC_URL/sandbox/canva in the service, the standalone URL in tests. */
  baseUrl: string;
  /** Where its routes live on the server: '/sandbox/canva' mounted in the service, '' (or any prefix) standalone. */
  basePath: string;
  clients: SimClient[];
  accessTtlSeconds?: number;
  timing?: Partial<CanvaTiming>;
  /** Sandbox mode: a design id nobody has becomes the asker's design (tests leave this off and add designs). */
  autoCreateDesigns?: boolean;
}

/** A running Canva simulator: its routes plus what tests inspect and bend. */
export interface CanvaSimulator {
  router: Router<AppState>;
  store: OAuthStore;
  directory: Directory;
  faults: FaultPlan;
  /** Designs, export jobs, timing, call counts, revoked tokens. */
  world: World;
}

/**
 * A local Canva Connect API for tests and sandbox mode: OAuth with PKCE (S256) and single-use rotating
 * refresh tokens, revoke, users/me and the profile, designs, asynchronous export jobs and their signed,
 * expiring downloads. Scopes are checked per endpoint. Every `/rest` request is counted and passes the
 * fault plan. Canva publishes no OpenAPI file beside ours (../shared/specs), so requests are checked
 * by hand against platform-apis.md §9.
 */
export function createCanvaSimulator(options: CanvaSimulatorOptions): CanvaSimulator {
  const router = new Router<AppState>(options.basePath ? { prefix: options.basePath } : {});
  const sim: CanvaSimulator = {
    router,
    store: createOAuthStore({ clients: options.clients, accessTtlSeconds: options.accessTtlSeconds ?? ACCESS_TTL_SECONDS, rotateRefreshTokens: true, pkce: 'required' }),
    directory: createDirectory(options.baseUrl),
    faults: createFaultPlan(),
    world: createWorld(options.timing),
  };
  const routeOptions = { baseUrl: options.baseUrl, autoCreateDesigns: options.autoCreateDesigns ?? false };
  router.use(
    CANVA_PATHS.api,
    async (ctx, next) => {
      sim.world.requests.push({ method: ctx.method, path: ctx.path.slice(options.basePath.length + CANVA_PATHS.api.length) });
      await next();
    },
    simBody(),
    applyFaults(sim.faults, faultBody),
  );
  registerCanvaOAuth(router, sim);
  registerUsers(router, sim);
  registerDesigns(router, sim, routeOptions);
  registerExports(router, sim, routeOptions);
  return sim;
}
