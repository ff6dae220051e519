import Router from '@koa/router';
import type { AppState } from '../../../context.js';
import { createDirectory } from '../kit/directory.js';
import { applyFaults, createFaultPlan } from '../kit/faults.js';
import { createOAuthStore } from '../kit/oauth-store.js';
import { simBody } from '../kit/standalone.js';
import type { NetworkSimulator, SimulatorOptions } from '../kit/types.js';
import { specGate } from '../kit/spec-gate.js';
import { registerXMedia } from './media.js';
import { multipartBody } from './multipart.js';
import { registerXOAuth } from './oauth.js';
import { registerXTweets } from './tweets.js';
import { createXWorld, faultBody } from './world.js';

/** X access tokens live 2 hours. */
const ACCESS_TTL_SECONDS = 7200;

/** The official spec the API routes are held to. */
export const X_SPEC = new URL('../../../../../shared/specs/x/openapi.json', import.meta.url).pathname;

/** What a test may tune beyond the common options. */
export interface XSimulatorOptions extends SimulatorOptions {
  /** How long a video or GIF is "processed" after finalize; default 1 s. */
  videoProcessingMs?: number;
}

/**
 * A local X (API v2) for tests and sandbox mode: OAuth 2.0 with PKCE and single-use rotating refresh
 * tokens, revocation, chunked media uploads with processing, posts and threads, the timeline and public
 * metrics. Every `/2` request passes the fault plan and, with `checkRequest`, the official spec (the
 * OAuth endpoints are not in it).
 */
export function createXSimulator(options: XSimulatorOptions): NetworkSimulator {
  const router = new Router<AppState>(options.basePath ? { prefix: options.basePath } : {});
  const sim: NetworkSimulator = {
    router,
    store: createOAuthStore({ clients: options.clients, accessTtlSeconds: options.accessTtlSeconds ?? ACCESS_TTL_SECONDS, rotateRefreshTokens: true, pkce: 'required' }),
    directory: createDirectory(options.baseUrl),
    faults: createFaultPlan(),
    posts: [],
    specViolations: [],
  };
  const world = createXWorld({ videoProcessingMs: options.videoProcessingMs ?? 1000 });
  router.use(
    '/2',
    simBody(),
    multipartBody(),
    applyFaults(sim.faults, faultBody),
    specGate({
      check: options.checkRequest,
      violations: sim.specViolations,
      specPath: (path) => {
        const own = path.slice(options.basePath.length);
        return own.startsWith('/2/oauth2/') ? null : own;
      },
      errorBody: (message) => ({ title: 'Invalid Request', detail: message, type: 'https://api.x.com/2/problems/invalid-request', status: 400 }),
    }),
  );
  registerXOAuth(router, sim);
  registerXTweets(router, sim, world);
  registerXMedia(router, sim, world);
  return sim;
}
