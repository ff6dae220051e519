import type { AppContext } from '../../context.js';

/** The name the privacy policy gives it (section 5.1, essential cookies: "Stores your cookie consent choices", 1 year). */
export const CONSENT_COOKIE = 'cookie-preferences';
const MAX_AGE_MS = 365 * 24 * 3600 * 1000;

export type AnalyticsChoice = 'granted' | 'denied';

/** The visitor's recorded choice; null when they have not chosen yet (or the cookie is not ours). */
export function readAnalyticsChoice(ctx: AppContext): AnalyticsChoice | null {
  const value = ctx.cookies.get(CONSENT_COOKIE);
  return value === 'analytics:granted' ? 'granted' : value === 'analytics:denied' ? 'denied' : null;
}

/**
 * Records the choice for a year. Strictly necessary (it is what keeps analytics off), so it needs no
 * consent itself; HttpOnly because only the service reads it, SameSite=Lax so it comes along when a
 * person follows a link from an email.
 */
export function writeAnalyticsChoice(ctx: AppContext, choice: AnalyticsChoice): void {
  ctx.cookies.set(CONSENT_COOKIE, `analytics:${choice}`, {
    maxAge: MAX_AGE_MS,
    httpOnly: true,
    sameSite: 'lax',
    // Secure whenever the request came over https (behind a proxy: TRUST_PROXY and X-Forwarded-Proto), as csrf.ts does.
    secure: ctx.secure,
    path: '/',
    overwrite: true,
  });
}

/** Cookies Google Analytics and Clarity set (privacy policy 5.1); `_ga_<container>` ones are found by prefix. */
const ANALYTICS_COOKIES = ['_ga', '_gid', '_gat', '_clck', '_clsk', 'CLID'];

/**
 * Expires the analytics cookies this browser sent, on every domain the tags may have put them on: the
 * host itself and each parent domain (gtag's `cookie_domain: 'auto'` picks the highest one it may set).
 * Cookies on third-party domains (clarity.ms, bing.com) are out of any first party's reach.
 */
export function expireAnalyticsCookies(ctx: AppContext): string[] {
  const names = Object.keys(parseCookieHeader(ctx.get('Cookie'))).filter((name) => ANALYTICS_COOKIES.includes(name) || /^_ga_[A-Z0-9]+$/.test(name));
  const domains = parentDomains(ctx.hostname);
  for (const name of names) {
    // Several Set-Cookie headers of one name: `overwrite` would keep only the last one.
    ctx.cookies.set(name, null, { path: '/', httpOnly: false });
    for (const domain of domains) ctx.cookies.set(name, null, { path: '/', domain, httpOnly: false });
  }
  return names;
}

function parseCookieHeader(header: string): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0) cookies[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return cookies;
}

/** `a.b.example.com` → a.b.example.com, b.example.com, example.com; nothing for IP addresses and single labels (localhost). */
function parentDomains(hostname: string): string[] {
  if (/^[\d.]+$/.test(hostname) || hostname.includes(':') || !hostname.includes('.')) return [];
  const labels = hostname.split('.');
  return labels.slice(0, -1).map((_, i) => labels.slice(i).join('.'));
}
