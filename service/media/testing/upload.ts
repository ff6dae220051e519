import { request as httpRequest } from 'node:http';

/** What an upload answered. */
export interface UploadResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read bodies loosely, like TestResponse
  body: any;
}

/** Sends a raw upload (the file's bytes as the body) with fetch; a stream goes out chunked, as it is produced. */
export async function upload(
  baseUrl: string,
  path: string,
  options: { token: string; body: Buffer | ReadableStream<Uint8Array>; filename?: string; method?: 'POST' | 'PUT'; contentType?: string },
): Promise<UploadResponse> {
  const headers: Record<string, string> = { authorization: `Bearer ${options.token}`, 'content-type': options.contentType ?? 'application/octet-stream' };
  if (options.filename !== undefined) headers['x-filename'] = encodeURIComponent(options.filename);
  const response = await fetch(baseUrl + path, {
    method: options.method ?? 'POST',
    headers,
    body: options.body,
    ...(Buffer.isBuffer(options.body) ? {} : { duplex: 'half' }),
  } as RequestInit);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

/**
 * Sends `chunks` without a Content-Length through node:http, which (unlike fetch) hands over the
 * response the moment it arrives even while the body is still being sent — as a browser shows a 413
 * that interrupts an upload. Resolves with the status, the error body and how many bytes went out.
 */
export function uploadUntilAnswered(url: string, token: string, chunks: Iterable<Buffer>): Promise<{ status: number; body: unknown; sentBytes: number }> {
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const request = httpRequest(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' } });
    request.on('response', (response) => {
      answered = true;
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString('utf8') || 'null'), sentBytes }));
      response.on('error', reject);
    });
    // The server closes the connection after its error: writes after that fail, which is expected.
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    const iterator = chunks[Symbol.iterator]();
    const pump = () => {
      for (;;) {
        if (answered || request.destroyed) return;
        const next = iterator.next();
        if (next.done) return void request.end();
        sentBytes += next.value.length;
        if (!request.write(next.value)) return void request.once('drain', pump);
      }
    };
    pump();
  });
}
