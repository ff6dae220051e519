import type { CaptureInput, PageMetadata } from '#shared/api/captures.js';
import { LIMITS } from '#shared/limits.js';
import { parseMenuItemId, type MenuAction } from '../context-menus.js';
import { ExtensionError } from '../errors.js';
import { captureText } from './messages.js';
import type { RawPageDetails } from './page-reader.js';

/** The part of a context-menu click a capture is made from (`Browser.contextMenus.OnClickData`). */
export interface ClickData {
  menuItemId: string | number;
  pageUrl?: string;
  frameUrl?: string;
  selectionText?: string;
  linkUrl?: string;
  /** Firefox only. */
  linkText?: string;
  srcUrl?: string;
  mediaType?: string;
}

/** The part of the clicked tab a capture uses. */
export interface TabData {
  url?: string;
  title?: string;
}

/** The menu actions `buildCapture` makes a capture for (a screenshot is a page capture plus its image). */
export type CaptureAction = Exclude<MenuAction, 'screenshot'>;

/** Trims and cuts text to `max` characters; empty becomes undefined. */
export function clampText(value: string | null | undefined, max: number): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** The address if it is a web address the service accepts, else undefined. */
export function webUrl(value: string | null | undefined): string | undefined {
  if (!value || value.length > LIMITS.urlLength) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Metadata as read from a page (null: absent) or as sent back by the popup (undefined: absent). */
export type MetadataSource = { [K in keyof PageMetadata]?: string | null };

/** Page metadata in the service's shape: clamped, web addresses only, absent when nothing is left. */
export function toPageMetadata(details: MetadataSource | null | undefined): PageMetadata | undefined {
  if (!details) return undefined;
  const page: PageMetadata = {
    canonicalUrl: webUrl(details.canonicalUrl),
    ogTitle: clampText(details.ogTitle, LIMITS.titleLength),
    ogDescription: clampText(details.ogDescription, LIMITS.descriptionLength),
    ogImage: webUrl(details.ogImage),
    siteName: clampText(details.siteName, LIMITS.titleLength),
    author: clampText(details.author, LIMITS.titleLength),
  };
  const present = Object.entries(page).filter(([, value]) => value !== undefined);
  return present.length > 0 ? (Object.fromEntries(present) as PageMetadata) : undefined;
}

function cannot(message: string): ExtensionError {
  return new ExtensionError('cannot_capture', message);
}

/**
 * Turns a context-menu click into a capture of the kind its menu item names (a submenu entry names
 * its workspace too; that is the caller's business). `details` is what was read from the page, or
 * null when it could not be read (the capture is then made from the click alone). Throws
 * `ExtensionError('cannot_capture')` with a sentence when there is nothing a draft could point at,
 * e.g. a browser page or an image embedded as data.
 */
export function buildCapture(
  click: ClickData,
  tab: TabData | undefined,
  details: RawPageDetails | null,
  now: Date = new Date(),
): CaptureInput {
  const action = parseMenuItemId(click.menuItemId)?.action;
  if (!action || action === 'screenshot') throw cannot(captureText('notOurs'));
  return buildCaptureFor(action, click, tab, details, now);
}

/**
 * The capture of `action`. A video with a web address of its own becomes a `video` capture (the
 * service fetches the file into the library, or the browser supplies it); a video streamed into the
 * page (a `blob:` address, media source extensions) has no address of its own and is kept as a
 * capture of its page.
 */
export function buildCaptureFor(
  action: CaptureAction,
  click: ClickData,
  tab: TabData | undefined,
  details: RawPageDetails | null,
  now: Date = new Date(),
): CaptureInput {
  const videoUrl = action === 'video' ? webUrl(click.srcUrl) : undefined;
  const kind = action === 'video' && !videoUrl ? 'page' : action;
  const url = webUrl(click.pageUrl) ?? webUrl(tab?.url) ?? webUrl(click.frameUrl);
  if (!url) throw cannot(captureText('notWeb'));

  const capture: CaptureInput = {
    clientId: crypto.randomUUID(),
    kind,
    url,
    title: clampText(details?.title || tab?.title, LIMITS.titleLength),
    page: toPageMetadata(details),
    capturedAt: now.toISOString(),
  };

  if (kind === 'selection') {
    // The page's own selection keeps line breaks; the click's copy is the fallback (e.g. in a frame).
    const selectionText = clampText(details?.selectionText || click.selectionText, LIMITS.selectionLength);
    if (!selectionText) throw cannot(captureText('noSelection'));
    capture.selectionText = selectionText;
  }
  if (kind === 'video') {
    capture.videoUrl = videoUrl;
    capture.videoTitle = clampText(details?.videoTitle, LIMITS.titleLength);
  }
  if (kind === 'link') {
    const linkUrl = webUrl(click.linkUrl);
    if (!linkUrl) throw cannot(captureText('notWebLink'));
    capture.linkUrl = linkUrl;
    capture.linkText = clampText(click.linkText || details?.linkText, LIMITS.titleLength);
  }
  if (kind === 'image') {
    const imageUrl = webUrl(click.srcUrl);
    if (!imageUrl) throw cannot(captureText('embeddedImage'));
    capture.imageUrl = imageUrl;
    capture.imageAlt = clampText(details?.imageAlt, LIMITS.descriptionLength);
  }
  return withoutUndefined(capture);
}

/** Drops undefined fields, so stored and sent captures hold only what was found. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
