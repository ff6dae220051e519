import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import type { AppState } from '../../../context.js';
import { createLogger } from '../../../logger.js';

/** A simulator on its own port, as tests use it in place of a network. */
export interface Standalone {
  /** e.g. http://127.0.0.1:40123 — the simulator's base address. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a simulator's router on 127.0.0.1 and a free port. `build` receives the base URL first, because
 * simulators put their own address in what they answer (upload URLs, avatars).
 */
export async function startStandalone(build: (url: string) => Router<AppState>): Promise<Standalone> {
  let handler: (req: IncomingMessage, res: ServerResponse) => unknown = (_req, res) => res.writeHead(503).end();
  const server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const router = build(url);
  const app = new Koa<AppState>();
  app.silent = true;
  const log = createLogger({ level: 'error' });
  app.use(async (ctx, next) => {
    ctx.state.log = log;
    await next();
  });
  app.use(router.routes()).use(router.allowedMethods());
  handler = app.callback();
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Body parsing for simulator routes: JSON and form bodies as the networks take them; raw bodies (media
 * chunks, resumable uploads) are left to the route, which reads ctx.req itself.
 */
export const simBody = () => bodyParser({ enableTypes: ['json', 'form'], encoding: 'utf-8', jsonLimit: '5mb', formLimit: '5mb' });
