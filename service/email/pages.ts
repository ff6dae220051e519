import { errorText } from '#shared/errors.js';
import { bilingual, type Bilingual, type Language } from '#shared/i18n.js';
import { escapeHtml } from '../legal/render.js';
import { EMAIL_KIND_LABELS, type EmailKind } from './kinds.js';

/** The small HTML pages of the unsubscribe flow (no script, inline styles only). */
export const UNSUBSCRIBE_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";

const STYLE = `body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;background:#f6f7f9;color:#1f2328;margin:0;padding:48px 16px}
main{max-width:480px;margin:0 auto;background:#fff;border-radius:8px;padding:32px;line-height:1.5}
h1{font-size:22px;margin-top:0}button{background:#2f6feb;color:#fff;border:0;border-radius:6px;font-size:16px;font-weight:600;padding:12px 20px;cursor:pointer}
.note{color:#6e7781;font-size:14px}`;

function page(language: Language, title: string, body: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)} · Minopa</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>\n`;
}

/** The pages' sentences; `{what}` is the kind's label, `{email}` the address (both escaped by then). */
const TEXT = {
  unsubscribeTitle: { en: 'Unsubscribe', de: 'Abmelden' },
  askHeading: { en: 'Unsubscribe?', de: 'Abmelden?' },
  ask: { en: 'Stop sending {what} to <strong>{email}</strong>?', de: 'Keine {what} mehr an <strong>{email}</strong> senden?' },
  alreadyHeading: { en: 'Already unsubscribed', de: 'Bereits abgemeldet' },
  already: { en: '<strong>{email}</strong> is already unsubscribed from {what}.', de: 'An <strong>{email}</strong> senden wir bereits keine {what} mehr.' },
  button: { en: 'Unsubscribe', de: 'Abmelden' },
  preferences: {
    en: "You can change all your email preferences in Minopa's Settings at any time.",
    de: 'Alle Ihre E-Mail-Einstellungen können Sie jederzeit in den Einstellungen von Minopa ändern.',
  },
  doneTitle: { en: 'Unsubscribed', de: 'Abgemeldet' },
  doneHeading: { en: 'You are unsubscribed', de: 'Sie sind abgemeldet' },
  done: { en: 'We will no longer send {what} to <strong>{email}</strong>.', de: 'Wir senden keine {what} mehr an <strong>{email}</strong>.' },
  changedMind: {
    en: "Changed your mind? Turn them back on in Minopa's Settings → Email preferences.",
    de: 'Doch anders entschieden? Schalten Sie sie in Minopa unter Einstellungen → E-Mail-Einstellungen wieder ein.',
  },
  // Shown for kinds that hold emails people ask for themselves: those are sent regardless (see send-outbox.ts).
  requested: {
    en: 'Emails you ask for yourself — confirming your address, resetting your password, confirming a new email address — are still sent, because they only exist when you request them.',
    de: 'E-Mails, die Sie selbst anfordern – die Bestätigung Ihrer Adresse, das Zurücksetzen Ihres Passworts, die Bestätigung einer neuen E-Mail-Adresse –, senden wir weiterhin, denn es gibt sie nur, wenn Sie sie anfordern.',
  },
  invalidTitle: { en: 'Link not valid', de: 'Link ungültig' },
  invalidHeading: { en: 'This link does not work', de: 'Dieser Link funktioniert nicht' },
  errorCode: { en: 'Error code', de: 'Fehlercode' },
} satisfies Record<string, Bilingual>;

function requestedNote(kind: EmailKind, language: Language): string {
  return kind === 'account' ? `<p class="note">${TEXT.requested[language]}</p>` : '';
}

/** `template` in `language` with the kind's label and the address filled in, both escaped. */
function sentence(template: Bilingual, language: Language, options: { email: string; kind: EmailKind }): string {
  const label = EMAIL_KIND_LABELS[options.kind];
  return bilingual(template, { what: { en: escapeHtml(label.en), de: escapeHtml(label.de) }, email: escapeHtml(options.email) })[language];
}

/**
 * Asks for confirmation: a GET only shows this, so link scanners that open every link unsubscribe nobody.
 * Every page is in `language`, the visitor's (Accept-Language), as the service's other pages are.
 */
export function confirmPage(options: { email: string; kind: EmailKind; token: string; alreadyUnsubscribed: boolean }, language: Language): string {
  const action = `/email/unsubscribe?token=${encodeURIComponent(options.token)}`;
  return page(
    language,
    TEXT.unsubscribeTitle[language],
    `<h1>${options.alreadyUnsubscribed ? TEXT.alreadyHeading[language] : TEXT.askHeading[language]}</h1>
<p>${sentence(options.alreadyUnsubscribed ? TEXT.already : TEXT.ask, language, options)}</p>
${options.alreadyUnsubscribed ? '' : `<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${TEXT.button[language]}</button></form>`}
${requestedNote(options.kind, language)}
<p class="note">${TEXT.preferences[language]}</p>`,
  );
}

/** The answer to the one-click POST and to the page's form. */
export function donePage(options: { email: string; kind: EmailKind }, language: Language): string {
  return page(
    language,
    TEXT.doneTitle[language],
    `<h1>${TEXT.doneHeading[language]}</h1>
<p>${sentence(TEXT.done, language, options)}</p>
${requestedNote(options.kind, language)}
<p class="note">${TEXT.changedMind[language]}</p>`,
  );
}

/** A link that is malformed or was tampered with (status 400). */
export function invalidLinkPage(language: Language): string {
  return page(
    language,
    TEXT.invalidTitle[language],
    `<h1>${TEXT.invalidHeading[language]}</h1>
<p>${escapeHtml(errorText('unsubscribe_link_invalid')[language])}</p>
<p class="note">${TEXT.errorCode[language]}: unsubscribe_link_invalid</p>`,
  );
}
