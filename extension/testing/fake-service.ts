import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake service received. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** Parsed JSON, or the raw bytes of a non-JSON body (uploads). */
  body: unknown;
}

/** What the fake answers: a status and a JSON body, raw text, or `hang` (never answers). */
export type FakeAnswer =
  | { status: number; json?: unknown; text?: string; contentType?: string }
  | 'hang';

/**
 * A real HTTP server on a free local port, for tests of the extension's API client and offline queue.
 * `answer` decides each response; every request is recorded in `requests`.
 */
export interface FakeService {
  url: string;
  requests: ReceivedRequest[];
  answer: (request: ReceivedRequest) => FakeAnswer;
  close: () => Promise<void>;
}

/** Starts a fake service; close it in `afterAll`/`afterEach`. */
export async function startFakeService(answer: FakeService['answer'] = () => ({ status: 204 })): Promise<FakeService> {
  const hanging = new Set<ServerResponse>();
  const service: FakeService = {
    url: '',
    requests: [],
    answer,
    close: () =>
      new Promise((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((request, response) => {
    // Like the real service: CORS for the extension's origin (the test page's, here), preflight included.
    response.setHeader('Access-Control-Allow-Origin', request.headers.origin ?? '*');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, X-Filename',
        'Access-Control-Max-Age': '600',
      });
      response.end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const raw = bytes.toString('utf8');
      const json = !request.headers['content-type'] || request.headers['content-type'].includes('json');
      const received: ReceivedRequest = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body: raw ? (json ? JSON.parse(raw) : bytes) : undefined,
      };
      service.requests.push(received);
      const reply = service.answer(received);
      if (reply === 'hang') {
        hanging.add(response);
        return;
      }
      const text = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
      response.writeHead(reply.status, { 'Content-Type': reply.contentType ?? 'application/json' });
      response.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  service.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return service;
}

/** A service error body, as the real service sends it. */
export function errorBody(code: string, message: string, fields?: { path: string; message: string }[]) {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}
