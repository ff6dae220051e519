import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Resolve, SafeFetchError, safeFetch } from './safe-fetch.js';

/**
 * The SSRF guard without the internet: a local origin on 127.0.0.1 and a DNS hook mapping made-up
 * names to chosen addresses. Refused addresses are refused before any connection is made — the origin's
 * request log proves nothing reached it.
 */
let origin: Server;
let port: number;
const hits: string[] = [];

const dns = (table: Record<string, string | string[]>): Resolve => async (hostname) => {
  const entry = table[hostname];
  if (!entry) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return (Array.isArray(entry) ? entry : [entry]).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

/** The test origin is loopback, which the guard refuses unless explicitly allowed. */
const LOCAL_ORIGIN = ['127.0.0.1/32'];

async function refusal(promise: Promise<unknown>): Promise<SafeFetchError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(SafeFetchError);
  return error as SafeFetchError;
}

beforeAll(async () => {
  origin = createServer((request, response) => {
    hits.push(request.url ?? '');
    const url = new URL(request.url ?? '/', 'http://origin');
    if (url.pathname === '/image.png') return void response.writeHead(200, { 'Content-Type': 'image/png' }).end('PNGDATA');
    if (url.pathname === '/to') return void response.writeHead(302, { Location: url.searchParams.get('location')! }).end();
    if (url.pathname === '/hop') {
      const n = Number(url.searchParams.get('n'));
      return void response.writeHead(301, { Location: n > 0 ? `/hop?n=${n - 1}` : '/image.png' }).end();
    }
    if (url.pathname === '/stall') {
      response.writeHead(200, { 'Content-Type': 'image/png' });
      response.write('partial');
      return; // never ends
    }
    if (url.pathname === '/silent') return; // never answers
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  port = (origin.address() as AddressInfo).port;
});

afterAll(async () => {
  origin.closeAllConnections();
  await new Promise((resolve) => origin.close(resolve));
});

beforeEach(() => {
  hits.length = 0;
});

describe('safeFetch refuses every private or local address class', () => {
  it.each([
    ['loopback IPv4', '127.0.0.1'],
    ['loopback IPv6', '::1'],
    ['private 10/8', '10.0.0.7'],
    ['private 172.16/12', '172.20.1.1'],
    ['private 192.168/16', '192.168.0.10'],
    ['unique local IPv6', 'fd00::5'],
    ['link-local', '169.254.10.10'],
    ['the cloud metadata address', '169.254.169.254'],
    ['link-local IPv6', 'fe80::1'],
    ['carrier-grade NAT', '100.64.1.1'],
    ['IPv4-mapped IPv6 of loopback', '::ffff:127.0.0.1'],
    ['IPv4-mapped IPv6 of the metadata address', '::ffff:169.254.169.254'],
    ['unspecified 0.0.0.0', '0.0.0.0'],
    ['unspecified ::', '::'],
    ['multicast', '239.1.1.1'],
  ])('a name resolving to %s (%s)', async (_name, address) => {
    const error = await refusal(safeFetch(`http://images.example.test:${port}/image.png`, { timeoutMs: 2_000, resolve: dns({ 'images.example.test': address }) }));
    expect(error.reason).toBe('blocked_address');
    expect(error.message).toContain(address);
  });

  it.each([
    `http://127.0.0.1:PORT/image.png`,
    `http://[::1]:PORT/image.png`,
    `http://0.0.0.0:PORT/image.png`,
    `http://[::ffff:127.0.0.1]:PORT/image.png`,
    `http://0x7f.1:PORT/image.png`,
    `http://2130706433:PORT/image.png`,
    `http://169.254.169.254/latest/meta-data/`,
    `http://10.1.2.3/image.png`,
  ])('the literal address %s', async (url) => {
    const error = await refusal(safeFetch(url.replace('PORT', String(port)), { timeoutMs: 2_000, resolve: dns({}) }));
    expect(error.reason).toBe('blocked_address');
    expect(hits).toEqual([]);
  });

  it('a name with one public and one private answer (DNS rebinding)', async () => {
    const error = await refusal(
      safeFetch(`http://images.example.test:${port}/image.png`, { timeoutMs: 2_000, resolve: dns({ 'images.example.test': ['93.184.216.34', '10.0.0.1'] }) }),
    );
    expect(error.reason).toBe('blocked_address');
  });
});

describe('safeFetch with the local origin explicitly allowed (as tests configure it)', () => {
  const allowed = { timeoutMs: 2_000, allowedAddresses: LOCAL_ORIGIN, resolve: dns({ 'images.example.test': '127.0.0.1', 'metadata.example.test': '169.254.169.254', 'intranet.example.test': '10.0.0.9' }) };

  it('fetches a public-looking name that resolves to the allowed address', async () => {
    const response = await safeFetch(`http://images.example.test:${port}/image.png`, allowed);
    expect(response.status).toBe(200);
    expect(await text(response.body)).toBe('PNGDATA');
  });

  it.each([
    ['the metadata address by name', 'http://metadata.example.test/latest/meta-data/'],
    ['a private address by name', 'http://intranet.example.test/secret.png'],
    ['loopback IPv6', 'http://[::1]:PORT/image.png'],
    ['another loopback address', 'http://127.0.0.2:PORT/image.png'],
  ])('refuses a redirect to %s', async (_name, location) => {
    const target = encodeURIComponent(location.replace('PORT', String(port)));
    const error = await refusal(safeFetch(`http://images.example.test:${port}/to?location=${target}`, allowed));
    expect(error.reason).toBe('blocked_address');
    expect(hits).toEqual([`/to?location=${target}`]);
  });

  it('refuses a redirect to a non-web scheme', async () => {
    const error = await refusal(safeFetch(`http://images.example.test:${port}/to?location=${encodeURIComponent('file:///etc/passwd')}`, allowed));
    expect(error.reason).toBe('bad_url');
  });

  it('follows 5 redirects and refuses the 6th', async () => {
    expect((await safeFetch(`http://images.example.test:${port}/hop?n=4`, allowed)).status).toBe(200);
    const error = await refusal(safeFetch(`http://images.example.test:${port}/hop?n=5`, allowed));
    expect(error.reason).toBe('too_many_redirects');
  });

  it('connects to the address it checked: a second, different DNS answer is never asked for', async () => {
    let calls = 0;
    const flipping: Resolve = async () => [{ address: calls++ === 0 ? '127.0.0.1' : '10.0.0.1', family: 4 }];
    const response = await safeFetch(`http://images.example.test:${port}/image.png`, { ...allowed, resolve: flipping });
    expect(await text(response.body)).toBe('PNGDATA');
    expect(calls).toBe(1);
  });

  it('gives up at the deadline, whether the origin is silent or stalls mid-body', async () => {
    const silent = await refusal(safeFetch(`http://images.example.test:${port}/silent`, { ...allowed, timeoutMs: 300 }));
    expect(silent.reason).toBe('timeout');
    const stalled = await safeFetch(`http://images.example.test:${port}/stall`, { ...allowed, timeoutMs: 300 });
    await expect(text(stalled.body)).rejects.toThrow(/300 ms/);
  });

  it('reports a name that does not resolve', async () => {
    const error = await refusal(safeFetch('http://nowhere.example.test/x.png', allowed));
    expect(error.reason).toBe('host_not_found');
  });

  it('refuses addresses with credentials and non-web schemes outright', async () => {
    expect((await refusal(safeFetch(`http://user:pw@images.example.test:${port}/image.png`, allowed))).reason).toBe('bad_url');
    expect((await refusal(safeFetch('ftp://images.example.test/image.png', allowed))).reason).toBe('bad_url');
  });
});
