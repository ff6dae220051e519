import type { Me } from '#shared/api/auth.js';
import type { CaptureInput } from '#shared/api/captures.js';
import type { CaptureResult } from '#shared/api/posts.js';
import { defaultWorkspaceIdItem, serviceUrlItem, sessionItem, workspacesItem } from '../lib/storage.js';

export const USER_ID = '11111111-1111-4111-8111-111111111111';
export const WORKSPACE_ID = '22222222-2222-4222-8222-222222222222';
export const OTHER_WORKSPACE_ID = '33333333-3333-4333-8333-333333333333';
export const POST_ID = '44444444-4444-4444-8444-444444444444';

export const me: Me = {
  id: USER_ID,
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  emailVerified: false,
  hasPassword: true,
  avatarUrl: null,
  defaultWorkspaceId: WORKSPACE_ID,
  createdAt: '2025-01-01T00:00:00.000Z',
};

/** Stores a session, workspaces and service address as a sign-in would. */
export async function signedIn(serviceUrl: string, options: { userId?: string } = {}): Promise<void> {
  await serviceUrlItem.setValue(serviceUrl);
  await sessionItem.setValue({
    token: 'test-token',
    expiresAt: '2099-01-01T00:00:00.000Z',
    user: { ...me, id: options.userId ?? USER_ID },
  });
  await workspacesItem.setValue([
    { id: WORKSPACE_ID, name: 'Ada’s workspace', role: 'owner' },
    { id: OTHER_WORKSPACE_ID, name: 'Team', role: 'editor' },
  ]);
  await defaultWorkspaceIdItem.setValue(WORKSPACE_ID);
}

/** A valid page capture with a fresh clientId. */
export function pageCapture(overrides: Partial<CaptureInput> = {}): CaptureInput {
  return {
    clientId: crypto.randomUUID(),
    kind: 'page',
    url: 'https://example.com/article',
    title: 'An article',
    capturedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** What the service answers to a capture. */
export function captureResult(workspaceId = WORKSPACE_ID, duplicate = false): CaptureResult {
  const now = '2025-01-01T00:00:00.000Z';
  return {
    duplicate,
    post: {
      id: POST_ID,
      workspaceId,
      status: 'draft',
      title: 'An article',
      body: 'An article\nhttps://example.com/article',
      hashtags: [],
      source: null,
      media: [],
      mediaFetch: null,
      createdBy: null,
      createdAt: now,
      updatedAt: now,
      archivedAt: null,
    },
  };
}
