import type { CaptureInput } from '../api/captures.js';

/** The link a draft points at: the page's canonical address when it declared one (none for a note). */
export function sharedUrl(capture: Pick<CaptureInput, 'url' | 'page'>): string | undefined {
  return capture.page?.canonicalUrl ?? capture.url;
}

/**
 * The starting text of a draft made from a capture, before the person edits it:
 * a selection becomes a quote, a link its text and address, a page, image or video its title and address
 * (the page's: the image or video itself goes on the draft as a file).
 */
export function draftFromCapture(capture: CaptureInput): { title: string | null; body: string } {
  const title = capture.draft?.title || capture.title || capture.page?.ogTitle || null;
  if (capture.draft?.body) return { title, body: capture.draft.body };
  if (capture.kind === 'note') return { title, body: '' };
  const url = sharedUrl(capture);
  const lines: string[] = [];
  switch (capture.kind) {
    case 'selection':
      lines.push(`“${capture.selectionText ?? ''}”`, '', [title, url].filter(Boolean).join(' '));
      break;
    case 'link':
      lines.push(...[capture.linkText, capture.linkUrl].filter((part): part is string => Boolean(part)));
      break;
    case 'image':
      lines.push(...[capture.imageAlt || title, url].filter((part): part is string => Boolean(part)));
      break;
    case 'video':
      lines.push(...[capture.videoTitle || title, url].filter((part): part is string => Boolean(part)));
      break;
    case 'page':
      lines.push(...[title, url].filter((part): part is string => Boolean(part)));
      break;
  }
  return { title, body: lines.join('\n') };
}
