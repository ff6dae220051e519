import { SANDBOX_ENDPOINTS } from '../../../platforms/settings.js';
import type { NetworkSimulator, SimulatorOptions } from '../kit/types.js';
import { createMetaSimulatorBase } from '../meta/base.js';
import { registerFacebookObjects } from './objects.js';
import { registerFacebookOAuth } from './oauth.js';
import { registerFacebookPages } from './pages.js';
import { registerFacebookPublishing } from './publishing.js';
import { createFacebookWorld } from './world.js';

/**
 * A local Facebook (Graph API, Pages) for tests and sandbox mode, at SANDBOX_ENDPOINTS.facebook below
 * `basePath`: Facebook Login with short- and long-lived user tokens and non-expiring Page tokens, the Page
 * list, text/photo/video Page posts with asynchronous video processing, comments, reads for reconcile,
 * reaction/comment/share counts and insights. Every Graph request passes the fault plan first.
 */
export function createFacebookSimulator(options: SimulatorOptions): NetworkSimulator {
  const { sim, router, tokens } = createMetaSimulatorBase(options, [SANDBOX_ENDPOINTS.facebook.apiUrl]);
  const world = createFacebookWorld();
  registerFacebookOAuth(router, sim, tokens);
  registerFacebookPages(router, sim, tokens, world, options.baseUrl);
  registerFacebookPublishing(router, sim, world);
  // Last: `/:objectId` would otherwise shadow the edges above.
  registerFacebookObjects(router, sim, world, options.baseUrl);
  return sim;
}
