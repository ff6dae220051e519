import Router from '@koa/router';
import type { AppState } from '../../../context.js';
import { createDirectory } from '../kit/directory.js';
import { applyFaults, createFaultPlan } from '../kit/faults.js';
import { createOAuthStore } from '../kit/oauth-store.js';
import { simBody } from '../kit/standalone.js';
import type { NetworkSimulator, SimulatorOptions } from '../kit/types.js';
import { specGate } from '../kit/spec-gate.js';
import { registerGoogleOAuth } from './oauth.js';
import { registerUpload } from './upload.js';
import { registerReads } from './videos.js';
import { faultBody, googleErrorBody } from './world.js';

/** Google access tokens live about an hour (platform-apis.md §8: use expires_in). */
const ACCESS_TTL_SECONDS = 3599;

/** The official spec the API routes are held to. */
export const YOUTUBE_SPEC = new URL('../../../../../shared/specs/youtube/openapi.yaml', import.meta.url).pathname;

/**
 * A local YouTube Data API v3 with Google's OAuth for tests and sandbox mode: consent, token (PKCE,
 * non-rotating refresh tokens), revoke, the connected channel, resumable video uploads with probing,
 * processing status (and duplicate rejection), statistics. Every API and upload request passes the fault
 * plan; the JSON API requests and the upload's start (videos.insert) pass the official spec when
 * `checkRequest` is given. The upload session's PUTs are the media protocol, which the spec does not describe.
 */
export function createYouTubeSimulator(options: SimulatorOptions): NetworkSimulator {
  const router = new Router<AppState>(options.basePath ? { prefix: options.basePath } : {});
  const sim: NetworkSimulator = {
    router,
    store: createOAuthStore({ clients: options.clients, accessTtlSeconds: options.accessTtlSeconds ?? ACCESS_TTL_SECONDS, pkce: 'optional' }),
    directory: createDirectory(options.baseUrl),
    faults: createFaultPlan(),
    posts: [],
    specViolations: [],
  };
  const gate = specGate({
    check: options.checkRequest,
    violations: sim.specViolations,
    specPath: (path) => {
      const local = path.slice(options.basePath.length);
      // The upload host's videos.insert is the spec's /youtube/v3/videos with the resource as its body.
      return local.startsWith('/upload/') ? local.slice('/upload'.length) : local;
    },
    errorBody: (message) => googleErrorBody(400, 'invalidParameter', message),
  });
  const faults = applyFaults(sim.faults, faultBody);
  router.use('/token', simBody());
  router.use('/revoke', simBody());
  router.use('/youtube/v3', simBody(), faults, gate);
  router.use('/upload/youtube/v3', faults, async (ctx, next) => {
    // The session start carries the video resource as JSON; the session's PUTs carry raw bytes.
    if (ctx.method === 'POST') return simBody()(ctx, () => gate(ctx, next));
    return next();
  });
  registerGoogleOAuth(router, sim);
  registerReads(router, sim);
  registerUpload(router, sim, options.baseUrl);
  return sim;
}
