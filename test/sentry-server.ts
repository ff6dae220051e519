import { createServer, type IncomingMessage, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';

/** One item of an envelope the server received: its type and its JSON payload. */
export interface SentryItem {
  type: string;
  payload: Record<string, unknown>;
}

/** One envelope as received, with the query's sentry_key (the DSN's public key) and the request's headers. */
export interface SentryEnvelope {
  projectId: string;
  key: string | null;
  header: Record<string, unknown>;
  items: SentryItem[];
  headers: IncomingMessage['headers'];
}

/** A local server that speaks Sentry's ingestion protocol for envelopes (what every current SDK sends). */
export interface SentryServer {
  /** A DSN pointing at this server for `projectId`. */
  dsn(projectId?: string): string;
  envelopes: SentryEnvelope[];
  /** The error events received, newest last. */
  events(): Array<Record<string, unknown>>;
  /** Resolves once `count` events arrived (or rejects after `timeoutMs`). */
  waitForEvents(count: number, timeoutMs?: number): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

/**
 * Starts a server accepting `POST /api/{projectId}/envelope/` as Sentry's ingestion does: a
 * newline-delimited envelope (header line, then item header and payload pairs), gzip when the SDK
 * compressed it, CORS for browser SDKs. Answers 200 with the event id, as Sentry does.
 */
export async function startSentryServer(): Promise<SentryServer> {
  const envelopes: SentryEnvelope[] = [];
  const server: Server = createServer((request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', '*');
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = /^\/api\/(\d+)\/envelope\/?$/.exec(url.pathname);
    if (request.method !== 'POST' || !match) return void response.writeHead(404).end();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        let body = Buffer.concat(chunks);
        if (request.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
        const envelope = parseEnvelope(body.toString('utf8'));
        envelopes.push({ projectId: match[1]!, key: url.searchParams.get('sentry_key'), headers: request.headers, ...envelope });
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: envelope.header.event_id ?? null }));
      } catch (error) {
        response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ detail: (error as Error).message }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const events = () => envelopes.flatMap((envelope) => envelope.items.filter((item) => item.type === 'event').map((item) => item.payload));
  return {
    dsn: (projectId = '42') => `http://publickey@127.0.0.1:${port}/${projectId}`,
    envelopes,
    events,
    async waitForEvents(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (events().length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} Sentry events, got ${events().length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return events();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Splits an envelope into its header and items; an item header's `length` (when given) bounds its payload. */
function parseEnvelope(text: string): { header: Record<string, unknown>; items: SentryItem[] } {
  let rest = text;
  const nextLine = (): string => {
    const end = rest.indexOf('\n');
    const line = end === -1 ? rest : rest.slice(0, end);
    rest = end === -1 ? '' : rest.slice(end + 1);
    return line;
  };
  const header = JSON.parse(nextLine()) as Record<string, unknown>;
  const items: SentryItem[] = [];
  while (rest.trim() !== '') {
    const itemHeader = JSON.parse(nextLine()) as { type: string; length?: number };
    let payload: string;
    if (typeof itemHeader.length === 'number') {
      const bytes = Buffer.from(rest, 'utf8');
      payload = bytes.subarray(0, itemHeader.length).toString('utf8');
      rest = bytes.subarray(itemHeader.length).toString('utf8').replace(/^\n/, '');
    } else {
      payload = nextLine();
    }
    items.push({ type: itemHeader.type, payload: payload.trim() === '' ? {} : (JSON.parse(payload) as Record<string, unknown>) });
  }
  return { header, items };
}
