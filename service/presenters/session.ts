import type { AuthResult, SessionInfo } from '#shared/api/auth.js';
import { describeUserAgent } from '../lib/user-agent.js';
import type { Session } from '../models/session.js';
import type { User } from '../models/user.js';
import { presentMe } from './user.js';

/** One session in the person's sessions list, with the device read from its user agent; `current` marks the one making the request. */
export function presentSession(session: Session, currentSessionId: string): SessionInfo {
  return {
    id: session.id,
    current: session.id === currentSessionId,
    client: session.client,
    userAgent: session.userAgent,
    ...describeUserAgent(session.userAgent),
    createdAt: session.createdAt.toISOString(),
    lastUsedAt: session.lastUsedAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
  };
}

/**
 * The answer to sign-up and log-in: the bearer token (shown this once, stored only hashed) and who it is,
 * with the signed address of their avatar (media/urls.ts `avatarUrlOf`) or null.
 */
export function presentAuthResult(token: string, session: Pick<Session, 'expiresAt'>, user: User, avatarUrl: string | null): AuthResult {
  return { token, expiresAt: session.expiresAt.toISOString(), user: presentMe(user, avatarUrl) };
}
