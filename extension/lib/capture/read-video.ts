import { browser } from 'wxt/browser';

/**
 * The most Minopa reads of a video from a page (100 MB). The video is downloaded once by the page and
 * then passed to the background in CHUNK_BYTES pieces (a message carries one piece, never the whole
 * file), but the background still holds the whole file to upload it; longer videos are downloaded by
 * the person and added from disk. The service checks its own video limit (MEDIA_MAX_VIDEO_BYTES) too.
 */
export const PAGE_VIDEO_MAX_BYTES = 100 * 1024 * 1024;
/** One piece of the video per message (base64 makes it a third larger on the way). */
export const CHUNK_BYTES = 4 * 1024 * 1024;
/** Downloading a video in the page may take a while on a slow network. */
export const READ_VIDEO_TIMEOUT_MS = 120_000;

/** What the page answered when asked to download the video: its type and size (kept in the page under `key`), or why not. */
export type PageVideo = { ok: true; type: string; size: number } | { ok: false; reason: string };

/** The video, ready to be taken from the page piece by piece, or why it cannot be. */
export type OpenedVideo =
  | { ok: true; size: number; type: string; take: () => Promise<Blob | null>; release: () => Promise<void> }
  | { ok: false; reason: 'too_large' | 'unreadable' };

type Stash = Record<string, Blob | undefined>;

/**
 * Runs inside the page (scripting.executeScript), so it must not use anything from outside its body.
 * Downloads the video with the page's own fetch — with the person's cookies, from their network — and
 * keeps it in the extension's isolated world of the frame under `key` (later injections of this
 * extension into the frame see the same globals) for `readVideoChunkInPage`. Refuses a video over
 * `maxBytes` before downloading it when the server says its length.
 */
export async function openVideoInPage(src: string, maxBytes: number, key: string): Promise<PageVideo> {
  const attempt = async (credentials: RequestCredentials): Promise<PageVideo> => {
    const response = await fetch(src, { credentials, cache: 'force-cache' });
    if (!response.ok) return { ok: false, reason: `HTTP ${response.status}` };
    if (Number(response.headers.get('content-length')) > maxBytes) {
      void response.body?.cancel();
      return { ok: false, reason: 'too_large' };
    }
    const blob = await response.blob();
    if (blob.size > maxBytes) return { ok: false, reason: 'too_large' };
    (globalThis as unknown as { __minopaVideos?: Stash }).__minopaVideos ??= {};
    (globalThis as unknown as { __minopaVideos: Stash }).__minopaVideos[key] = blob;
    return { ok: true, type: blob.type, size: blob.size };
  };
  try {
    return await attempt('include');
  } catch {
    // A cross-origin video allowed with `Access-Control-Allow-Origin: *` refuses credentialed requests.
    try {
      return await attempt('omit');
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }
}

/** Runs inside the page: the bytes `start`..`end` of the video kept under `key`, as base64; null when it is gone. */
export async function readVideoChunkInPage(key: string, start: number, end: number): Promise<string | null> {
  const blob = (globalThis as unknown as { __minopaVideos?: Stash }).__minopaVideos?.[key];
  if (!blob) return null;
  const bytes = new Uint8Array(await blob.slice(start, end).arrayBuffer());
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/** Runs inside the page: forgets the video kept under `key`. */
export function releaseVideoInPage(key: string): void {
  delete (globalThis as unknown as { __minopaVideos?: Stash }).__minopaVideos?.[key];
}

/**
 * Has the clicked video downloaded in its frame under the activeTab grant the context-menu click gave (no
 * host permission needed). `take` then brings it to the background in pieces and frees it in the page;
 * `release` frees it without taking it. `too_large`: over PAGE_VIDEO_MAX_BYTES; `unreadable`: the page
 * cannot or will not hand it over (refused, cross-origin without CORS, timed out).
 */
export async function openVideo(tabId: number, frameId: number, src: string): Promise<OpenedVideo> {
  const key = crypto.randomUUID();
  const target = { tabId, frameIds: [frameId] };
  const run = async <R>(func: (...args: never[]) => R | Promise<R>, args: unknown[]): Promise<Awaited<R> | null> => {
    const results = await browser.scripting.executeScript({ target, func, args } as Parameters<typeof browser.scripting.executeScript>[0]);
    return ((results[0]?.result as Awaited<R> | undefined) ?? null);
  };
  const release = () => run(releaseVideoInPage, [key]).then(() => undefined, () => undefined);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), READ_VIDEO_TIMEOUT_MS);
  });
  const opened = await Promise.race([run(openVideoInPage, [src, PAGE_VIDEO_MAX_BYTES, key]).catch(() => null), timeout]).finally(() => clearTimeout(timer));
  if (!opened?.ok) {
    // A download still running when the time ran out ends in the page; free it whenever it lands.
    void release();
    return { ok: false, reason: opened && !opened.ok && opened.reason === 'too_large' ? 'too_large' : 'unreadable' };
  }

  const take = async (): Promise<Blob | null> => {
    try {
      const parts: Uint8Array<ArrayBuffer>[] = [];
      for (let start = 0; start < opened.size; start += CHUNK_BYTES) {
        const base64 = await run(readVideoChunkInPage, [key, start, Math.min(start + CHUNK_BYTES, opened.size)]);
        if (typeof base64 !== 'string') return null;
        const binary = atob(base64);
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        parts.push(bytes);
      }
      return new Blob(parts, { type: opened.type });
    } catch {
      return null;
    } finally {
      await release();
    }
  };
  return { ok: true, size: opened.size, type: opened.type, take, release };
}
