/**
 * The ceiling for `POST …/captures`: a bare Koa route that parses JSON and does one INSERT, nothing else
 * (no auth, no validation, no idempotency). Same database, same driver and pool size as the service.
 */
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import knex from 'knex';
import Koa from 'koa';

const db = knex({ client: 'pg', connection: process.env.DATABASE_URL, pool: { min: 2, max: 10 } });
await db.raw(`CREATE TABLE IF NOT EXISTS bench_ceiling (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(), body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);

const router = new Router();
router.get('/healthz', (ctx) => {
  ctx.body = { ok: true };
});
router.post('/ceiling', async (ctx) => {
  const [row] = await db('bench_ceiling').insert({ body: ctx.request.body }).returning(['id', 'created_at']);
  ctx.status = 201;
  ctx.body = row;
});

const app = new Koa();
app.use(bodyParser()).use(router.routes());
const server = app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => server.close(() => void db.destroy()));
