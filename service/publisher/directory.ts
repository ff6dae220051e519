import type { JobDeps } from '../jobs/types.js';
import { platformDirectory } from '../platforms/directory.js';
import type { PublisherDeps } from './types.js';

/** The publisher's deps out of a job's: the networks given (tests), else the registry with the configured settings. */
export function publisherDepsOf(deps: JobDeps): PublisherDeps {
  return {
    knex: deps.knex,
    config: deps.config,
    logger: deps.logger,
    storage: deps.storage,
    platforms: deps.platforms ?? platformDirectory(deps.config),
    signal: deps.signal,
    metrics: deps.metrics,
  };
}
