import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { checkSignature, parseQuery } from './sigv4.js';

/**
 * A small S3-compatible server for tests and sandbox mode, speaking exactly the calls Minopa makes
 * (path-style): PutObject, multipart (create, upload part, complete, abort), GetObject (with Range and
 * presigned `response-content-*` overrides), HeadObject, DeleteObject. Every request must carry a valid
 * Signature V4 — header-signed or presigned — so the real AWS SDK is exercised, not bypassed.
 */

interface StoredObject {
  file: string;
  size: number;
  etag: string;
  contentType: string;
  lastModified: Date;
}

interface OpenUpload {
  bucket: string;
  key: string;
  contentType: string;
  parts: Map<number, { file: string; etag: string }>;
}

/** A running local S3 server. */
export interface LocalS3 {
  endpoint: string;
  bucket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Keys currently stored in the bucket. */
  keys(): string[];
  /** Multipart uploads neither completed nor aborted. */
  openUploads(): number;
  /** Every request as `METHOD action` (e.g. `PUT UploadPart`), for asserting how a client behaved. */
  requests: string[];
  /** Moves the server's clock (to expire presigned URLs without waiting). */
  setClockOffset(ms: number): void;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1 with one bucket and one key pair; files go to a temporary folder. */
export async function startLocalS3(options: { bucket?: string; port?: number } = {}): Promise<LocalS3> {
  const bucket = options.bucket ?? 'minopa-test';
  const credentials = { accessKeyId: 'MINOPATESTKEY', secretAccessKey: randomUUID() };
  const dir = await mkdtemp(join(tmpdir(), 'minopa-s3-'));
  const objects = new Map<string, StoredObject>();
  const uploads = new Map<string, OpenUpload>();
  const requests: string[] = [];
  let clockOffset = 0;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://s3.local');
    const [, bucketName, ...keyParts] = url.pathname.split('/');
    const key = decodeURIComponent(keyParts.join('/'));
    const query = new Map(parseQuery(url.search.slice(1)));
    const action = actionOf(request.method ?? '', query);
    requests.push(`${request.method} ${action}`);
    const auth = checkSignature(request, { [credentials.accessKeyId]: credentials.secretAccessKey }, new Date(Date.now() + clockOffset));
    if (!auth.ok) return sendError(response, auth.status, auth.code, auth.message, request.method === 'HEAD');
    if (bucketName !== bucket) return sendError(response, 404, 'NoSuchBucket', 'The specified bucket does not exist', request.method === 'HEAD');
    if (!key) return sendError(response, 501, 'NotImplemented', 'Bucket-level operations are not supported here.');
    if (request.headers['content-encoding']?.includes('aws-chunked')) {
      return sendError(response, 501, 'NotImplemented', 'aws-chunked bodies are not supported by this local server.');
    }

    switch (action) {
      case 'PutObject': {
        const stored = await receive(request, join(dir, randomUUID()), auth.payloadHash);
        if (!stored) return sendError(response, 400, 'XAmzContentSHA256Mismatch', 'The body does not match x-amz-content-sha256.');
        const contentType = String(request.headers['content-type'] ?? 'binary/octet-stream');
        replace(`${bucket}/${key}`, { ...stored, contentType, lastModified: new Date() });
        response.writeHead(200, { ETag: stored.etag }).end();
        return;
      }
      case 'CreateMultipartUpload': {
        const uploadId = randomUUID();
        uploads.set(uploadId, { bucket, key, contentType: String(request.headers['content-type'] ?? 'binary/octet-stream'), parts: new Map() });
        return sendXml(response, 200, `<InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${escapeXml(key)}</Key><UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`);
      }
      case 'UploadPart': {
        const upload = uploads.get(query.get('uploadId') ?? '');
        const partNumber = Number(query.get('partNumber'));
        if (!upload || upload.key !== key) return sendError(response, 404, 'NoSuchUpload', 'The specified upload does not exist.');
        if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10_000) return sendError(response, 400, 'InvalidArgument', 'Part number must be 1–10000.');
        const stored = await receive(request, join(dir, randomUUID()), auth.payloadHash);
        if (!stored) return sendError(response, 400, 'XAmzContentSHA256Mismatch', 'The body does not match x-amz-content-sha256.');
        const previous = upload.parts.get(partNumber);
        if (previous) await rm(previous.file, { force: true });
        upload.parts.set(partNumber, { file: stored.file, etag: stored.etag });
        response.writeHead(200, { ETag: stored.etag }).end();
        return;
      }
      case 'CompleteMultipartUpload': {
        const uploadId = query.get('uploadId') ?? '';
        const upload = uploads.get(uploadId);
        if (!upload || upload.key !== key) return sendError(response, 404, 'NoSuchUpload', 'The specified upload does not exist.');
        const blocks = [...(await readText(request)).matchAll(/<Part>([\s\S]*?)<\/Part>/g)].map(([, block]) => block!);
        const parts = blocks.map((block) => ({
          number: Number(/<PartNumber>(\d+)<\/PartNumber>/.exec(block)?.[1]),
          etag: (/<ETag>(.*?)<\/ETag>/.exec(block)?.[1] ?? '').replaceAll('&quot;', '"').replaceAll('&#34;', '"'),
        }));
        if (parts.length === 0 || parts.some((part, i) => upload.parts.get(part.number)?.etag !== part.etag || (i > 0 && part.number <= parts[i - 1]!.number))) {
          return sendError(response, 400, 'InvalidPart', 'One or more of the specified parts could not be found or are out of order.');
        }
        const file = join(dir, randomUUID());
        const out = createWriteStream(file);
        await pipeline(async function* () {
          for (const part of parts) yield* createReadStream(upload.parts.get(part.number)!.file);
        }, out);
        const etag = `"${createHash('md5').update(parts.map((part) => part.etag).join('')).digest('hex')}-${parts.length}"`;
        replace(`${bucket}/${key}`, { file, size: out.bytesWritten, etag, contentType: upload.contentType, lastModified: new Date() });
        await discard(uploadId);
        return sendXml(response, 200, `<CompleteMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${escapeXml(key)}</Key><ETag>${escapeXml(etag)}</ETag></CompleteMultipartUploadResult>`);
      }
      case 'AbortMultipartUpload': {
        if (!uploads.has(query.get('uploadId') ?? '')) return sendError(response, 404, 'NoSuchUpload', 'The specified upload does not exist.');
        await discard(query.get('uploadId')!);
        response.writeHead(204).end();
        return;
      }
      case 'GetObject':
      case 'HeadObject':
        return serve(request, response, objects.get(`${bucket}/${key}`), query, auth.presigned);
      case 'DeleteObject': {
        const existing = objects.get(`${bucket}/${key}`);
        objects.delete(`${bucket}/${key}`);
        if (existing) await rm(existing.file, { force: true });
        response.writeHead(204).end();
        return;
      }
      default:
        return sendError(response, 501, 'NotImplemented', `${action} is not supported by this local server.`);
    }
  };

  const replace = (id: string, object: StoredObject) => {
    const previous = objects.get(id);
    objects.set(id, object);
    if (previous) void rm(previous.file, { force: true });
  };
  const discard = async (uploadId: string) => {
    const upload = uploads.get(uploadId);
    uploads.delete(uploadId);
    for (const part of upload?.parts.values() ?? []) await rm(part.file, { force: true });
  };

  await mkdir(dir, { recursive: true });
  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 500, 'InternalError', String(error));
      else response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bucket,
    credentials,
    keys: () => [...objects.keys()].map((id) => id.slice(bucket.length + 1)),
    openUploads: () => uploads.size,
    requests,
    setClockOffset: (ms) => {
      clockOffset = ms;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function actionOf(method: string, query: Map<string, string>): string {
  if (method === 'POST' && query.has('uploads')) return 'CreateMultipartUpload';
  if (method === 'POST' && query.has('uploadId')) return 'CompleteMultipartUpload';
  if (method === 'PUT' && query.has('uploadId')) return 'UploadPart';
  if (method === 'DELETE' && query.has('uploadId')) return 'AbortMultipartUpload';
  return ({ PUT: 'PutObject', GET: 'GetObject', HEAD: 'HeadObject', DELETE: 'DeleteObject' } as Record<string, string>)[method] ?? method;
}

/** Streams the body to `file`, checking its SHA-256 when the signature covered it; null on mismatch. */
async function receive(request: IncomingMessage, file: string, payloadHash: string): Promise<{ file: string; size: number; etag: string } | null> {
  const md5 = createHash('md5');
  const sha = createHash('sha256');
  const out = createWriteStream(file);
  request.on('data', (chunk: Buffer) => {
    md5.update(chunk);
    sha.update(chunk);
  });
  await pipeline(request, out);
  if (/^[0-9a-f]{64}$/.test(payloadHash) && sha.digest('hex') !== payloadHash) {
    await rm(file, { force: true });
    return null;
  }
  return { file, size: out.bytesWritten, etag: `"${md5.digest('hex')}"` };
}

function serve(request: IncomingMessage, response: ServerResponse, object: StoredObject | undefined, query: Map<string, string>, presigned: boolean): void {
  const head = request.method === 'HEAD';
  if (!object) return sendError(response, 404, 'NoSuchKey', 'The specified key does not exist.', head);
  const headers: Record<string, string | number> = {
    'Content-Type': object.contentType,
    ETag: object.etag,
    'Last-Modified': object.lastModified.toUTCString(),
    'Accept-Ranges': 'bytes',
  };
  // S3 honours response-content-* overrides only on signed requests, which every request here is.
  if (presigned || query.size > 0) {
    if (query.has('response-content-type')) headers['Content-Type'] = query.get('response-content-type')!;
    if (query.has('response-content-disposition')) headers['Content-Disposition'] = query.get('response-content-disposition')!;
  }
  const range = /^bytes=(\d+)-(\d*)$/.exec(String(request.headers.range ?? ''));
  if (range) {
    const start = Number(range[1]);
    const end = Math.min(range[2] ? Number(range[2]) : object.size - 1, object.size - 1);
    if (start > end) return sendError(response, 416, 'InvalidRange', 'The requested range is not satisfiable', head);
    response.writeHead(206, { ...headers, 'Content-Length': end - start + 1, 'Content-Range': `bytes ${start}-${end}/${object.size}` });
    if (head) return void response.end();
    createReadStream(object.file, { start, end }).pipe(response);
    return;
  }
  response.writeHead(200, { ...headers, 'Content-Length': object.size });
  if (head) return void response.end();
  createReadStream(object.file).pipe(response);
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendXml(response: ServerResponse, status: number, xml: string): void {
  response.writeHead(status, { 'Content-Type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?>\n${xml.replace('>', ' xmlns="http://s3.amazonaws.com/doc/2006-03-01/">')}`);
}

function sendError(response: ServerResponse, status: number, code: string, message: string, head = false): void {
  if (head) return void response.writeHead(status).end();
  sendXml(response, status, `<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
