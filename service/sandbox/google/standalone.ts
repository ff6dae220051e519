import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import type { AppState } from '../../context.js';
import { createLogger } from '../../logger.js';
import { createGoogleSandbox } from './provider.js';
import type { GoogleSandbox, RequestChecker, SandboxClient } from './types.js';

/** A sandbox on its own port, as tests use it in place of Google. */
export interface StandaloneGoogleSandbox extends GoogleSandbox {
  /** Base URL and issuer, e.g. http://127.0.0.1:40123 */
  url: string;
  close(): Promise<void>;
}

/** Starts a Google sandbox on 127.0.0.1 and a free port, serving `clients`. Close it after the tests. */
export async function startGoogleSandbox(options: { clients: SandboxClient[]; checkRequest?: RequestChecker }): Promise<StandaloneGoogleSandbox> {
  let handler: (req: IncomingMessage, res: ServerResponse) => unknown = (_req, res) => res.writeHead(503).end();
  const server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sandbox = createGoogleSandbox({ issuer: url, basePath: '', clients: options.clients, checkRequest: options.checkRequest });
  const app = new Koa<AppState>();
  app.silent = true;
  const log = createLogger({ level: 'error' });
  app.use(async (ctx, next) => {
    ctx.state.log = log;
    await next();
  });
  app.use(sandbox.router.routes());
  handler = app.callback();
  return Object.assign(sandbox, {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
