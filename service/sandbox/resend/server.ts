import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { contactStore, type SandboxContact } from './contacts.js';
import { loadResendSpec } from './spec.js';

export type { SandboxContact } from './contacts.js';

/** An email the sandbox accepted (what Resend would have delivered). */
export interface SandboxEmail {
  id: string;
  idempotencyKey: string | null;
  from: string;
  to: string[];
  subject: string;
  html?: string;
  text?: string;
  headers: Record<string, string>;
  createdAt: string;
}

/** Every request that reached the sandbox, with the status it got. */
export interface SandboxRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  status: number;
}

/** A failure to answer instead of handling the next POST /emails (e.g. 429 with Retry-After, or 500). */
export interface SandboxFault {
  status: number;
  /** Resend's error name; default from the status. */
  name?: string;
  message?: string;
  /** Sent as the Retry-After header (seconds). */
  retryAfterSeconds?: number;
}

/** A running Resend sandbox. */
export interface ResendSandbox {
  /** Give this to `new Resend(key, { baseUrl })` / RESEND_BASE_URL. */
  url: string;
  /** The API key it accepts (any `re_…` key when not fixed). */
  apiKey: string;
  /** Accepted emails, oldest first (an idempotent replay adds nothing). */
  emails: SandboxEmail[];
  requests: SandboxRequest[];
  /** Answers the next POST /emails requests with these failures, in order. */
  failNext(...faults: SandboxFault[]): void;
  /** Contacts as Resend holds them (tests read them, or change one to simulate an edit made at Resend). */
  contacts: SandboxContact[];
  /** Answers the next contacts requests (any of them) with these failures, in order. */
  failNextContactRequests(...faults: SandboxFault[]): void;
  /** Forgets every email, request and pending fault. */
  reset(): void;
  close(): Promise<void>;
}

/** Options of the sandbox. */
export interface ResendSandboxOptions {
  port?: number;
  host?: string;
  /** The one key accepted; default `re_sandbox_key`. */
  apiKey?: string;
}

type Reply = { status: number; body: unknown; headers?: Record<string, string> };

const ERROR_NAMES: Record<number, string> = { 400: 'validation_error', 401: 'missing_api_key', 403: 'invalid_api_key', 404: 'not_found', 409: 'invalid_idempotent_request', 422: 'validation_error', 429: 'rate_limit_exceeded', 500: 'internal_server_error' };

/** Resend's error body: `{ statusCode, name, message }` (what the SDK hands back as `error`). */
function resendError(status: number, message: string, name = ERROR_NAMES[status] ?? 'application_error', headers?: Record<string, string>): Reply {
  return { status, body: { statusCode: status, name, message }, headers };
}

// Resend's own format checks, beyond the OpenAPI document: `email@domain` or `Name <email@domain>`.
const ADDRESS = /^(?:[^<>]*<\s*[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+\s*>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

/**
 * A local server speaking Resend's HTTP API for what Minopa calls: POST /emails (validated against
 * Resend's OpenAPI document with openapi-backend, plus Resend's documented address and idempotency
 * rules) and GET /emails/{id}; the contacts calls of the sync-email-contacts job (contacts.ts). Anything
 * else the spec knows answers 404 `not_found`.
 * Idempotency-Key: the same key and body returns the first email's id and sends nothing; the same key
 * with another body is 409 `invalid_idempotent_request`, as at Resend.
 */
export async function startResendSandbox(options: ResendSandboxOptions = {}): Promise<ResendSandbox> {
  const api = await loadResendSpec();
  const apiKey = options.apiKey ?? 're_sandbox_key';
  const emails: SandboxEmail[] = [];
  const requests: SandboxRequest[] = [];
  const faults: SandboxFault[] = [];
  const contactFaults: SandboxFault[] = [];
  const contacts = contactStore();
  const byKey = new Map<string, { body: unknown; id: string }>();

  const handle = async (req: IncomingMessage): Promise<Reply> => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return resendError(400, 'The request body is not valid JSON.', 'validation_error');
    }
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ')) return resendError(401, 'Missing API key in the authorization header.');
    if (auth.slice(7) !== apiKey) return resendError(403, 'API key is invalid.');
    const request = { method: req.method ?? 'GET', path: url.pathname, headers: req.headers as Record<string, string>, query: Object.fromEntries(url.searchParams), body };
    const operation = api.matchOperation(request);
    if (!operation) return resendError(404, 'Route not found.');
    const validation = api.validateRequest(request, operation);
    if (!validation.valid) {
      const first = validation.errors?.[0];
      return resendError(422, `Invalid request: ${first ? `${first.instancePath || '/'} ${first.message}` : 'does not match the API'}.`);
    }
    if (operation.operationId === 'emails/send') return sendEmail(body as Record<string, unknown> | undefined, header(req, 'idempotency-key'));
    if (operation.operationId === 'emails/get') {
      const email = emails.find((candidate) => candidate.id === url.pathname.split('/')[2]);
      return email ? { status: 200, body: { object: 'email', ...email, created_at: email.createdAt } } : resendError(404, 'Email not found.');
    }
    if (operation.operationId?.startsWith('contacts/')) {
      const fault = contactFaults.shift();
      if (fault) return faultReply(fault);
      const reply = contacts.handle(operation.operationId, url.pathname, body as Record<string, unknown> | undefined);
      if (reply) return 'error' in reply ? resendError(reply.error.status, reply.error.message, reply.error.name) : reply;
    }
    return resendError(404, `The Resend sandbox does not implement ${operation.operationId}.`);
  };

  const faultReply = (fault: SandboxFault): Reply => {
    const headers = fault.retryAfterSeconds === undefined ? undefined : { 'retry-after': String(fault.retryAfterSeconds) };
    return resendError(fault.status, fault.message ?? `Simulated ${fault.status}.`, fault.name, headers);
  };

  const sendEmail = (body: Record<string, unknown> | undefined, idempotencyKey: string | null): Reply => {
    const fault = faults.shift();
    if (fault) return faultReply(fault);
    // The document leaves the body optional; Resend does not.
    if (!body) return resendError(422, 'Missing `to` field.', 'missing_required_field');
    const to = (Array.isArray(body.to) ? body.to : [body.to]) as string[];
    if (!ADDRESS.test(String(body.from))) return resendError(422, 'Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.');
    const badTo = to.find((address) => !ADDRESS.test(address));
    if (badTo !== undefined) return resendError(422, `Invalid \`to\` field. The email address needs to follow the \`email@example.com\` or \`Name <email@example.com>\` format.`);
    if (body.html === undefined && body.text === undefined && body.template === undefined) return resendError(422, 'Missing `html` or `text` field.', 'missing_required_field');
    if (idempotencyKey !== null) {
      const seen = byKey.get(idempotencyKey);
      if (seen && !isDeepStrictEqual(seen.body, body)) {
        return resendError(409, 'Same idempotency key used with a different request payload. Change your idempotency key or payload.', 'invalid_idempotent_request');
      }
      if (seen) return { status: 200, body: { id: seen.id } };
    }
    const email: SandboxEmail = {
      id: randomUUID(),
      idempotencyKey,
      from: String(body.from),
      to,
      subject: String(body.subject),
      ...(typeof body.html === 'string' ? { html: body.html } : {}),
      ...(typeof body.text === 'string' ? { text: body.text } : {}),
      headers: (body.headers as Record<string, string> | undefined) ?? {},
      createdAt: new Date().toISOString(),
    };
    emails.push(email);
    if (idempotencyKey !== null) byKey.set(idempotencyKey, { body, id: email.id });
    return { status: 200, body: { id: email.id } };
  };

  const server: Server = createServer((req, res) => {
    handle(req)
      .catch((error: unknown) => resendError(500, `Sandbox error: ${(error as Error).message}`))
      .then((reply) => {
        requests.push({ method: req.method ?? '', path: req.url ?? '', idempotencyKey: header(req, 'idempotency-key'), status: reply.status });
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(JSON.stringify(reply.body));
      });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    apiKey,
    emails,
    requests,
    failNext: (...more) => void faults.push(...more),
    contacts: contacts.contacts,
    failNextContactRequests: (...more) => void contactFaults.push(...more),
    reset() {
      emails.length = 0;
      requests.length = 0;
      faults.length = 0;
      contactFaults.length = 0;
      contacts.reset();
      byKey.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

