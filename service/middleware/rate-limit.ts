import { createHash } from 'node:crypto';
import type { Bilingual } from '#shared/i18n.js';
import { rateLimitedError } from '../actions/rate-limited.js';
import { STRIPE_WEBHOOK_PATH } from '../billing/webhook.js';
import type { AppContext, AppMiddleware } from '../context.js';
import { TokenBuckets } from '../lib/token-buckets.js';

/** Requests per minute per client at RATE_LIMIT_FACTOR=1, by kind of request. */
export const RATE_LIMITS_PER_MINUTE = {
  /** Without a session, per client IP: pages, sign-up, sign-in, invitations. */
  anonymous: 300,
  /** GET/HEAD with a session, per session token. */
  read: 1200,
  /** Everything else with a session (including upload chunks), per session token. */
  write: 300,
} as const;
type RequestKind = keyof typeof RATE_LIMITS_PER_MINUTE;

const REASONS: Record<RequestKind, Bilingual> = {
  anonymous: { en: 'Too many requests from your network.', de: 'Zu viele Anfragen aus Ihrem Netzwerk.' },
  read: { en: 'Too many requests from this session.', de: 'Zu viele Anfragen aus dieser Sitzung.' },
  write: { en: 'Too many changes from this session.', de: 'Zu viele Änderungen aus dieser Sitzung.' },
};

/**
 * A flood guard in front of every route: each client gets a burst of a minute's allowance and then the
 * allowance's steady rate; beyond it, 429 rate_limited with Retry-After. Counted in this process (no
 * database round trip per request), so with N instances a client may reach up to N times the limit — the
 * limits that protect accounts (sign-in, password resets, invitations) are counted in Postgres and are
 * shared. Not limited: preflights, health and metrics, Stripe's webhook, signed media addresses (the
 * signature already gates them) and the sandbox simulators (they stand in for other companies' servers).
 */
export function rateLimit(factor: number): AppMiddleware {
  if (factor <= 0) return (_ctx, next) => next();
  const buckets = Object.fromEntries(
    Object.entries(RATE_LIMITS_PER_MINUTE).map(([kind, perMinute]) => [kind, new TokenBuckets(Math.max(1, Math.round(perMinute * factor)), 60)]),
  ) as Record<RequestKind, TokenBuckets>;
  return async (ctx, next) => {
    if (exempt(ctx)) return next();
    const [kind, key] = classify(ctx);
    const retryAfterSeconds = buckets[kind].take(key);
    if (retryAfterSeconds > 0) throw rateLimitedError(REASONS[kind], retryAfterSeconds);
    return next();
  };
}

function exempt(ctx: AppContext): boolean {
  const path = ctx.path;
  return (
    ctx.method === 'OPTIONS' ||
    path === '/healthz' ||
    path === '/readyz' ||
    path === '/metrics' ||
    path === STRIPE_WEBHOOK_PATH ||
    path.startsWith('/media/') ||
    path.startsWith('/sandbox/')
  );
}

function classify(ctx: AppContext): [RequestKind, string] {
  const token = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))?.[1];
  // A digest, so the table of buckets never holds a usable session token.
  if (token) return [ctx.method === 'GET' || ctx.method === 'HEAD' ? 'read' : 'write', createHash('sha256').update(token).digest('base64url').slice(0, 22)];
  return ['anonymous', ctx.ip];
}
