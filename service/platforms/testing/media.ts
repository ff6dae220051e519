import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import type { PublishMedia } from '../types.js';

/*
 * Media for adapter tests: a local server standing in for the signed public URLs of the media library, and
 * the tiny files it serves. Not imported by production code.
 */

/** Width × height of an image, and how long a video plays, as the media library records them. */
export interface MediaShape {
  width: number;
  height: number;
  durationSeconds: number | null;
}

/** A running media server (see serveMedia). */
export interface MediaServer {
  /** e.g. http://127.0.0.1:40123, no trailing slash. */
  url: string;
  /** How many requests each path ("/cover.jpg") received: proves a resumed attempt does not fetch again. */
  hits: Map<string, number>;
  /** Serves `bytes` at /name and returns that address. */
  add(name: string, bytes: Buffer, mimeType: string): string;
  /**
   * A PublishMedia for one of the ready-made files (photo.jpg, photo.png, clip.mp4); any other name gets an
   * address that answers 404, for tests of media that went missing.
   */
  media(name: string): PublishMedia;
  close(): Promise<void>;
}

/** A small real JPEG; the default 64×48 suits every network's aspect-ratio rules. */
export async function tinyJpeg(color = '#c0392b', size = { width: 64, height: 48 }): Promise<Buffer> {
  return sharp({ create: { ...size, channels: 3, background: color } }).jpeg().toBuffer();
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

/** A PublishMedia served by `server`, whose open() streams the same bytes; `shape` overrides the defaults. */
export function publishMedia(server: Pick<MediaServer, 'add'>, name: string, bytes: Buffer, mimeType: string, shape: Partial<MediaShape> = {}): PublishMedia {
  const video = mimeType.startsWith('video/');
  return {
    id: name,
    kind: video ? 'video' : 'image',
    mimeType,
    sizeBytes: bytes.length,
    width: video ? 1080 : 64,
    height: video ? 1920 : 48,
    durationSeconds: video ? 12 : null,
    ...shape,
    filename: name,
    publicUrl: server.add(name, bytes, mimeType),
    open: async () => Readable.from([bytes]),
  };
}

/** A video whose bytes differ from every other one (YouTube and TikTok refuse the same bytes twice). */
export function uniqueVideo(server: Pick<MediaServer, 'add'>, name: string, size = 4096): PublishMedia {
  const bytes = tinyMp4(size);
  randomBytes(16).copy(bytes, 16);
  return publishMedia(server, name, bytes, 'video/mp4');
}

/** The ready-made files of MediaServer.media(): a 4:5 photo in JPEG and PNG, and a 5-second clip. */
async function readyMadeFiles(): Promise<Map<string, { bytes: Buffer; mimeType: string; shape: Partial<MediaShape> }>> {
  const photo = { width: 64, height: 80 };
  return new Map([
    ['photo.jpg', { bytes: await tinyJpeg('#c05030', photo), mimeType: 'image/jpeg', shape: photo }],
    ['photo.png', { bytes: await sharp({ create: { ...photo, channels: 3, background: '#3050c0' } }).png().toBuffer(), mimeType: 'image/png', shape: photo }],
    ['clip.mp4', { bytes: tinyMp4(), mimeType: 'video/mp4', shape: { durationSeconds: 5 } }],
  ]);
}

/** Starts a local HTTP server of media bytes on 127.0.0.1 and a free port. */
export async function serveMedia(): Promise<MediaServer> {
  const files = new Map<string, { bytes: Buffer; mimeType: string }>();
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const file = files.get(path);
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.mimeType, 'content-length': file.bytes.length }).end(file.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const readyMade = await readyMadeFiles();
  const add = (name: string, bytes: Buffer, mimeType: string) => {
    files.set(`/${name}`, { bytes, mimeType });
    return `${url}/${name}`;
  };
  return {
    url,
    hits,
    add,
    media(name) {
      const file = readyMade.get(name);
      if (file) return publishMedia({ add }, name, file.bytes, file.mimeType, file.shape);
      // Never added, so its address answers 404.
      return publishMedia({ add: () => `${url}/${name}` }, name, Buffer.alloc(0), name.endsWith('.mp4') ? 'video/mp4' : 'image/jpeg');
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
