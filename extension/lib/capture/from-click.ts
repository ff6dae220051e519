import type { Browser } from 'wxt/browser';
import type { CaptureInput } from '#shared/api/captures.js';
import { buildCapture } from './build.js';
import type { RawPageDetails } from './page-reader.js';
import { readPage } from './read-page.js';

/**
 * Makes a capture from a context-menu click: reads the clicked page's metadata (top frame) and, when
 * the click was inside a frame, that frame's selection, link text or image alt; then builds it.
 */
export async function captureFromClick(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
): Promise<CaptureInput> {
  const details = await readClickDetails(info, tab);
  return buildCapture({ ...info, linkText: (info as { linkText?: string }).linkText }, tab, details);
}

/** What the page says about itself and about what was clicked in it; null when it cannot be read. */
export async function readClickDetails(
  info: Pick<Browser.contextMenus.OnClickData, 'linkUrl' | 'srcUrl' | 'frameId'>,
  tab: Browser.tabs.Tab | undefined,
): Promise<RawPageDetails | null> {
  const targets = { linkUrl: info.linkUrl, srcUrl: info.srcUrl };
  const frameId = info.frameId ?? 0;
  let details: RawPageDetails | null = null;
  if (tab?.id !== undefined && tab.id >= 0) {
    const [top, frame] = await Promise.all([
      readPage(tab.id, targets, 0),
      frameId !== 0 ? readPage(tab.id, targets, frameId) : Promise.resolve(null),
    ]);
    details = mergeFrame(top, frame);
  }
  return details;
}

/** Metadata from the top frame; what the click pointed at from the frame it happened in. */
function mergeFrame(top: RawPageDetails | null, frame: RawPageDetails | null): RawPageDetails | null {
  if (!frame) return top;
  if (!top) return { ...frame, url: '', title: '', canonicalUrl: null, ogTitle: null, ogDescription: null, ogImage: null, siteName: null, author: null };
  return { ...top, selectionText: frame.selectionText, linkText: frame.linkText, imageAlt: frame.imageAlt, videoTitle: frame.videoTitle };
}
