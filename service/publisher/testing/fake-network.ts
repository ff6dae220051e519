import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How the fake network answers one create call:
 * - ok: creates the post, 201;
 * - unavailable: 503 before creating anything (a transient failure);
 * - rate_limited: 429 with `Retry-After: retryAfterSeconds`, nothing created;
 * - created_then_502: creates the post, then answers 502 (the gateway lost the answer: outcome unknown);
 * - hang_after_create: creates the post and never answers (the client times out: outcome unknown);
 * - invalid: 400 with a vendor error code, nothing created;
 * - auth: 401, the token is no longer valid.
 */
export type CreateAnswer = 'ok' | 'unavailable' | 'rate_limited' | 'created_then_502' | 'hang_after_create' | 'invalid' | 'auth';

/** A post as the fake network stores it. */
export interface FakePost {
  id: string;
  key: string;
  account: string;
  text: string;
  media: string[];
  createdAt: Date;
}

/** Options of the fake network. */
export interface FakeNetworkOptions {
  /** Decides each create call's answer (`n` counts the calls for that key, from 1). Default: always ok. */
  answer?: (call: { key: string; n: number }) => CreateAnswer;
  /** Answers of the "does it exist?" lookup: 'ok', or 'unknown' (503: it cannot tell). */
  lookup?: () => 'ok' | 'unknown';
  retryAfterSeconds?: number;
  /** Delay before each answer, like a real network. */
  latencyMs?: number;
}

/** A tiny local network the test adapter talks to over HTTP; it records every call. It never dedupes. */
export interface FakeNetwork {
  url: string;
  posts: FakePost[];
  uploads: { id: string; key: string }[];
  createCalls: { key: string; answer: CreateAnswer }[];
  options: FakeNetworkOptions;
  postsWithKey(key: string): FakePost[];
  close(): Promise<void>;
}

/** Starts the fake network on 127.0.0.1 at an ephemeral port. */
export async function startFakeNetwork(options: FakeNetworkOptions = {}): Promise<FakeNetwork> {
  const network: Omit<FakeNetwork, 'url' | 'close'> = {
    posts: [],
    uploads: [],
    createCalls: [],
    options,
    postsWithKey: (key) => network.posts.filter((post) => post.key === key),
  };
  const server = createServer((request, response) => {
    void handle(network, request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    ...network,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  } as FakeNetwork;
}

async function handle(network: Omit<FakeNetwork, 'url' | 'close'>, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://fake');
  const body = await readJson(request);
  if (network.options.latencyMs) await new Promise((resolve) => setTimeout(resolve, network.options.latencyMs));
  if (request.headers.authorization !== 'Bearer good-token') return send(response, 401, { error: { code: 'token_expired', message: 'The access token expired.' } });
  if (request.method === 'POST' && url.pathname === '/media') {
    const upload = { id: `media-${randomUUID()}`, key: String(body.key) };
    network.uploads.push(upload);
    return send(response, 201, { id: upload.id });
  }
  if (request.method === 'POST' && url.pathname === '/posts') {
    const key = String(request.headers['idempotency-key']);
    const n = network.createCalls.filter((call) => call.key === key).length + 1;
    const answer = network.options.answer?.({ key, n }) ?? 'ok';
    network.createCalls.push({ key, answer });
    const create = () => {
      const post: FakePost = { id: `post-${randomUUID()}`, key, account: String(body.account), text: String(body.text), media: (body.media as string[]) ?? [], createdAt: new Date() };
      network.posts.push(post);
      return { id: post.id, url: `https://fake.example/p/${post.id}` };
    };
    switch (answer) {
      case 'ok':
        return send(response, 201, create());
      case 'unavailable':
        return send(response, 503, { error: { code: 'over_capacity', message: 'Try again later.' } });
      case 'rate_limited':
        return send(response, 429, { error: { code: 'too_many_requests', message: 'Slow down.' } }, { 'retry-after': String(network.options.retryAfterSeconds ?? 1) });
      case 'created_then_502':
        create();
        return send(response, 502, { error: { code: 'bad_gateway', message: 'Upstream went away.' } });
      case 'hang_after_create':
        create();
        return; // never answers; the client's timeout decides
      case 'invalid':
        return send(response, 400, { error: { code: 'duplicate_content', message: 'You already said that.' } });
      case 'auth':
        return send(response, 401, { error: { code: 'token_revoked', message: 'The user revoked access.' } });
    }
  }
  if (request.method === 'GET' && url.pathname === '/posts') {
    if (network.options.lookup?.() === 'unknown') return send(response, 503, { error: { code: 'lookup_unavailable', message: 'Search is down.' } });
    const since = new Date(url.searchParams.get('since') ?? 0);
    return send(response, 200, { data: network.postsWithKey(url.searchParams.get('key') ?? '').filter((post) => post.createdAt >= since) });
  }
  const metrics = /^\/posts\/([^/]+)\/metrics$/.exec(url.pathname);
  if (request.method === 'GET' && metrics) {
    if (!network.posts.some((post) => post.id === metrics[1])) return send(response, 404, { error: { code: 'not_found', message: 'No such post.' } });
    return send(response, 200, { likes: 7, comments: 2, shares: 1, views: 120 });
  }
  send(response, 404, { error: { code: 'not_found', message: 'No such endpoint.' } });
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'x-request-id': randomUUID(), ...headers }).end(JSON.stringify(body));
}
