import type { PlatformId } from '#shared/platforms.js';
import { facebookPlatform } from './facebook/index.js';
import { instagramPlatform } from './instagram/index.js';
import { linkedinPlatform } from './linkedin/index.js';
import { pinterestPlatform } from './pinterest/index.js';
import { threadsPlatform } from './threads/index.js';
import { tiktokPlatform } from './tiktok/index.js';
import type { Platform } from './types.js';
import { xPlatform } from './x/index.js';
import { youtubePlatform } from './youtube/index.js';

/** Every network adapter, by id (DESIGN.md: registry.ts). A new network fails to compile until it is here. */
export const PLATFORMS: Record<PlatformId, Platform> = {
  instagram: instagramPlatform,
  facebook: facebookPlatform,
  linkedin: linkedinPlatform,
  x: xPlatform,
  threads: threadsPlatform,
  tiktok: tiktokPlatform,
  pinterest: pinterestPlatform,
  youtube: youtubePlatform,
};

/** The adapter of a network. */
export function platformById(id: PlatformId): Platform {
  return PLATFORMS[id];
}
