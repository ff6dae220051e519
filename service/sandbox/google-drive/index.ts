import Router from '@koa/router';
import type { AppState } from '../../context.js';
import { applyFaults, createFaultPlan, type FaultPlan } from '../networks/kit/faults.js';
import { createOAuthStore, type OAuthStore, type SimClient } from '../networks/kit/oauth-store.js';
import type { SpecChecker } from '../networks/kit/spec-check.js';
import { specGate } from '../networks/kit/spec-gate.js';
import { simBody } from '../networks/kit/standalone.js';
import { googleErrorBody } from '../networks/youtube/world.js';
import { registerFiles } from './files.js';
import { registerDriveOAuth } from './oauth.js';
import { DRIVE_PATHS } from './paths.js';
import { registerPicker } from './picker.js';
import { createWorld, faultBody, type World } from './world.js';

export { DRIVE_PATHS, DRIVE_SCOPES, SANDBOX_GOOGLE_DRIVE_PATH } from './paths.js';

/** Google access tokens live about an hour (platform-apis.md §8: use expires_in). */
const ACCESS_TTL_SECONDS = 3599;

/** Google's Drive v3 description, which every /drive/v3 request is held to. */
export const DRIVE_SPEC = new URL('../../../../shared/specs/google-drive/openapi.yaml', import.meta.url).pathname;

/** Google's OAuth2 API description (tokeninfo, userinfo). */
export const GOOGLE_OAUTH2_SPEC = new URL('../../../../shared/specs/google-oauth2/openapi.yaml', import.meta.url).pathname;

/** How a Drive simulator is made. */
export interface DriveSimulatorOptions {
  /** Public base address, no trailing slash: PUBLIC_URL/sandbox/google-drive in the service, the standalone URL in tests. */
  baseUrl: string;
  /** Where its routes live on the server: '/sandbox/google-drive' mounted in the service, '' (or any prefix) standalone. */
  basePath: string;
  clients: SimClient[];
  /** The Drive spec's checker (loadSpecChecker(DRIVE_SPEC)); a request the spec refuses gets 400. */
  checkRequest?: SpecChecker;
  /** The Google OAuth2 spec's checker (loadSpecChecker(GOOGLE_OAUTH2_SPEC)), for the tokeninfo endpoint it describes. */
  checkOAuthRequest?: SpecChecker;
  accessTtlSeconds?: number;
  /** Sandbox mode: a file id nobody has becomes the asker's file, not yet picked (tests leave this off and add files). */
  autoCreateFiles?: boolean;
}

/** A running Drive simulator: its routes plus what tests inspect and bend. */
export interface DriveSimulator {
  router: Router<AppState>;
  store: OAuthStore;
  faults: FaultPlan;
  /** People, files, drive.file picks, call log, revoked tokens. */
  world: World;
  /** Requests the spec refused (tests assert this stays empty for our client). */
  specViolations: string[];
}

/**
 * A local Google Drive API v3 with Google's OAuth, for tests and sandbox mode: consent (offline access →
 * refresh token), token, refresh, revoke; about.get, files.get (metadata and ranged media download of
 * files up to any size, generated as streamed) and files.export; drive.file reaches only the files a
 * person picked. Every /drive/v3 request is logged, passes the fault plan and, with `checkRequest`,
 * Google's Drive OpenAPI description.
 */
export function createDriveSimulator(options: DriveSimulatorOptions): DriveSimulator {
  const router = new Router<AppState>(options.basePath ? { prefix: options.basePath } : {});
  const sim: DriveSimulator = {
    router,
    store: createOAuthStore({ clients: options.clients, accessTtlSeconds: options.accessTtlSeconds ?? ACCESS_TTL_SECONDS, pkce: 'optional' }),
    faults: createFaultPlan(),
    world: createWorld(),
    specViolations: [],
  };
  const check = options.checkRequest;
  router.use(DRIVE_PATHS.token, simBody());
  router.use(DRIVE_PATHS.revoke, simBody());
  router.use(
    DRIVE_PATHS.api,
    async (ctx, next) => {
      sim.world.requests.push({ method: ctx.method, path: ctx.path.slice(options.basePath.length + DRIVE_PATHS.api.length), query: { ...ctx.query } });
      await next();
    },
    applyFaults(sim.faults, faultBody),
    specGate({
      // The converted description keeps only `alt=json`: Google's discovery document marks media
      // download (`alt=media`) as a method capability the conversion dropped, so that one value is let through.
      check: check && ((request) => check({ ...request, query: request.query.alt === 'media' ? withoutAlt(request.query) : request.query })),
      violations: sim.specViolations,
      specPath: (path) => path.slice(options.basePath.length + DRIVE_PATHS.api.length),
      errorBody: (message) => googleErrorBody(400, 'invalidParameter', message),
    }),
  );
  registerDriveOAuth(router, sim, { basePath: options.basePath, checkOAuthRequest: options.checkOAuthRequest });
  const autoCreateFiles = options.autoCreateFiles ?? false;
  registerFiles(router, sim, { baseUrl: options.baseUrl, autoCreateFiles });
  registerPicker(router, sim, { autoCreateFiles });
  return sim;
}

function withoutAlt(query: Record<string, unknown>): Record<string, unknown> {
  const { alt: _alt, ...rest } = query;
  return rest;
}
