import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { createLogger } from '../../logger.js';
import { createHttpClient } from '../lib/http.js';
import type { Checkpoint, Platform, PlatformContext, PlatformSettings, PublishContent, PublishMedia } from '../types.js';

/*
 * Test helpers for adapter tests run against a standalone simulator (Pinterest's, YouTube's, TikTok's…).
 * The file name starts with "pinterest-" only because new files in platforms/lib/ carry the id of the
 * network whose work added them; nothing here is Pinterest-specific.
 */

/**
 * Goes through a simulator's sandbox consent page as a person would: GET the authorize address, POST the
 * form with "Allow", and read the code from the redirect. Throws when the page refuses the request.
 */
export async function approveSandboxConsent(authorizeUrl: string, person = { username: 'sandbox_studio', displayName: 'Sandbox Studio' }): Promise<{ code: string; state: string | null }> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  if (!page.ok) throw new Error(`consent page refused the request (${page.status}): ${html}`);
  const action = html.match(/<form method="post" action="([^"]+)"/)?.[1];
  if (!action) throw new Error('no consent form on the page');
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(name!, unescapeHtml(value!));
  form.set('username', person.username);
  form.set('display_name', person.displayName);
  form.set('decision', 'approve');
  const answer = await fetch(new URL(unescapeHtml(action), authorizeUrl), { method: 'POST', body: form, redirect: 'manual' });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location) throw new Error(`consent did not redirect (${answer.status}): ${await answer.text()}`);
  const redirect = new URL(location);
  const code = redirect.searchParams.get('code');
  if (!code) throw new Error(`consent redirected without a code: ${location}`);
  return { code, state: redirect.searchParams.get('state') };
}

function unescapeHtml(value: string): string {
  return value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&#x27;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** The context an adapter gets in production, pointed at `settings` (a standalone simulator's addresses). */
export function adapterContext(platform: Platform, settings: PlatformSettings): PlatformContext {
  return { settings, http: createHttpClient({ readVendorError: platform.readVendorError }), log: createLogger({ level: 'error' }) };
}

/** A checkpoint kept in memory, as the publisher's would be in its row; `saves` counts the writes. */
export function memoryCheckpoint(initial: Record<string, unknown> = {}): Checkpoint & { saves: number } {
  let state: Record<string, unknown> = { ...initial };
  return {
    get state() {
      return state;
    },
    saves: 0,
    async save(patch) {
      state = { ...state, ...patch };
      this.saves += 1;
    },
  };
}

/** A tiny local HTTP server of media bytes, standing in for the signed public URLs of the media library. */
export async function serveMedia(): Promise<{ url: string; add(name: string, bytes: Buffer, mimeType: string): string; hits: Map<string, number>; close(): Promise<void> }> {
  const files = new Map<string, { bytes: Buffer; mimeType: string }>();
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const file = files.get(req.url ?? '');
    hits.set(req.url ?? '', (hits.get(req.url ?? '') ?? 0) + 1);
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.mimeType, 'content-length': file.bytes.length }).end(file.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    hits,
    add(name, bytes, mimeType) {
      files.set(`/${name}`, { bytes, mimeType });
      return `${url}/${name}`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A small real JPEG. */
export async function tinyJpeg(color = '#c0392b'): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: color } }).jpeg().toBuffer();
}

/**
 * Bytes shaped like an MP4 (an `ftyp` box, then filler): simulators check sizes and ranges, not frames.
 * `size` lets a test force several upload chunks.
 */
export function tinyMp4(size = 4096): Buffer {
  const bytes = Buffer.alloc(size, 0x2e);
  Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]).copy(bytes);
  return bytes;
}

/** A PublishMedia served by `media` (see serveMedia), whose open() streams the same bytes. */
export function publishMedia(media: { add(name: string, bytes: Buffer, mimeType: string): string }, name: string, bytes: Buffer, mimeType: string): PublishMedia {
  const video = mimeType.startsWith('video/');
  return {
    id: name,
    kind: video ? 'video' : 'image',
    mimeType,
    sizeBytes: bytes.length,
    width: video ? 1080 : 64,
    height: video ? 1920 : 48,
    durationSeconds: video ? 12 : null,
    filename: name,
    publicUrl: media.add(name, bytes, mimeType),
    open: async () => Readable.from([bytes]),
  };
}

/** Content with defaults for what a test does not care about. */
export function content(patch: Partial<PublishContent> = {}): PublishContent {
  return { text: 'Hello from Minopa', title: null, firstComment: null, threadParts: [], media: [], options: {}, ...patch };
}
