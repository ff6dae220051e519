import { graphRoot } from '../../../platforms/meta/graph.js';
import { SANDBOX_ENDPOINTS } from '../../../platforms/settings.js';
import type { NetworkSimulator, SimulatorOptions } from '../kit/types.js';
import { createMetaSimulatorBase } from '../meta/base.js';
import { createContainerWorld } from '../meta/containers.js';
import { registerThreadsOAuth } from './oauth.js';
import { registerThreadsPosts } from './posts.js';
import { registerThreadsReads } from './reads.js';

/**
 * A local Threads (graph.threads.net) for tests and sandbox mode, at SANDBOX_ENDPOINTS.threads below
 * `basePath`: login with short- and long-lived tokens and their refresh, the profile, containers (text,
 * JPEG/PNG images and videos fetched from their URL, carousels of 2–20, replies chaining a thread) with
 * IN_PROGRESS → FINISHED polling, publishing, newest posts and replies, and post insights. Every Graph
 * request passes the fault plan first.
 */
export function createThreadsSimulator(options: SimulatorOptions): NetworkSimulator {
  const { sim, router, tokens } = createMetaSimulatorBase(options, [graphRoot(SANDBOX_ENDPOINTS.threads.apiUrl)]);
  const world = createContainerWorld({ jpegOnly: false, maxChildren: 20 });
  registerThreadsOAuth(router, sim, tokens);
  registerThreadsPosts(router, sim, world);
  // Last: `/:objectId` would otherwise shadow the edges above.
  registerThreadsReads(router, sim, world, options.baseUrl);
  return sim;
}
