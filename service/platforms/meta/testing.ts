import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import type { PlatformId } from '#shared/platforms.js';
import { createLogger } from '../../logger.js';
import { createHttpClient } from '../lib/http.js';
import { sandboxEndpoints } from '../settings.js';
import type { Checkpoint, Platform, PlatformContext, PublishContent, PublishMedia } from '../types.js';

/**
 * Test helpers for adapters running against their standalone simulators (Meta networks use them; nothing
 * here is Meta-specific). Not imported by production code.
 */

/** The sandbox OAuth client tests register with a simulator. */
export const TEST_CLIENT = { clientId: 'test-app', clientSecret: 'test-secret' };

/** A context whose settings point at a standalone simulator, with the adapter's own error reader. */
export function testContext(simulatorUrl: string, platform: Platform): PlatformContext {
  return {
    settings: { ...TEST_CLIENT, ...sandboxEndpoints(simulatorUrl, platform.id as PlatformId), sandbox: true },
    http: createHttpClient({ readVendorError: platform.readVendorError }),
    log: createLogger({ level: 'error' }),
  };
}

/** A Checkpoint kept in memory, as the publisher keeps it in post_targets.progress. */
export function memoryCheckpoint(initial: Record<string, unknown> = {}): Checkpoint & { saves: number } {
  const checkpoint = {
    state: { ...initial } as Record<string, unknown>,
    saves: 0,
    async save(patch: Record<string, unknown>) {
      checkpoint.state = { ...checkpoint.state, ...patch };
      checkpoint.saves++;
    },
  };
  return checkpoint;
}

/** Content with defaults: text only. */
export function content(overrides: Partial<PublishContent> = {}): PublishContent {
  return { text: 'Hello from Minopa', title: null, firstComment: null, threadParts: [], media: [], options: {}, ...overrides };
}

/**
 * Goes through a simulator's consent page as a person would: GET the page, POST its form with
 * "Allow", and returns the `code` from the redirect.
 */
export async function consentCode(authorizeUrl: string, person = { username: 'sandbox_studio', displayName: 'Sandbox Studio' }): Promise<string> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${html}`);
  const unescape = (value: string) => value.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>');
  const hidden = Object.fromEntries([...html.matchAll(/type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((match) => [match[1]!, unescape(match[2]!)]));
  const action = unescape(/<form method="post" action="([^"]+)"/.exec(html)![1]!);
  const decided = await fetch(new URL(action, authorizeUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...hidden, username: person.username, display_name: person.displayName, decision: 'approve' }),
  });
  const code = new URL(decided.headers.get('location')!).searchParams.get('code');
  if (!code) throw new Error(`no code in the redirect: ${decided.headers.get('location')}`);
  return code;
}

/** A tiny MP4-shaped file: an `ftyp` box (what servers sniff) followed by filler. */
const TINY_MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2'), Buffer.alloc(64)]);

/** A local HTTP server handing out small media files, standing in for our signed media URLs. */
export async function startMediaServer() {
  const files = new Map<string, { type: string; bytes: Buffer }>([
    ['photo.jpg', { type: 'image/jpeg', bytes: await sharp({ create: { width: 64, height: 80, channels: 3, background: '#c05030' } }).jpeg().toBuffer() }],
    ['photo.png', { type: 'image/png', bytes: await sharp({ create: { width: 64, height: 64, channels: 3, background: '#3050c0' } }).png().toBuffer() }],
    ['clip.mp4', { type: 'video/mp4', bytes: TINY_MP4 }],
  ]);
  const server = createServer((req, res) => {
    const file = files.get((req.url ?? '').slice(1));
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.type, 'content-length': file.bytes.length }).end(file.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    /** A PublishMedia for one of the files: photo.jpg, photo.png, clip.mp4, or a name that 404s. */
    media(name: string): PublishMedia {
      const file = files.get(name);
      const kind = name.endsWith('.mp4') ? 'video' : 'image';
      return {
        id: name,
        kind,
        mimeType: file?.type ?? 'image/jpeg',
        sizeBytes: file?.bytes.length ?? 0,
        width: kind === 'image' ? 64 : 1080,
        height: kind === 'image' ? 80 : 1920,
        durationSeconds: kind === 'video' ? 5 : null,
        filename: name,
        publicUrl: `${base}/${name}`,
        open: async () => Readable.from(file?.bytes ?? Buffer.alloc(0)),
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
