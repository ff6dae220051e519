import { ERROR_CODES } from '#shared/error-codes.js';
import type { FuzzOperation } from './operations.js';
import { type FuzzRequest, wellFormed } from './requests.js';
import { withExistingIds } from './schema-arbitraries.js';
import type { World } from './world.js';

/** Longer than this without an answer is a hang. */
export const REQUEST_TIMEOUT_MS = 5_000;

/** What came back, kept short enough for a failure message. */
export interface FuzzResponse {
  status: number;
  contentType: string;
  text: string;
}

/** The concrete request a symbolic one stands for in `world`. */
export function resolve(operation: FuzzOperation, request: FuzzRequest, world: World): { url: string; init: RequestInit } {
  let path = operation.path;
  for (const [name, value] of Object.entries(request.path)) {
    // A name with no real thing of its kind (e.g. a connected account) gets a value valid by its schema.
    const segment = 'raw' in value ? value.raw : (world.ids[value.existing] ?? value.otherwise);
    path = path.replace(`:${name}`, segment);
  }
  const query = request.query.length > 0 ? `?${new URLSearchParams(request.query.map(([key, text]): [string, string] => [wellFormed(key), wellFormed(text)]))}` : '';
  const headers: Record<string, string> = { ...request.headers };
  if (request.auth === 'user') headers.authorization = `Bearer ${world.token}`;
  else if (request.auth !== 'none') headers.authorization = `Bearer ${request.auth.garbage}`;
  let body: RequestInit['body'];
  if (request.body && 'json' in request.body) {
    body = JSON.stringify(withExistingIds(request.body.json, world.ids));
    headers['content-type'] = 'application/json';
  } else if (request.body && 'text' in request.body) {
    body = request.body.text;
    headers['content-type'] = request.body.contentType;
  } else if (request.body && 'image' in request.body) {
    body = world.image;
    headers['content-type'] = request.body.contentType;
  } else if (request.body) {
    body = request.body.bytes;
    headers['content-type'] = request.body.contentType;
  }
  return { url: path + query, init: { method: operation.method, headers, body, redirect: 'manual' } };
}

/** Sends a request; throws when there is no answer (head and body) within REQUEST_TIMEOUT_MS. */
export async function send(baseUrl: string, url: string, init: RequestInit): Promise<FuzzResponse> {
  try {
    const response = await fetch(baseUrl + url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') throw new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s (a hang)`);
    throw error;
  }
}

/**
 * What the fuzz run demands of every answer, as a list of what is wrong (empty: fine): never a 5xx; a
 * 4xx in JSON is `{ error: { code, message } }` with a stable code (snake_case, listed in
 * shared/error-codes.ts) and a sentence; the JSON API answers nothing else, while pages may answer an
 * HTML (or, dev tools, plain text) error page instead.
 */
export function problemsOf(operation: FuzzOperation, response: FuzzResponse): string[] {
  if (response.status >= 500) return [`answered ${response.status}`];
  if (response.status < 400) return [];
  // Pages and OAuth callbacks (not in the API description) answer people: an HTML page, or plain text on dev tools.
  if (!operation.openApi && /^text\/(html|plain)/.test(response.contentType)) return response.text.trim() ? [] : [`an empty ${response.status} page`];
  if (!response.contentType.includes('json')) return [`a ${response.status} of type "${response.contentType}" instead of a JSON error`];
  let body: { error?: { code?: unknown; message?: unknown } };
  try {
    body = JSON.parse(response.text) as typeof body;
  } catch {
    return [`a ${response.status} whose JSON does not parse`];
  }
  const problems: string[] = [];
  const { code, message } = body?.error ?? {};
  if (typeof code !== 'string' || !/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(code)) problems.push(`error.code ${JSON.stringify(code)} is not a snake_case code`);
  else if (!(ERROR_CODES as readonly string[]).includes(code)) problems.push(`error.code "${code}" is not one of shared/error-codes.ts`);
  if (typeof message !== 'string' || message.trim().length < 3 || !/\s/.test(message.trim()) || message === code) {
    problems.push(`error.message ${JSON.stringify(message)} is not a sentence`);
  }
  return problems;
}

/** The request in a failure message: method, address, who asked, headers and body (cut short). */
export function describe(operation: FuzzOperation, url: string, init: RequestInit, request: FuzzRequest): string {
  const headers = { ...(init.headers as Record<string, string>) };
  if (request.auth === 'user') headers.authorization = 'Bearer <the fuzz user>';
  const body =
    init.body === undefined
      ? '(none)'
      : typeof init.body === 'string'
        ? JSON.stringify(cut(init.body))
        : request.body && 'image' in request.body
          ? 'a real PNG image'
          : `${(init.body as Uint8Array).length} bytes ${Buffer.from(init.body as Uint8Array).subarray(0, 24).toString('hex')}…`;
  return `${operation.method} ${operation.path}\n  sent: ${operation.method} ${cut(url)}\n  headers: ${JSON.stringify(headers)}\n  body: ${body}`;
}

function cut(text: string): string {
  return text.length > 600 ? `${text.slice(0, 600)}… (${text.length} characters)` : text;
}
