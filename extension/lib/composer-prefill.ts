import { cleanUrl } from '#shared/capture/clean-url.js';
import { draftFromCapture } from '#shared/capture/draft-text.js';
import type { TabContext } from './messaging/protocol.js';

/**
 * The quick post's starting point from the current tab: the draft text the service would write for
 * the page (a selection becomes a quote), pointing at the page's canonical address without tracking
 * parameters, with the address as found kept for the "keep tracking parameters" toggle.
 */
export interface Prefill {
  title: string;
  /** Body with the clean link. */
  body: string;
  /** The link to share, tracking parameters removed. */
  cleanLink: string;
  /** The link as the page gave it (canonical when it declared one), tracking parameters included. */
  trackedLink: string;
  /** Names of the parameters removed; empty when there were none. */
  removedParameters: string[];
  /** The page's og:image, offered as media. */
  pageImage: string | null;
}

export function prefillFrom(context: TabContext): Prefill {
  const trackedLink = context.page?.canonicalUrl ?? context.url;
  const cleaned = cleanUrl(trackedLink);
  const draft = draftFromCapture({
    clientId: '',
    kind: context.selectionText ? 'selection' : 'page',
    url: cleaned.url,
    title: context.title || undefined,
    selectionText: context.selectionText || undefined,
    // The link is decided above: leave the canonical address out so draftFromCapture uses ours.
    page: context.page ? { ...context.page, canonicalUrl: undefined } : undefined,
  });
  return {
    title: draft.title ?? '',
    body: context.url || context.selectionText ? draft.body : '',
    cleanLink: cleaned.url,
    trackedLink,
    removedParameters: cleaned.removed,
    pageImage: context.page?.ogImage ?? null,
  };
}

/** The text with every occurrence of one link swapped for the other (the tracking toggle). */
export function swapLink(text: string, from: string, to: string): string {
  return from === '' || from === to ? text : text.split(from).join(to);
}
