import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { silentLogger } from '../../logger.js';
import { LocalStorage } from '../../storage/local.js';
import type { PublisherDeps } from '../types.js';
import { TEST_TOKEN_KEYS } from './fixtures.js';
import { testDirectory } from './test-platform.js';

/** Publisher deps for tests: the schema's knex, the fake network's directory, a throwaway media folder. */
export function testPublisherDeps(knex: Knex, networkUrl: string, overrides: Partial<PublisherDeps> = {}): PublisherDeps {
  return {
    knex,
    config: { tokenKeys: TEST_TOKEN_KEYS, publicUrl: 'http://localhost:8787' },
    logger: silentLogger,
    storage: new LocalStorage({ dir: mkdtempSync(join(tmpdir(), 'minopa-publisher-')), appSecret: 'test-secret-that-is-long-enough-0123456789', publicUrl: 'http://localhost:8787' }),
    platforms: testDirectory(networkUrl),
    ...overrides,
  };
}
