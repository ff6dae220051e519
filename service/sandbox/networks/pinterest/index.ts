import Router from '@koa/router';
import type { AppState } from '../../../context.js';
import { createDirectory } from '../kit/directory.js';
import { applyFaults, createFaultPlan } from '../kit/faults.js';
import { createOAuthStore } from '../kit/oauth-store.js';
import { simBody } from '../kit/standalone.js';
import type { NetworkSimulator, SimulatorOptions } from '../kit/types.js';
import { registerAccount } from './account.js';
import { registerMedia } from './media.js';
import { registerPinterestOAuth } from './oauth.js';
import { registerPins } from './pins.js';
import { specGate } from '../kit/spec-gate.js';
import { createWorld, faultBody } from './world.js';

/** Pinterest access tokens live about 30 days (platform-apis.md §7: use expires_in). */
const ACCESS_TTL_SECONDS = 30 * 24 * 3600;

/** The official spec the API routes are held to. */
export const PINTEREST_SPEC = new URL('../../../../../shared/specs/pinterest/openapi.json', import.meta.url).pathname;

/**
 * A local Pinterest (API v5) for tests and sandbox mode: OAuth with Basic-auth token requests and
 * continuous (non-rotating) refresh tokens, the user account and its boards, image and video Pins with
 * the media upload flow, board Pin lists and Pin metrics. Every `/v5` request passes the fault plan and,
 * when `checkRequest` is given, the official spec.
 */
export function createPinterestSimulator(options: SimulatorOptions): NetworkSimulator {
  const router = new Router<AppState>(options.basePath ? { prefix: options.basePath } : {});
  const sim: NetworkSimulator = {
    router,
    store: createOAuthStore({ clients: options.clients, accessTtlSeconds: options.accessTtlSeconds ?? ACCESS_TTL_SECONDS, pkce: 'none' }),
    directory: createDirectory(options.baseUrl),
    faults: createFaultPlan(),
    posts: [],
    specViolations: [],
  };
  const world = createWorld();
  router.use(
    '/v5',
    simBody(),
    applyFaults(sim.faults, faultBody),
    specGate({
      check: options.checkRequest,
      violations: sim.specViolations,
      specPath: (path) => path.slice(options.basePath.length).replace(/^\/v5/, ''),
      errorBody: (message) => ({ code: 1, message }),
    }),
  );
  registerPinterestOAuth(router, sim);
  registerAccount(router, sim, world);
  registerPins(router, sim, world);
  registerMedia(router, sim, world, options.baseUrl);
  return sim;
}
