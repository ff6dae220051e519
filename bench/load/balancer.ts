import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The reverse proxy in front of the instances, as nginx or Caddy would be in production (deploy/). */
export interface Balancer {
  url: string;
  close(): Promise<void>;
}

/**
 * Round-robin over `backends`. A backend that refuses the connection (down, restarting) is skipped and
 * the request goes to the next one — nothing was sent, so even a POST is safe to pass on (nginx's
 * `proxy_next_upstream error`). A backend that dies mid-request answers 502, as a proxy would.
 */
export async function startBalancer(backends: string[]): Promise<Balancer> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;
  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, tries: number) => {
    const backend = new URL(backends[next++ % backends.length]!);
    const upstream = httpRequest(
      { agent, host: backend.hostname, port: backend.port, method: req.method, path: req.url, headers: { ...req.headers, host: backend.host, 'x-forwarded-for': '127.0.0.1' } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED' && tries < backends.length) return forward(req, res, body, tries + 1);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'bad_gateway', message: `The instance did not answer (${error.code ?? error.message}).` } }));
    });
    upstream.end(body);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), 1));
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
