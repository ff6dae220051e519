import type { PlatformId } from '#shared/platforms.js';
import { createFacebookSimulator } from './facebook/index.js';
import { createInstagramSimulator } from './instagram/index.js';
import type { NetworkSimulator, SimulatorOptions } from './kit/types.js';
import { createLinkedInSimulator } from './linkedin/index.js';
import { createPinterestSimulator } from './pinterest/index.js';
import { createThreadsSimulator } from './threads/index.js';
import { createTikTokSimulator } from './tiktok/index.js';
import { createXSimulator } from './x/index.js';
import { createYouTubeSimulator } from './youtube/index.js';

/** Every network's simulator, by id (sandbox mode and tests). */
export const SIMULATORS: Record<PlatformId, (options: SimulatorOptions) => NetworkSimulator> = {
  instagram: createInstagramSimulator,
  facebook: createFacebookSimulator,
  linkedin: createLinkedInSimulator,
  x: createXSimulator,
  threads: createThreadsSimulator,
  tiktok: createTikTokSimulator,
  pinterest: createPinterestSimulator,
  youtube: createYouTubeSimulator,
};
