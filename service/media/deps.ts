import type { Knex } from 'knex';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { BlobStorage } from '../storage/index.js';

/** What media actions and jobs work with: the database, the file storage, the configuration and a logger. */
export interface MediaDeps {
  knex: Knex;
  storage: BlobStorage;
  config: Config;
  logger: Logger;
}
