import { browser } from 'wxt/browser';
import type { AuthResult } from '#shared/api/auth.js';
import type { CurrentLegalDocuments } from '#shared/api/legal.js';
import { call } from './api-client.js';
import { reconcileWithService } from './consent.js';
import { ApiError, ExtensionError, ServiceUnreachableError } from './errors.js';
import type { ExtensionState, SignUpRequest } from './messaging/protocol.js';
import { flushOfflineQueue } from './offline-queue.js';
import { getServiceUrl, normalizeServiceUrl } from './service-url.js';
import { readState } from './state.js';
import {
  clearSessionData,
  defaultWorkspaceIdItem,
  serviceUrlItem,
  sessionItem,
  workspacesItem,
  type WorkspaceSummary,
} from './storage.js';

/** Account actions the pages ask the background for: sign-up, sign-in, sign-out, preferences. */

/** Shown in the person's sessions list, so they can tell this browser apart from others. */
export function clientLabel(): string {
  return import.meta.env.BROWSER === 'firefox' ? 'Minopa for Firefox' : 'Minopa for Chrome';
}

/** The current Terms and Privacy Policy, with links made absolute against the service address. */
export async function getLegalDocuments(): Promise<CurrentLegalDocuments> {
  const [documents, base] = await Promise.all([call('getLegalDocuments'), getServiceUrl()]);
  const absolute = (url: string) => new URL(url, `${base}/`).href;
  return {
    terms: { ...documents.terms, url: absolute(documents.terms.url) },
    privacy: { ...documents.privacy, url: absolute(documents.privacy.url) },
  };
}

/**
 * Creates an account. The two consents are checked here too, so the person gets the same
 * per-field sentences before anything is sent.
 */
export async function signUp(request: SignUpRequest): Promise<ExtensionState> {
  const fields = [];
  if (!request.ageConfirmed) fields.push({ path: 'ageConfirmed', message: 'Confirm that you are 18 or older.' });
  if (!request.acceptedLegalVersions) {
    fields.push({ path: 'acceptedLegalVersions', message: 'Accept the Terms of Service and the Privacy Policy.' });
  }
  if (fields.length > 0 || !request.acceptedLegalVersions) {
    throw new ApiError('validation_failed', 'Some fields are missing or not valid.', 400, fields);
  }
  const result = await call('signUp', {
    body: {
      firstName: request.firstName,
      lastName: request.lastName,
      email: request.email,
      password: request.password,
      ageConfirmed: true,
      acceptedLegalVersions: request.acceptedLegalVersions,
      client: clientLabel(),
    },
  });
  return startSession(result);
}

/** Signs in with email and password. */
export async function signIn(request: { email: string; password: string }): Promise<ExtensionState> {
  const result = await call('logIn', { body: { email: request.email, password: request.password, client: clientLabel() } });
  return startSession(result);
}

/** Keeps a new session (sign-up, sign-in, Google) and loads the person's workspaces. */
export async function startSession(result: AuthResult): Promise<ExtensionState> {
  await clearSessionData();
  await sessionItem.setValue({ token: result.token, expiresAt: result.expiresAt, user: result.user });
  await defaultWorkspaceIdItem.setValue(result.user.defaultWorkspaceId);
  const reachable = await refreshAccount();
  // Captures made while signed out or offline can go now, and a consent choice made before signing in
  // becomes the account's record of it (P20).
  void flushOfflineQueue().catch(() => undefined);
  void reconcileWithService().catch(() => undefined);
  return readState(reachable);
}

/**
 * Re-reads the person and their workspaces from the service into storage. Returns whether the
 * service answered; a dead session is forgotten (by the API client) rather than reported as an error.
 */
export async function refreshAccount(): Promise<boolean> {
  const session = await sessionItem.getValue();
  if (!session) return true;
  try {
    // A page waits for this; a slow service should not keep it on "Loading…" for long.
    const quick = { timeoutMs: 5_000 };
    const [me, list] = await Promise.all([call('getMe', undefined, quick), call('listWorkspaces', undefined, quick)]);
    const workspaces: WorkspaceSummary[] = list.items.map(({ id, name, role }) => ({ id, name, role }));
    // Signed out (or signed in as someone else) while this ran: the answer belongs to a session that is gone.
    if ((await sessionItem.getValue())?.token !== session.token) return true;
    await sessionItem.setValue({ ...session, user: me });
    await workspacesItem.setValue(workspaces);
    const fallback = workspaces.find((workspace) => workspace.role !== 'viewer')?.id ?? workspaces[0]?.id ?? null;
    await defaultWorkspaceIdItem.setValue(me.defaultWorkspaceId ?? fallback);
    return true;
  } catch (error) {
    if (error instanceof ServiceUnreachableError) return false;
    if (error instanceof ApiError && error.signedOut) return true;
    throw error;
  }
}

/** The state, optionally refreshed from the service first. */
export async function getState(data: { refresh?: boolean } | undefined): Promise<ExtensionState> {
  if (!data?.refresh) return readState();
  return readState(await refreshAccount());
}

/** Ends the session here and at the service. Captures waiting offline are kept for this person. */
export async function signOut(): Promise<ExtensionState> {
  try {
    if (await sessionItem.getValue()) await call('logOut', undefined, { timeoutMs: 5_000 });
  } catch {
    // Signing out must work offline too: the token is forgotten here either way and expires on its own.
  }
  await clearSessionData();
  return readState();
}

/** Makes `workspaceId` the destination of context-menu captures, on the account and locally. */
export async function setDefaultWorkspace(data: { workspaceId: string }): Promise<ExtensionState> {
  const workspaces = await workspacesItem.getValue();
  if (!workspaces.some((workspace) => workspace.id === data.workspaceId)) {
    throw new ExtensionError('no_workspace', 'That workspace is not one of yours. Reload the page and choose again.');
  }
  const me = await call('updateMe', { body: { defaultWorkspaceId: data.workspaceId } });
  const session = await sessionItem.getValue();
  if (session) await sessionItem.setValue({ ...session, user: me });
  await defaultWorkspaceIdItem.setValue(data.workspaceId);
  return readState(true);
}

/** Changes the service address. A session belongs to the service that issued it, so it is dropped. */
export async function setServiceUrl(data: { url: string }): Promise<ExtensionState> {
  const url = normalizeServiceUrl(data.url);
  if (url !== (await getServiceUrl())) {
    await signOut();
    await serviceUrlItem.setValue(url);
  }
  return readState();
}

/** Opens the options page (where the person signs in and sees refused captures). */
export async function openOptionsPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}
