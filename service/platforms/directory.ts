import type { PlatformId } from '#shared/platforms.js';
import type { Config } from '../config.js';
import { createHttpClient } from './lib/http.js';
import { platformById } from './registry.js';
import { platformSettings } from './settings.js';
import type { Platform, PlatformContext, PlatformSettings } from './types.js';

/**
 * The networks as the service reaches them: each adapter (the registry) and its settings
 * (platformSettings(); null when not offered). Jobs receive it in JobDeps; tests pass their own.
 */
export interface PlatformDirectory {
  adapter(id: PlatformId): Platform;
  settings(id: PlatformId): PlatformSettings | null;
}

/** The service's directory: the registry's adapters with the configured (or sandbox) settings. */
export function platformDirectory(
  config: Pick<Config, 'env' | 'publicUrl' | 'appSecret' | 'platforms'>,
  adapter: (id: PlatformId) => Platform = platformById,
): PlatformDirectory {
  return { adapter, settings: (id) => platformSettings(config, id) };
}

/** An adapter with the context its calls receive. */
export interface PlatformAccess {
  platform: Platform;
  context: PlatformContext;
}

/**
 * The adapter of `id` and a context for it: its settings and the one HTTP client reading that network's
 * errors (DESIGN.md convention 6). Null when the network is not offered on this server (production
 * without its app configured).
 */
export function platformAccess(directory: PlatformDirectory, id: PlatformId, log: PlatformContext['log'], signal?: AbortSignal): PlatformAccess | null {
  const settings = directory.settings(id);
  if (!settings) return null;
  const platform = directory.adapter(id);
  const http = createHttpClient({ readVendorError: platform.readVendorError, ...(signal ? { signal } : {}) });
  return { platform, context: { settings, http, log, ...(signal ? { signal } : {}) } };
}
