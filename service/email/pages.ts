import { ERRORS } from '#shared/errors.js';
import { escapeHtml } from '../legal/render.js';
import { EMAIL_KIND_LABELS, type EmailKind } from './kinds.js';

/** The small HTML pages of the unsubscribe flow (no script, inline styles only). */
export const UNSUBSCRIBE_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";

const STYLE = `body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;background:#f6f7f9;color:#1f2328;margin:0;padding:48px 16px}
main{max-width:480px;margin:0 auto;background:#fff;border-radius:8px;padding:32px;line-height:1.5}
h1{font-size:22px;margin-top:0}button{background:#2f6feb;color:#fff;border:0;border-radius:6px;font-size:16px;font-weight:600;padding:12px 20px;cursor:pointer}
.note{color:#6e7781;font-size:14px}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)} · Minopa</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>\n`;
}

// Shown for kinds that hold emails people ask for themselves: those are sent regardless (see send-outbox.ts).
function requestedNote(kind: EmailKind): string {
  return kind === 'account'
    ? '<p class="note">Emails you ask for yourself — confirming your address, resetting your password, confirming a new email address — are still sent, because they only exist when you request them.</p>'
    : '';
}

/** Asks for confirmation: a GET only shows this, so link scanners that open every link unsubscribe nobody. */
export function confirmPage(options: { email: string; kind: EmailKind; token: string; alreadyUnsubscribed: boolean }): string {
  const what = escapeHtml(EMAIL_KIND_LABELS[options.kind]);
  const action = `/email/unsubscribe?token=${encodeURIComponent(options.token)}`;
  return page(
    'Unsubscribe',
    `<h1>${options.alreadyUnsubscribed ? 'Already unsubscribed' : 'Unsubscribe?'}</h1>
<p>${
      options.alreadyUnsubscribed
        ? `<strong>${escapeHtml(options.email)}</strong> is already unsubscribed from ${what}.`
        : `Stop sending ${what} to <strong>${escapeHtml(options.email)}</strong>?`
    }</p>
${options.alreadyUnsubscribed ? '' : `<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`}
${requestedNote(options.kind)}
<p class="note">You can change all your email preferences in Minopa's Settings at any time.</p>`,
  );
}

/** The answer to the one-click POST and to the page's form. */
export function donePage(options: { email: string; kind: EmailKind }): string {
  return page(
    'Unsubscribed',
    `<h1>You are unsubscribed</h1>
<p>We will no longer send ${escapeHtml(EMAIL_KIND_LABELS[options.kind])} to <strong>${escapeHtml(options.email)}</strong>.</p>
${requestedNote(options.kind)}
<p class="note">Changed your mind? Turn them back on in Minopa's Settings → Email preferences.</p>`,
  );
}

/** A link that is malformed or was tampered with (status 400). */
export function invalidLinkPage(): string {
  return page(
    'Link not valid',
    `<h1>This link does not work</h1>
<p>${escapeHtml(ERRORS.unsubscribe_link_invalid.message)}</p>
<p class="note">Error code: unsubscribe_link_invalid</p>`,
  );
}
