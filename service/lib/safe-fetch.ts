import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { classifyAddress, describeRange, parseAllowlist } from './safe-fetch-address.js';

/**
 * GET from an address someone else gave us (a captured image, a Google avatar) without letting it reach
 * our own network (SSRF). Every hop — the first request and each redirect, followed by hand, at most 5 —
 * must be http(s); its host is resolved by us, every resolved address is checked (safe-fetch-address.ts),
 * and the connection is made to exactly those checked addresses (a pinned lookup), so a DNS answer that
 * changes between check and connect (rebinding) cannot slip through. One deadline covers DNS, connect,
 * redirects and the body.
 */

/** A hostname resolver: tests map names to chosen addresses without touching real DNS. */
export type Resolve = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export interface SafeFetchOptions {
  /** Deadline for everything, body included. */
  timeoutMs: number;
  maxRedirects?: number;
  /** CIDRs allowed although private (tests and local development only; config refuses it in production). */
  allowedAddresses?: readonly string[];
  resolve?: Resolve;
  headers?: Record<string, string>;
}

/** A response whose body is still to be read; destroy `body` if it is not read to the end. */
export interface SafeResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The address that answered (after redirects). */
  url: string;
  body: Readable;
}

export type SafeFetchFailure = 'blocked_address' | 'bad_url' | 'too_many_redirects' | 'timeout' | 'host_not_found' | 'network';

/** Why a fetch was refused or failed; `reason` is stable, the message is for logs and people. */
export class SafeFetchError extends Error {
  constructor(
    readonly reason: SafeFetchFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SafeFetchError';
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const defaultResolve: Resolve = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Fetches `url` with GET under the guard; resolves once the final response's headers arrive. */
export async function safeFetch(url: string, options: SafeFetchOptions): Promise<SafeResponse> {
  const allowlist = parseAllowlist(options.allowedAddresses ?? []);
  const resolve = options.resolve ?? defaultResolve;
  const maxRedirects = options.maxRedirects ?? 5;
  let current: IncomingMessage | null = null;
  let request: http.ClientRequest | null = null;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    const error = new SafeFetchError('timeout', `No complete answer within ${options.timeoutMs} ms.`);
    request?.destroy(error);
    current?.destroy(error);
  }, options.timeoutMs);

  try {
    let target = parseTarget(url);
    for (let redirects = 0; ; redirects++) {
      const addresses = await checkedAddresses(target, resolve, allowlist);
      if (timedOut) throw new SafeFetchError('timeout', `No complete answer within ${options.timeoutMs} ms.`);
      const response: IncomingMessage = await new Promise((resolveResponse, reject) => {
        const client = target.protocol === 'https:' ? https : http;
        request = client.request(target, {
          method: 'GET',
          agent: false,
          lookup: pinnedLookup(addresses),
          headers: { 'User-Agent': 'Minopa/1 (media import)', Accept: '*/*', ...options.headers },
        });
        request.once('response', resolveResponse);
        request.once('error', reject);
        request.end();
      });
      current = response;
      const location = response.headers.location;
      if (!REDIRECTS.has(response.statusCode ?? 0) || !location) break;
      response.destroy();
      if (redirects >= maxRedirects) throw new SafeFetchError('too_many_redirects', `More than ${maxRedirects} redirects.`);
      target = parseTarget(location, target);
    }
    const body = current;
    body.once('close', () => clearTimeout(timer));
    return { status: body.statusCode ?? 0, headers: body.headers, url: target.href, body };
  } catch (error) {
    clearTimeout(timer);
    current?.destroy();
    throw toSafeFetchError(error, timedOut, options.timeoutMs);
  }
}

function parseTarget(location: string, base?: URL): URL {
  let target: URL;
  try {
    target = new URL(location, base);
  } catch {
    throw new SafeFetchError('bad_url', 'The address is not a valid URL.');
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new SafeFetchError('bad_url', `Only http and https addresses can be fetched, not ${target.protocol.replace(/:$/, '')}.`);
  }
  if (target.username || target.password) throw new SafeFetchError('bad_url', 'Addresses with a user name or password are not fetched.');
  return target;
}

/** Resolves the target's host (an IP literal stands for itself) and refuses if any address is not public. */
async function checkedAddresses(target: URL, resolve: Resolve, allowlist: ReturnType<typeof parseAllowlist>) {
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTFOUND' || code === 'EAI_NONAME' || code === 'ENODATA') throw new SafeFetchError('host_not_found', `${host} does not resolve.`);
      throw new SafeFetchError('network', `${host} could not be resolved (${code ?? 'error'}).`);
    }
  }
  if (addresses.length === 0) throw new SafeFetchError('host_not_found', `${host} does not resolve.`);
  // One refused address refuses the host: a name that mixes public and private answers is a rebinding attempt.
  for (const { address } of addresses) {
    const verdict = classifyAddress(address, allowlist);
    if (!verdict.allowed) throw new SafeFetchError('blocked_address', `${host} is ${describeRange(verdict.range)} (${address}), which the service does not fetch from.`);
  }
  return addresses;
}

/** A lookup that answers with the already-checked addresses only, in whichever form Node asks for. */
function pinnedLookup(addresses: Array<{ address: string; family: number }>): LookupFunction {
  return (_hostname, options, callback) => {
    const wanted = options.family === 4 || options.family === 6 ? addresses.filter((entry) => entry.family === options.family) : addresses;
    const list = wanted.length > 0 ? wanted : addresses;
    if (options.all) (callback as (error: null, list: typeof addresses) => void)(null, list);
    else callback(null, list[0]!.address, list[0]!.family);
  };
}

function toSafeFetchError(error: unknown, timedOut: boolean, timeoutMs: number): SafeFetchError {
  if (error instanceof SafeFetchError) return error;
  if (timedOut) return new SafeFetchError('timeout', `No complete answer within ${timeoutMs} ms.`);
  const code = (error as NodeJS.ErrnoException).code;
  return new SafeFetchError('network', `The connection failed (${code ?? (error as Error).message}).`);
}
