import { Readable } from 'node:stream';
import type { FailureKind } from '#shared/platforms.js';
import { PlatformError, type VendorDetails } from './errors.js';

/** A request to a network's API. Exactly one of json, form or body. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  query?: Record<string, string | number | boolean | undefined | null>;
  headers?: Record<string, string>;
  /** Sent as `Authorization: Bearer …`. */
  bearer?: string;
  json?: unknown;
  form?: Record<string, string | undefined>;
  body?: Buffer | Uint8Array | Readable | FormData;
  /**
   * This request creates something that cannot be taken back (the post itself). A timeout, a dropped
   * connection or a gateway 5xx then means "we do not know whether it happened": unknown_outcome, so the
   * publisher reconciles instead of resending. Everything else (uploads, status polls, reads) is
   * transient when it fails that way.
   */
  irreversible?: boolean;
  /** Default 30 s; uploads pass more. */
  timeoutMs?: number;
  /** Statuses that are answers, not errors (e.g. 404 from a "does it exist?" check, 308 from a resumable upload probe). */
  accept?: number[];
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer is JSON, else null. */
  json: unknown;
  text: string;
  requestId: string | null;
}

/**
 * How an adapter reads a network's error answers: the vendor's code and message, and the kind when the
 * vendor code decides it (e.g. Graph code 190 → auth, 506 → invalid_content "duplicate"). Return
 * `kind: undefined` to keep the default decided from the HTTP status.
 */
export type VendorErrorReader = (status: number, body: unknown, headers: Headers) => VendorDetails & { kind?: FailureKind; message?: string; retryAfterMs?: number };

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
}

/** Headers networks put their request id in (X, Meta, LinkedIn, TikTok, Google). */
const REQUEST_ID_HEADERS = ['x-request-id', 'x-transaction-id', 'x-fb-trace-id', 'x-li-uuid', 'x-tt-logid', 'x-goog-request-id', 'request-id'];

/**
 * The one HTTP client of platform adapters: timeouts, the caller's abort signal, request ids, and every
 * failure turned into a PlatformError of the right kind. `readVendorError` is the adapter's reader.
 */
export function createHttpClient(options: { readVendorError: VendorErrorReader; signal?: AbortSignal; fetch?: typeof fetch }): HttpClient {
  const doFetch = options.fetch ?? fetch;
  return {
    async request(request) {
      const url = new URL(request.url);
      for (const [key, value] of Object.entries(request.query ?? {})) {
        if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
      }
      const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
      if (request.bearer) headers.authorization = `Bearer ${request.bearer}`;
      let body: RequestInit['body'];
      if (request.json !== undefined) {
        headers['content-type'] ??= 'application/json';
        body = JSON.stringify(request.json);
      } else if (request.form) {
        const form = new URLSearchParams();
        for (const [key, value] of Object.entries(request.form)) if (value !== undefined) form.set(key, value);
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = form.toString();
      } else if (request.body instanceof Readable) {
        body = Readable.toWeb(request.body) as unknown as RequestInit['body'];
      } else if (request.body) {
        body = request.body as RequestInit['body'];
      }
      const timeout = AbortSignal.timeout(request.timeoutMs ?? 30_000);
      const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
      let response: Response;
      let text: string;
      try {
        response = await doFetch(url, { method: request.method, headers, body, signal, redirect: 'manual', ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);
        text = await response.text();
      } catch (error) {
        if (options.signal?.aborted) throw error;
        const what = timeout.aborted ? 'did not answer in time' : 'could not be reached';
        throw request.irreversible
          ? new PlatformError('unknown_outcome', `The network ${what} after we sent the post, so we do not know yet whether it was published. We will check before trying again.`)
          : new PlatformError('transient', `The network ${what}. We will try again.`);
      }
      const requestId = REQUEST_ID_HEADERS.map((name) => response.headers.get(name)).find((value) => value) ?? null;
      let json: unknown = null;
      if (text && (response.headers.get('content-type') ?? '').includes('json')) {
        try {
          json = JSON.parse(text);
        } catch {
          json = null;
        }
      }
      if (response.status < 400 || request.accept?.includes(response.status)) return { status: response.status, headers: response.headers, json, text, requestId };
      throw errorFor(request, response.status, response.headers, json ?? text, requestId, options.readVendorError);
    },
  };
}

function errorFor(request: HttpRequest, status: number, headers: Headers, body: unknown, requestId: string | null, read: VendorErrorReader): PlatformError {
  const vendor = read(status, body, headers);
  const kind = vendor.kind ?? kindFromStatus(status, Boolean(request.irreversible));
  const retryAfterMs = vendor.retryAfterMs ?? (kind === 'rate_limited' ? retryAfter(headers) : null);
  const details: VendorDetails = { httpStatus: status, vendorCode: vendor.vendorCode ?? null, vendorMessage: vendor.vendorMessage ?? null, requestId: vendor.requestId ?? requestId };
  return new PlatformError(kind, vendor.message ?? defaultMessage(kind, vendor.vendorMessage), details, retryAfterMs);
}

/** The default reading of an HTTP status (DESIGN.md convention 4). */
export function kindFromStatus(status: number, irreversible: boolean): FailureKind {
  if (status === 401) return 'auth';
  if (status === 429) return 'rate_limited';
  if (status === 408 || status === 425) return irreversible ? 'unknown_outcome' : 'transient';
  // A gateway error after we sent the post may hide a post that went out.
  if (status >= 500) return irreversible && status !== 501 && status !== 503 ? 'unknown_outcome' : 'transient';
  if (status === 403) return 'auth';
  return 'invalid_content';
}

/** Retry-After (seconds or an HTTP date) or X's x-rate-limit-reset (epoch seconds), in milliseconds from now. */
export function retryAfter(headers: Headers, now = Date.now()): number | null {
  const value = headers.get('retry-after');
  if (value) {
    const seconds = Number(value);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(value);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const reset = Number(headers.get('x-rate-limit-reset'));
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now);
  return null;
}

function defaultMessage(kind: FailureKind, vendorMessage: string | null | undefined): string {
  const said = vendorMessage ? ` The network said: “${vendorMessage}”` : '';
  switch (kind) {
    case 'auth':
      return `The network no longer accepts this account’s connection. Reconnect the account.${said}`;
    case 'rate_limited':
      return `The network asked us to slow down. We will try again when it allows.${said}`;
    case 'invalid_content':
      return `The network refused this post.${said}`;
    case 'transient':
      return `The network had a temporary problem. We will try again.${said}`;
    case 'unknown_outcome':
      return `We do not know whether the network published this post. We will check before trying again.${said}`;
  }
}
