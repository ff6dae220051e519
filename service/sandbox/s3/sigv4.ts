import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * AWS Signature Version 4 as S3 checks it, for the local S3 server: header-signed requests
 * (`Authorization: AWS4-HMAC-SHA256 …`) and presigned URLs (`X-Amz-Signature` in the query).
 * See https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html
 */

/** The outcome of checking a request's signature. */
export type SignatureCheck =
  | { ok: true; accessKeyId: string; payloadHash: string; presigned: boolean }
  | { ok: false; status: 400 | 403; code: string; message: string };

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, in upper-case hex. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The query as name/value pairs, decoded, in the order given. */
export function parseQuery(rawQuery: string): Array<[string, string]> {
  if (!rawQuery) return [];
  return rawQuery.split('&').filter(Boolean).map((pair) => {
    const at = pair.indexOf('=');
    const name = at === -1 ? pair : pair.slice(0, at);
    const value = at === -1 ? '' : pair.slice(at + 1);
    return [decodeURIComponent(name), decodeURIComponent(value)];
  });
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();
const sha256Hex = (data: string) => createHash('sha256').update(data).digest('hex');

/**
 * Checks the request's signature against `secrets` (access key id → secret key). `now` is injectable so
 * tests can move the clock; presigned URLs expire after X-Amz-Expires seconds, header-signed requests
 * may be at most 15 minutes off.
 */
export function checkSignature(request: IncomingMessage, secrets: Record<string, string>, now = new Date()): SignatureCheck {
  const url = request.url ?? '/';
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = parseQuery(queryAt === -1 ? '' : url.slice(queryAt + 1));
  const params = new Map(query);
  const presigned = params.has('X-Amz-Signature');
  const fail = (status: 400 | 403, code: string, message: string): SignatureCheck => ({ ok: false, status, code, message });

  let credential: string, signedHeaders: string, signature: string, amzDate: string, payloadHash: string;
  if (presigned) {
    if (params.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256') return fail(400, 'AuthorizationQueryParametersError', 'Unsupported algorithm.');
    credential = params.get('X-Amz-Credential') ?? '';
    signedHeaders = params.get('X-Amz-SignedHeaders') ?? '';
    signature = params.get('X-Amz-Signature') ?? '';
    amzDate = params.get('X-Amz-Date') ?? '';
    payloadHash = params.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD';
    const expires = Number(params.get('X-Amz-Expires'));
    if (!Number.isInteger(expires) || expires < 1 || expires > 604_800) return fail(400, 'AuthorizationQueryParametersError', 'X-Amz-Expires is not valid.');
    if (now.getTime() > parseAmzDate(amzDate) + expires * 1000) return fail(403, 'AccessDenied', 'Request has expired');
  } else {
    const header = request.headers.authorization ?? '';
    const match = /^AWS4-HMAC-SHA256 Credential=([^,]+),\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]{64})$/.exec(header);
    if (!match) return fail(403, 'AccessDenied', 'Access Denied');
    [, credential, signedHeaders, signature] = match as unknown as [string, string, string, string];
    amzDate = String(request.headers['x-amz-date'] ?? '');
    payloadHash = String(request.headers['x-amz-content-sha256'] ?? '');
    if (!payloadHash) return fail(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
    if (Math.abs(now.getTime() - parseAmzDate(amzDate)) > 15 * 60_000) return fail(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.');
  }
  if (Number.isNaN(parseAmzDate(amzDate))) return fail(403, 'AccessDenied', 'X-Amz-Date is missing or malformed.');
  const [accessKeyId, date, region, service, terminator] = credential.split('/');
  const secret = accessKeyId ? secrets[accessKeyId] : undefined;
  if (!secret) return fail(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  if (!date || !region || service !== 's3' || terminator !== 'aws4_request' || !amzDate.startsWith(date)) {
    return fail(403, 'SignatureDoesNotMatch', 'The credential scope is not valid.');
  }

  const headerNames = signedHeaders.split(';');
  if (!headerNames.includes('host')) return fail(403, 'SignatureDoesNotMatch', 'The host header must be signed.');
  const canonicalHeaders = headerNames
    .map((name) => {
      const value = request.headers[name];
      const text = Array.isArray(value) ? value.join(',') : (value ?? '');
      return `${name}:${text.trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
  const canonicalQuery = query
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const canonicalRequest = [request.method, path, canonicalQuery, canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), 's3'), 'aws4_request');
  const expected = Buffer.from(hmac(key, stringToSign).toString('hex'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return fail(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  }
  return { ok: true, accessKeyId: accessKeyId!, payloadHash, presigned };
}

/** `20261127T213310Z` → milliseconds; NaN when malformed (checked before use). */
function parseAmzDate(value: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}
