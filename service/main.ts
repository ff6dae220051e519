import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { syncLegalDocuments } from './actions/sync-legal-documents.js';
import { createApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { type Database, migrateLatest, openDatabase } from './db.js';
import { startScheduler } from './jobs/scheduler.js';
import { createStorage } from './storage/index.js';
import { createErrorReporter } from './lib/error-reporting.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics } from './metrics/service-metrics.js';
import { INSTANCE_ID } from './lib/instance-id.js';
import { shutDown } from './shutdown/graceful-shutdown.js';
import { trackConnections } from './shutdown/connections.js';
import { answerClientErrors } from './lib/client-errors.js';

/** How to start; everything is optional (the environment decides by default). */
export interface StartOptions {
  /** Environment to read the configuration from (default `process.env`); ignored when `config` is given. */
  env?: NodeJS.ProcessEnv;
  config?: Config;
  logger?: Logger;
  /** Run the scheduled jobs (service/jobs/schedule.ts)? Default: JOBS_ENABLED (true unless set false). */
  jobs?: boolean;
}

/** A running service. */
export interface RunningService {
  /** Where it listens, e.g. http://127.0.0.1:8787. */
  url: string;
  /** The configuration in effect (with the actual port, and PUBLIC_URL following it unless set). */
  config: Config;
  server: Server;
  db: Database;
  /** Stops accepting requests and claiming work, lets what is in flight finish (SHUTDOWN_TIMEOUT_MS at most), releases leases, closes the database. */
  close(): Promise<void>;
}

/** Loads the configuration, opens and migrates the database, publishes the legal documents, listens. */
export async function startService(options: StartOptions = {}): Promise<RunningService> {
  const initial = options.config ?? loadConfig(options.env);
  const logger = options.logger ?? createLogger({ level: initial.logLevel });
  const db = await openDatabase(initial);
  try {
    const applied = await migrateLatest(db.knex);
    if (applied.length > 0) logger.info('database migrated', { applied });
    await syncLegalDocuments(db.knex);
    // The app needs the actual port (PORT=0) for its public URL, so it is built once the server listens.
    let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
    const server = createServer((req, res) => handle(req, res));
    const connections = trackConnections(server);
    answerClientErrors(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(initial.port, initial.host, () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const config: Config = { ...initial, port, publicUrl: initial.publicUrlExplicit ? initial.publicUrl : `http://localhost:${port}` };
    // One storage for requests and jobs (media files: DATA_DIR/media or the S3 bucket).
    const storage = createStorage(config);
    const errorReporter = config.sentryDsn ? createErrorReporter({ dsn: config.sentryDsn, environment: config.env }) : undefined;
    // One metrics registry for requests and jobs, so one scrape shows both.
    const metrics = createMetrics({ knex: db.knex });
    handle = createApp({ config, db, logger, storage, errorReporter, metrics }).callback();
    const scheduler = (options.jobs ?? config.jobsEnabled) ? startScheduler({ knex: db.knex, config, logger, storage, errorReporter, metrics }) : undefined;
    const url = `http://${['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    logger.info(`Minopa service listening on ${url}`, {
      url,
      publicUrl: config.publicUrl,
      database: db.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}/pglite` : 'PostgreSQL (DATABASE_URL)',
      env: config.env,
      // The name this process's leases carry (post_targets.lease_owner), to tell whose a stuck lease is.
      instance: INSTANCE_ID,
    });
    return {
      url,
      config,
      server,
      db,
      // Jobs stop claiming and requests drain together, then leases are given back and the database closes.
      close: () =>
        shutDown({
          server,
          connections,
          scheduler,
          db,
          logger,
          timeoutMs: config.shutdownTimeoutMs ?? 20_000,
          flush: async () => {
            await errorReporter?.close();
          },
        }),
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

// `node --import tsx service/main.ts`: run until SIGINT/SIGTERM, then close cleanly.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const service = await startService();
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      console.log(JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: `${signal}: shutting down` }));
      service.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}
