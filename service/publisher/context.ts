import { PLATFORM_NAMES, type PlatformId } from '#shared/platforms.js';
import type { Logger } from '../logger.js';
import { type PlatformAccess, type PlatformDirectory, platformAccess } from '../platforms/directory.js';
import { PlatformError } from '../platforms/lib/errors.js';

export type { PlatformAccess } from '../platforms/directory.js';

/**
 * platformAccess for publishing: a network not offered on this server (production without its client
 * id) is a transient failure — the operator may still configure it, and the retries say so meanwhile.
 */
export function publishAccess(platforms: PlatformDirectory, id: PlatformId, log: Logger, signal?: AbortSignal): PlatformAccess {
  const access = platformAccess(platforms, id, log, signal);
  if (!access) {
    throw new PlatformError('transient', `${PLATFORM_NAMES[id]} is not set up on this Minopa server yet. Ask its operator to configure it; we will keep trying.`);
  }
  return access;
}
