import type { MediaFetch } from '#shared/api/media.js';
import { call, uploadFile } from '../api-client.js';
import { readImage } from './read-image.js';
import { openVideo, type OpenedVideo } from './read-video.js';

/** How long the background waits for the service's verdict on an image or video it is fetching. */
export const VERDICT_WAIT_MS = 30_000;
export const VERDICT_POLL_MS = 1_500;
/** A video read from the page may be large; its upload gets longer than the default upload timeout. */
export const VIDEO_UPLOAD_TIMEOUT_MS = 10 * 60_000;

/**
 * What happened to the file of an image or video capture, as far as the browser is concerned:
 * `too_large` — a video over PAGE_VIDEO_MAX_BYTES, which is not read from the page.
 */
export type SupplyOutcome = 'not_needed' | 'supplied' | 'unreadable' | 'too_large' | 'refused';

/** The saved image or video capture whose file may need the browser. */
export interface SavedMediaCapture {
  kind: 'image' | 'video';
  workspaceId: string;
  postId: string;
  mediaFetch: MediaFetch | null;
  tabId: number;
  frameId: number;
  srcUrl: string;
}

/**
 * The fallback for images and videos the service cannot fetch itself (DESIGN: captures of an image or
 * video go into the library). The service decides: at capture time for obviously private hosts,
 * otherwise its job answers within seconds. Meanwhile the file is read in the page right away — under
 * the activeTab grant of the click, which ends when the tab navigates — and sent to the draft through
 * the one supply endpoint only if the service says 'needs_browser' (a video stays in the page until
 * then, and comes over in pieces: see read-video.ts). No host permission is asked for; the bytes never
 * leave for anywhere but the person's own Minopa service.
 */
export async function supplyMediaIfNeeded(capture: SavedMediaCapture, wait = { totalMs: VERDICT_WAIT_MS, pollMs: VERDICT_POLL_MS }): Promise<SupplyOutcome> {
  const state = capture.mediaFetch?.state;
  if (state !== 'pending' && state !== 'needs_browser') return 'not_needed';
  const opened = openFile(capture);
  const verdict = state === 'needs_browser' ? 'needs_browser' : await waitForVerdict(capture, wait);
  if (verdict !== 'needs_browser') {
    // The page's copy is not needed: free it whenever the read ends, without waiting for it.
    void opened.then((file) => (file.ok ? file.release() : undefined));
    return 'not_needed';
  }
  const file = await opened;
  if (!file.ok) return file.reason;
  const blob = await file.take();
  if (!blob) return 'unreadable';
  try {
    await uploadFile('supplyCaptureMedia', { params: { workspaceId: capture.workspaceId, postId: capture.postId } }, blob, {
      filename: fileNameOf(capture.srcUrl),
      ...(capture.kind === 'video' ? { timeoutMs: VIDEO_UPLOAD_TIMEOUT_MS } : {}),
    });
    return 'supplied';
  } catch {
    // Refused (not of its kind, too large, already supplied) or the service is gone: the draft says so.
    return 'refused';
  }
}

/** Starts reading the capture's file in the page: an image whole (it is small), a video kept in the page. */
async function openFile(capture: SavedMediaCapture): Promise<OpenedVideo> {
  if (capture.kind === 'video') return openVideo(capture.tabId, capture.frameId, capture.srcUrl);
  const image = await readImage(capture.tabId, capture.frameId, capture.srcUrl);
  if (!image) return { ok: false, reason: 'unreadable' };
  return { ok: true, size: image.size, type: image.type, take: async () => image, release: async () => undefined };
}

async function waitForVerdict(capture: SavedMediaCapture, wait: { totalMs: number; pollMs: number }): Promise<MediaFetch['state'] | null> {
  const deadline = Date.now() + wait.totalMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, wait.pollMs));
    try {
      const post = await call('getPost', { params: { workspaceId: capture.workspaceId, postId: capture.postId } });
      if (post.mediaFetch && post.mediaFetch.state !== 'pending') return post.mediaFetch.state;
    } catch {
      return null;
    }
  }
  return null;
}

function fileNameOf(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || undefined;
  } catch {
    return undefined;
  }
}
