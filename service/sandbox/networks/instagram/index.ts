import { graphRoot } from '../../../platforms/meta/graph.js';
import { SANDBOX_ENDPOINTS } from '../../../platforms/settings.js';
import type { NetworkSimulator, SimulatorOptions } from '../kit/types.js';
import { createMetaSimulatorBase } from '../meta/base.js';
import { createContainerWorld } from '../meta/containers.js';
import { registerInstagramMedia } from './media.js';
import { registerInstagramOAuth } from './oauth.js';
import { registerInstagramReads } from './reads.js';

const PATHS = SANDBOX_ENDPOINTS.instagram;

/**
 * A local Instagram (Instagram API with Instagram Login) for tests and sandbox mode, at
 * SANDBOX_ENDPOINTS.instagram below `basePath`: login with short- and long-lived tokens and their refresh,
 * the professional profile, containers (JPEG images fetched from their URL, videos by resumable upload,
 * carousels of 2–10, stories) with IN_PROGRESS → FINISHED polling, publishing, newest media, insights and
 * comments. Every Graph and upload request passes the fault plan first.
 */
export function createInstagramSimulator(options: SimulatorOptions): NetworkSimulator {
  const root = graphRoot(PATHS.apiUrl);
  const { sim, router, tokens } = createMetaSimulatorBase(options, [root, PATHS.uploadUrl]);
  // Reference §3: JPEG is the only image format; carousels hold at most 10 items.
  const world = createContainerWorld({ jpegOnly: true, maxChildren: 10 });
  registerInstagramOAuth(router, sim, tokens);
  registerInstagramMedia(router, sim, world, options.baseUrl);
  // Last: `/:objectId` would otherwise shadow the edges above.
  registerInstagramReads(router, sim, world, options.baseUrl);
  return sim;
}
