import Router from '@koa/router';
import type { Context, Next } from 'koa';
import type { AppState } from '../../../context.js';
import { createDirectory } from '../kit/directory.js';
import { applyFaults, createFaultPlan } from '../kit/faults.js';
import { createOAuthStore } from '../kit/oauth-store.js';
import { simBody } from '../kit/standalone.js';
import type { NetworkSimulator, SimulatorOptions } from '../kit/types.js';
import { registerLinkedInAssets } from './assets.js';
import { registerLinkedInOAuth } from './oauth.js';
import { registerLinkedInPosts } from './posts.js';
import { registerLinkedInProfile } from './profile.js';
import { createLinkedInWorld, faultBody, linkedInError } from './world.js';

/** LinkedIn access tokens live 60 days. */
const ACCESS_TTL_SECONDS = 60 * 24 * 3600;

/** What a test may tune beyond the common options. */
export interface LinkedInSimulatorOptions extends SimulatorOptions {
  /** How long an uploaded asset is PROCESSING before AVAILABLE; default 1 s. */
  processingMs?: number;
  /** Size of the byte ranges a video is uploaded in; default 4 MiB, as LinkedIn hands out. */
  videoPartBytes?: number;
}

/**
 * A local LinkedIn for tests and sandbox mode: OAuth (no PKCE, non-rotating refresh tokens, revocation),
 * OpenID userinfo and administered Pages, the Images/Documents/Videos upload flows, the Posts API,
 * comments and statistics. There is no official OpenAPI file for LinkedIn, so no spec check; instead
 * every versioned `/rest` call must carry `LinkedIn-Version` and the Rest.li protocol header, as
 * LinkedIn demands. API and upload requests pass the fault plan.
 */
export function createLinkedInSimulator(options: LinkedInSimulatorOptions): NetworkSimulator {
  const router = new Router<AppState>(options.basePath ? { prefix: options.basePath } : {});
  const sim: NetworkSimulator = {
    router,
    store: createOAuthStore({ clients: options.clients, accessTtlSeconds: options.accessTtlSeconds ?? ACCESS_TTL_SECONDS, pkce: 'none' }),
    directory: createDirectory(options.baseUrl),
    faults: createFaultPlan(),
    posts: [],
    specViolations: [],
  };
  const world = createLinkedInWorld({ baseUrl: options.baseUrl, processingMs: options.processingMs ?? 1000, videoPartBytes: options.videoPartBytes ?? 4 * 1024 * 1024 });
  router.use(['/oauth/v2/accessToken', '/oauth/v2/revoke'], simBody());
  router.use('/api', simBody(), applyFaults(sim.faults, faultBody));
  router.use('/api/rest', versionedHeaders);
  router.use('/dms-uploads', applyFaults(sim.faults, faultBody));
  registerLinkedInOAuth(router, sim);
  registerLinkedInProfile(router, sim, world);
  registerLinkedInAssets(router, sim, world);
  registerLinkedInPosts(router, sim, world);
  return sim;
}

/** LinkedIn refuses a versioned call without its version (and Rest.li 2.0 syntax needs its header). */
async function versionedHeaders(ctx: Context, next: Next) {
  if (!/^\d{6}(\.\d{2})?$/.test(ctx.get('linkedin-version'))) return linkedInError(ctx, 400, 'VERSION_MISSING', 'A version must be present. Please specify a version by adding the LinkedIn-Version header.');
  if (ctx.get('x-restli-protocol-version') !== '2.0.0') return linkedInError(ctx, 400, 'ILLEGAL_ARGUMENT', 'Send X-Restli-Protocol-Version: 2.0.0.');
  await next();
}
