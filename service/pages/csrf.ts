import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';

const COOKIE = 'minopa_csrf';

/**
 * CSRF protection for the service's own HTML forms (P25): a random value in an HttpOnly, SameSite=Strict
 * cookie, and in each form a token that is the HMAC of that value and the form's name. Another site
 * can make a browser post a form, but cannot read the cookie or the page, so it cannot produce the token.
 */
export function csrfToken(ctx: AppContext, appSecret: string, form: string): string {
  let value = ctx.cookies.get(COOKIE);
  if (!value || !/^[A-Za-z0-9_-]{43}$/.test(value)) {
    value = randomBytes(32).toString('base64url');
    ctx.cookies.set(COOKIE, value, { httpOnly: true, sameSite: 'strict', secure: ctx.secure, path: '/', overwrite: true });
  }
  return sign(appSecret, form, value);
}

/** Throws 403 csrf_failed unless `token` was made by `csrfToken` for this browser and form. */
export function checkCsrf(ctx: AppContext, appSecret: string, form: string, token: string | undefined): void {
  const value = ctx.cookies.get(COOKIE);
  if (!value || !token) throw new HttpError('csrf_failed');
  const expected = Buffer.from(sign(appSecret, form, value));
  const given = Buffer.from(token);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new HttpError('csrf_failed');
}

function sign(appSecret: string, form: string, value: string): string {
  return createHmac('sha256', appSecret).update(`csrf:${form}:${value}`).digest('base64url');
}
