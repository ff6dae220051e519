import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

/**
 * A multipart/form-data body of text fields followed by one file, streamed: the file's bytes are never
 * held whole in memory, and the length is exact (S3's POST upload refuses bodies without one).
 */
export function multipartBody(fields: Record<string, string>, file: { field: string; filename: string; mimeType: string; size: number; stream: Readable }): { body: Readable; headers: Record<string, string> } {
  const boundary = `----minopa${randomBytes(12).toString('hex')}`;
  const escape = (value: string) => value.replace(/["\r\n]/g, '_');
  const head = Buffer.from(
    Object.entries(fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${escape(name)}"\r\n\r\n${value}\r\n`)
      .join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="${escape(file.field)}"; filename="${escape(file.filename)}"\r\nContent-Type: ${file.mimeType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  async function* parts() {
    yield head;
    yield* file.stream;
    yield tail;
  }
  return {
    body: Readable.from(parts()),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + file.size + tail.length) },
  };
}
