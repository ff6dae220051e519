import { type Bilingual, bilingual } from '#shared/i18n.js';
import type Router from '@koa/router';
import type { AppDeps, AppState } from '../context.js';
import { pendingMigrations } from '../db.js';
import { HttpError } from '../errors.js';

const READY_TIMEOUT_MS = 2_000;

/**
 * `GET /healthz`: the process is alive (no database call, so a slow database does not get it restarted).
 * `GET /readyz`: the database answers and every migration is applied; 503 otherwise, so a load balancer
 * sends no traffic to an instance that cannot serve it.
 */
export function registerHealth(router: Router<AppState>, deps: AppDeps): void {
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    let problem: Bilingual | undefined;
    try {
      const pending = await withTimeout(pendingMigrations(deps.db.knex), READY_TIMEOUT_MS);
      if (pending.length > 0) {
        problem = bilingual({ en: 'The database schema is not current: {count} migration(s) pending.', de: 'Das Datenbankschema ist nicht aktuell: {count} Migration(en) ausstehend.' }, { count: pending.length });
      }
    } catch (error) {
      ctx.state.log.warn('readiness check failed', { error });
      problem = { en: 'The database is not reachable.', de: 'Die Datenbank ist nicht erreichbar.' };
    }
    if (problem) throw new HttpError('service_unavailable', problem);
    ctx.body = { status: 'ready', database: deps.db.kind };
  });
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
