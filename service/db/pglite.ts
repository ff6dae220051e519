import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { acquirePidLock } from './pid-lock.js';

/** An open embedded database and how to shut it down (after the knex pool is destroyed). */
export interface OpenPglite {
  pglite: PGlite;
  close(): Promise<void>;
}

/**
 * Opens PGlite persisted in `dataDir/pglite` (guarded by `dataDir/pglite.lock`), or in memory when
 * `dataDir` is `null` (tests without a Postgres server).
 */
export async function openPglite(dataDir: string | null): Promise<OpenPglite> {
  if (dataDir === null) {
    const pglite = await PGlite.create();
    return { pglite, close: () => pglite.close() };
  }
  mkdirSync(dataDir, { recursive: true });
  const lock = acquirePidLock(join(dataDir, 'pglite.lock'), `The embedded database in ${join(dataDir, 'pglite')}`);
  try {
    const pglite = await PGlite.create(join(dataDir, 'pglite'));
    return {
      pglite,
      async close() {
        try {
          await pglite.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
