import { createHash } from 'node:crypto';
import Router from '@koa/router';
import type { AppState } from '../../../context.js';
import { createDirectory, type SimPerson } from '../kit/directory.js';
import { applyFaults, createFaultPlan } from '../kit/faults.js';
import { createOAuthStore } from '../kit/oauth-store.js';
import { simBody } from '../kit/standalone.js';
import type { NetworkSimulator, SimulatorOptions } from '../kit/types.js';
import { registerTikTokOAuth } from './oauth.js';
import { registerDirectPost } from './publish.js';
import { registerReads } from './reads.js';
import { registerUpload } from './upload.js';
import { faultBody, type SimPublish } from './world.js';

/** TikTok access tokens live 2 hours (platform-apis.md §6, docs of 2026-11). */
const ACCESS_TTL_SECONDS = 7200;

/** A person's open_id: a stable UUID-shaped id per person and app, like TikTok's. */
function openIdOf(person: SimPerson): string {
  const hex = createHash('sha256').update(`open:${person.id}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A local TikTok (Login Kit v2 + Content Posting API) for tests and sandbox mode: consent, token with
 * rotating single-use refresh tokens, revoke, user info, Direct Post (creator info, init, chunked
 * FILE_UPLOAD, status by publish_id) and video counts. Every API, OAuth and upload request passes the
 * fault plan. TikTok publishes no OpenAPI file, so there is no spec check.
 */
export function createTikTokSimulator(options: SimulatorOptions): NetworkSimulator {
  const router = new Router<AppState>(options.basePath ? { prefix: options.basePath } : {});
  const sim: NetworkSimulator = {
    router,
    store: createOAuthStore({ clients: options.clients, accessTtlSeconds: options.accessTtlSeconds ?? ACCESS_TTL_SECONDS, rotateRefreshTokens: true, pkce: 'optional' }),
    directory: createDirectory(options.baseUrl),
    faults: createFaultPlan(),
    posts: [],
    specViolations: [],
  };
  const publishes = new Map<string, SimPublish>();
  let nextPost = 7_300_000_000_000_000_000n;
  const faults = applyFaults(sim.faults, faultBody);
  // Not below /v2/auth: the consent page reads its own form.
  for (const path of ['/v2/oauth', '/v2/post', '/v2/user', '/v2/video']) router.use(path, simBody(), faults);
  router.use('/upload', faults);
  registerTikTokOAuth(router, sim, openIdOf);
  registerDirectPost(router, sim, publishes, openIdOf, options.baseUrl);
  registerUpload(router, sim, publishes, () => (nextPost += 13n).toString());
  registerReads(router, sim, openIdOf);
  return sim;
}
