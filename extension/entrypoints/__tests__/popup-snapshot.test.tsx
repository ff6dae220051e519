import { afterEach, describe, expect, it } from 'vitest';
import type { ExtensionState } from '../../lib/messaging/protocol.js';
import { keepStateSnapshot, readStateSnapshot } from '../../lib/state-snapshot.js';
import { sessionItem } from '../../lib/storage.js';
import { byLabel, byTestId, render, until } from '../../testing/dom.js';
import { errorBody, type FakeAnswer, type ReceivedRequest } from '../../testing/fake-service.js';
import { me, OTHER_WORKSPACE_ID, WORKSPACE_ID } from '../../testing/fixtures.js';
import { popupHarness } from '../../testing/popup-harness.js';
import { App } from '../popup/App.js';
import { prefillFromUrl } from '../popup/prefill.js';

function routes(request: ReceivedRequest): FakeAnswer {
  const route = `${request.method} ${request.path}`;
  if (route === 'GET /api/v1/me') return { status: 200, json: me };
  if (route === 'GET /api/v1/workspaces') {
    return { status: 200, json: { items: [{ id: WORKSPACE_ID, name: 'Ada’s workspace', role: 'owner', createdAt: me.createdAt }] } };
  }
  if (request.path.endsWith('/accounts')) return { status: 200, json: { items: [] } };
  if (request.path.endsWith('/schedule')) return { status: 200, json: { timeZone: 'Europe/Berlin', postingSlots: [] } };
  return { status: 404, json: errorBody('route_not_found', 'There is no such endpoint.') };
}

const popup = popupHarness(routes);
const PAGE = prefillFromUrl('?url=https%3A%2F%2Fexample.com%2Fstory&title=The%20story');

/** A state as the background sends it; `user: null` is signed out. */
function stateWith(overrides: Partial<ExtensionState>): ExtensionState {
  const { id, firstName, lastName, email, emailVerified, avatarUrl } = me;
  return {
    serviceUrl: popup.service.url,
    user: { id, firstName, lastName, email, emailVerified, hasPassword: true, avatarUrl },
    workspaces: [{ id: WORKSPACE_ID, name: 'Ada’s workspace', role: 'owner' }],
    defaultWorkspaceId: WORKSPACE_ID,
    popupWorkspaceId: null,
    queuedCount: 0,
    rejected: [],
    serviceReachable: null,
    ...overrides,
  };
}

/** The background's first answer, held back until the test gives it. */
function heldAnswer() {
  let settle: { resolve: (state: ExtensionState) => void; reject: (error: unknown) => void } | undefined;
  const promise = new Promise<ExtensionState>((resolve, reject) => (settle = { resolve, reject }));
  return { promise, ...settle! };
}

/** Waits for the popup's refreshes (account, workspaces, channels) to reach the fake service, so none is cut off when it closes. */
async function refreshed() {
  const workspace = `/api/v1/workspaces/${WORKSPACE_ID}`;
  await until(() => expect(popup.service.requests.map((request) => request.path)).toEqual(expect.arrayContaining(['/api/v1/me', '/api/v1/workspaces', `${workspace}/accounts`, `${workspace}/schedule`])));
}

let unmount: (() => Promise<void>) | undefined;
afterEach(async () => {
  await unmount?.();
  unmount = undefined;
});

describe('the popup’s first frame from the state snapshot', () => {
  it('is the composer, usable, before the background answers; a signed-out answer then replaces it and forgets the snapshot', async () => {
    keepStateSnapshot(stateWith({}));
    const answer = heldAnswer();
    unmount = await render(<App override={PAGE} firstState={answer.promise} snapshot={readStateSnapshot()} />);

    expect(byTestId('composer')).not.toBeNull();
    expect(byLabel<HTMLTextAreaElement>('Text').disabled).toBe(false);
    expect(byLabel<HTMLSelectElement>('Workspace').value).toBe(WORKSPACE_ID);
    expect(document.body.textContent).not.toContain('Loading…');

    // Signed out meanwhile (the session expired): the background's answer and its refresh both say so.
    await sessionItem.setValue(null);
    answer.resolve(stateWith({ user: null, workspaces: [], defaultWorkspaceId: null }));
    await until(() => expect(byTestId('signed-out')).not.toBeNull());
    expect(byTestId('composer')).toBeNull();
    expect(readStateSnapshot()).toBeNull();
  });

  it('without a snapshot (nobody signed in before, or a first opening) waits for the background, as before', async () => {
    const answer = heldAnswer();
    unmount = await render(<App override={PAGE} firstState={answer.promise} snapshot={readStateSnapshot()} />);

    expect(byTestId('composer')).toBeNull();
    expect(document.body.textContent).toContain('Loading…');
    answer.resolve(stateWith({}));
    await until(() => expect(byTestId('composer')).not.toBeNull());
    await refreshed();
  });

  it('moves to a workspace the background knows when the snapshot’s one is gone', async () => {
    keepStateSnapshot(stateWith({ workspaces: [{ id: OTHER_WORKSPACE_ID, name: 'Team', role: 'editor' }], defaultWorkspaceId: OTHER_WORKSPACE_ID }));
    const answer = heldAnswer();
    unmount = await render(<App override={PAGE} firstState={answer.promise} snapshot={readStateSnapshot()} />);
    expect(byLabel<HTMLSelectElement>('Workspace').value).toBe(OTHER_WORKSPACE_ID);

    answer.resolve(stateWith({}));
    await until(() => expect(byLabel<HTMLSelectElement>('Workspace').value).toBe(WORKSPACE_ID));
    await refreshed();
  });

  it('is kept from what the background says, without the person’s name, email or token', async () => {
    expect(readStateSnapshot()).toBeNull();
    await popup.openPopup('https://example.com/story', 'The story');

    await until(() => expect(readStateSnapshot()).toEqual({ workspaces: [{ id: WORKSPACE_ID, name: 'Ada’s workspace', role: 'owner' }], defaultWorkspaceId: WORKSPACE_ID, popupWorkspaceId: null }));
    const stored = Object.values({ ...localStorage }).join(' ');
    expect(stored).not.toContain(me.email);
    expect(stored).not.toContain(me.lastName);
    expect(stored).not.toContain('test-token');
  });

  it('reads as nothing when what is stored is not a snapshot', () => {
    localStorage.setItem('minopa.stateSnapshot', '{not json');
    expect(readStateSnapshot()).toBeNull();
    localStorage.setItem('minopa.stateSnapshot', JSON.stringify({ workspaces: 'all' }));
    expect(readStateSnapshot()).toBeNull();
  });
});
