import type { SessionInfo } from '#shared/api/auth.js';
import { call } from './api-client.js';
import type { AuthProvidersView, ExtensionState, SessionView } from './messaging/protocol.js';
import { readState } from './state.js';
import { sessionItem } from './storage.js';

/** The signed-in person's profile, email, password and sessions, as the options page asks the background. */

/** Sign-in methods the service offers (Google may be off, or a sandbox). */
export async function getAuthProviders(): Promise<AuthProvidersView> {
  return call('authProviders', undefined, { timeoutMs: 5_000 });
}

/** Emails a reset link; the service answers the same sentence for any address. */
export async function requestPasswordReset(data: { email: string }): Promise<{ message: string }> {
  return call('requestPasswordReset', { body: { email: data.email } });
}

/** Emails a new verification link to the signed-in person. */
export async function resendVerificationEmail(): Promise<{ message: string }> {
  return call('resendEmailVerification');
}

/** Corrects the person's names (P28) and keeps the stored copy in step. */
export async function updateProfile(data: { firstName: string; lastName: string }): Promise<ExtensionState> {
  const me = await call('updateMe', { body: { firstName: data.firstName, lastName: data.lastName } });
  const session = await sessionItem.getValue();
  if (session) await sessionItem.setValue({ ...session, user: me });
  return readState(true);
}

/** Asks for an email change; the account keeps its address until the link sent to the new one is opened. */
export async function changeEmail(data: { email: string; password?: string }): Promise<{ pendingEmail: string; message: string }> {
  const body = data.password ? { email: data.email, password: data.password } : { email: data.email };
  const { pendingEmail, message } = await call('changeEmail', { body });
  return { pendingEmail, message };
}

/** Changes the password; the service signs out every other session. */
export async function changePassword(data: { currentPassword: string; newPassword: string }): Promise<{ signedOutSessions: number }> {
  return call('changePassword', { body: data });
}

function toView(session: SessionInfo): SessionView {
  const { id, current, client, browser, os, deviceType, createdAt, lastUsedAt } = session;
  return { id, current, client, browser, os, deviceType, createdAt, lastUsedAt };
}

/** The person's sessions, this browser's first. */
export async function listSessions(): Promise<SessionView[]> {
  const { items } = await call('listSessions');
  return items.map(toView).sort((a, b) => Number(b.current) - Number(a.current));
}

/** Signs one session out and returns those left. */
export async function revokeSession(data: { sessionId: string }): Promise<SessionView[]> {
  await call('revokeSession', { params: { sessionId: data.sessionId } });
  return listSessions();
}

/** Signs every other session out. */
export async function revokeOtherSessions(): Promise<{ revoked: number; sessions: SessionView[] }> {
  const { revoked } = await call('revokeOtherSessions');
  return { revoked, sessions: await listSessions() };
}
