import type { TargetStatus } from '#shared/platforms.js';
import { defineMessages } from '../../lib/i18n/index.js';

const t = defineMessages({
  en: {
    draft: 'Draft',
    scheduled: 'Scheduled',
    publishing: 'Publishing',
    published: 'Published',
    failed: 'Failed',
    unconfirmed: 'Not confirmed',
    cancelled: 'Cancelled',
    noText: '(no text)',
  },
  de: {
    draft: 'Entwurf',
    scheduled: 'Geplant',
    publishing: 'Wird veröffentlicht',
    published: 'Veröffentlicht',
    failed: 'Fehlgeschlagen',
    unconfirmed: 'Nicht bestätigt',
    cancelled: 'Abgebrochen',
    noText: '(kein Text)',
  },
});

/** How a channel's status reads on the page, in the chosen language. */
export function statusLabel(status: TargetStatus): string {
  return t(status);
}

/** The text of a post as a short excerpt for cards and lists. */
export function excerpt(post: { title: string | null; body: string }, length = 120): string {
  const title = (post.title ?? '').replace(/\s+/g, ' ').trim();
  const body = post.body.replace(/\s+/g, ' ').trim();
  // Captures often start their text with the page title: show it once.
  const text = title === '' || body.startsWith(title) ? body || title : body === '' ? title : `${title} — ${body}`;
  if (text === '') return t('noText');
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
