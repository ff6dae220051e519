import { type Config, ConfigError, loadConfig } from '../../service/config.js';
import { type Database, migrateLatest, openDatabase } from '../../service/db.js';

/** An error the operator caused (a setting, an argument, a refused action): its sentence is enough. */
type Refusal = abstract new (...args: never[]) => Error;

/**
 * How the operator scripts (npm run migrate, legal, breach, privacy-requests, rotate-keys) use the
 * database: the service's configuration, one connection, migrated first (unless `migrate: false`) as the
 * service does at boot, always closed. A configuration problem or one of `refusals` prints its sentence
 * and exits 1 instead of a stack trace.
 */
export async function withDatabase(run: (db: Database, config: Config) => Promise<void>, options: { migrate?: boolean; refusals?: Refusal[] } = {}): Promise<void> {
  try {
    const config = loadConfig();
    const db = await openDatabase(config, { poolMax: 1 });
    try {
      if (options.migrate !== false) await migrateLatest(db.knex);
      await run(db, config);
    } finally {
      await db.close();
    }
  } catch (error) {
    if (error instanceof ConfigError || (options.refusals ?? []).some((refusal) => error instanceof refusal)) {
      console.error((error as Error).message);
      process.exit(1);
    }
    throw error;
  }
}
