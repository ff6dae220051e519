import type { MediaFetch } from '#shared/api/media.js';
import { call, uploadFile } from '../api-client.js';
import { readImage } from './read-image.js';

/** How long the background waits for the service's verdict on an image it is fetching. */
export const VERDICT_WAIT_MS = 30_000;
export const VERDICT_POLL_MS = 1_500;

/** What happened to the image of an image capture, as far as the browser is concerned. */
export type SupplyOutcome = 'not_needed' | 'supplied' | 'unreadable' | 'refused';

/** The saved image capture whose image may need the browser. */
export interface SavedImageCapture {
  workspaceId: string;
  postId: string;
  mediaFetch: MediaFetch | null;
  tabId: number;
  frameId: number;
  srcUrl: string;
}

/**
 * The fallback for images the service cannot fetch itself (DESIGN: captures of an image go into the
 * library). The service decides: at capture time for obviously private hosts, otherwise its job answers
 * within seconds. Meanwhile the image is read in the page right away — under the activeTab grant of the
 * click, which ends when the tab navigates — and its bytes are sent to the draft only if the service
 * says 'needs_browser'. No host permission is asked for; the bytes never leave for anywhere but the
 * person's own Minopa service.
 */
export async function supplyImageIfNeeded(capture: SavedImageCapture, wait = { totalMs: VERDICT_WAIT_MS, pollMs: VERDICT_POLL_MS }): Promise<SupplyOutcome> {
  const state = capture.mediaFetch?.state;
  if (state !== 'pending' && state !== 'needs_browser') return 'not_needed';
  const bytes = readImage(capture.tabId, capture.frameId, capture.srcUrl);
  const verdict = state === 'needs_browser' ? 'needs_browser' : await waitForVerdict(capture, wait);
  if (verdict !== 'needs_browser') return 'not_needed';
  const image = await bytes;
  if (!image) return 'unreadable';
  try {
    await uploadFile('supplyCaptureImage', { params: { workspaceId: capture.workspaceId, postId: capture.postId } }, image, {
      filename: fileNameOf(capture.srcUrl),
    });
    return 'supplied';
  } catch {
    // Refused (not an image, too large, already supplied) or the service is gone: the draft says so.
    return 'refused';
  }
}

async function waitForVerdict(capture: SavedImageCapture, wait: { totalMs: number; pollMs: number }): Promise<MediaFetch['state'] | null> {
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
