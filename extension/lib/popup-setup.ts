import { call } from './api-client.js';
import type { PopupSetup, QueueSlotView } from './popup-types.js';
import {
  popupChannelCacheItem,
  popupChannelOptionsItem,
  popupChoicesItem,
  popupComposerTextItem,
  sessionItem,
  type CachedPopupWorkspace,
  type PopupAction,
  type PopupComposerText,
} from './storage.js';

/**
 * The popup's local memory (background side): cached channels and time zone per workspace, the last
 * channel choice per workspace and last action, and the text being written. The popup opens from this
 * alone, then asks for a refresh; nothing here waits on the network except the refresh itself.
 */

// Writes are read-modify-write of one storage value: run them one after another, so two quick
// messages (a keystroke, then a channel click) cannot overwrite each other's change.
let writes: Promise<unknown> = Promise.resolve();
function serially<T>(write: () => Promise<T>): Promise<T> {
  const next = writes.then(write, write);
  writes = next.catch(() => undefined);
  return next;
}

/** What the popup needs to show a workspace at once, from storage only. */
export async function getPopupSetup(data: { workspaceId: string }): Promise<PopupSetup> {
  const [cache, choices, texts, session, options] = await Promise.all([
    popupChannelCacheItem.getValue(),
    popupChoicesItem.getValue(),
    popupComposerTextItem.getValue(),
    sessionItem.getValue(),
    popupChannelOptionsItem.getValue(),
  ]);
  const text = texts[data.workspaceId];
  return {
    cached: cache[data.workspaceId] ?? null,
    lastChannels: choices.channelsByWorkspace[data.workspaceId] ?? [],
    lastAction: choices.lastAction,
    unsentText: text && session && text.userId === session.user.id ? text : null,
    lastOptions: options[data.workspaceId] ?? {},
  };
}

/** Reads the workspace's channels and time zone from the service and caches them for the next opening. */
export async function refreshPopupWorkspace(data: { workspaceId: string }): Promise<CachedPopupWorkspace> {
  const params = { workspaceId: data.workspaceId };
  const [accounts, schedule] = await Promise.all([
    call('listAccounts', { params }),
    // The time zone only labels the "Schedule at…" input: the channels are still worth showing without it.
    call('getWorkspaceSchedule', { params }).catch(() => null),
  ]);
  const fresh: CachedPopupWorkspace = {
    channels: accounts.items.map((account) => ({
      id: account.id,
      platform: account.platform,
      name: account.name,
      username: account.username,
      avatarUrl: account.avatarUrl,
      status: account.status,
      sandbox: account.sandbox,
    })),
    timeZone: schedule?.timeZone ?? (await popupChannelCacheItem.getValue())[data.workspaceId]?.timeZone ?? null,
    fetchedAt: new Date().toISOString(),
  };
  await serially(async () => popupChannelCacheItem.setValue({ ...(await popupChannelCacheItem.getValue()), [data.workspaceId]: fresh }));
  return fresh;
}

/** The slot "Add to queue" would take now; null when the workspace has no posting slots. */
export async function getNextQueueSlot(data: { workspaceId: string }): Promise<QueueSlotView | null> {
  const answer = await call('nextQueueSlot', { params: { workspaceId: data.workspaceId } });
  return answer.slot;
}

/** Keeps (or, with null, forgets) the text being written in a workspace. Nobody signed in: nothing is kept. */
export async function savePopupText(data: { workspaceId: string; text: Omit<PopupComposerText, 'userId' | 'savedAt'> | null }): Promise<void> {
  // Everything inside `serially`, so saves land in the order they were sent: a text saved a moment before
  // the post was sent must not land after the "forget it" that the sending sent.
  await serially(async () => {
    const session = await sessionItem.getValue();
    const texts = { ...(await popupComposerTextItem.getValue()) };
    if (data.text === null) delete texts[data.workspaceId];
    else if (session) texts[data.workspaceId] = { ...data.text, userId: session.user.id, savedAt: new Date().toISOString() };
    else return;
    await popupComposerTextItem.setValue(texts);
  });
}

/**
 * Remembers the channels chosen in a workspace and/or the action last used, and/or the network options
 * used per channel (account id → options; channels not named keep what they had).
 */
export async function rememberPopupChoices(data: {
  workspaceId: string;
  accountIds?: string[];
  action?: PopupAction;
  options?: Record<string, Record<string, string | boolean>>;
}): Promise<void> {
  await serially(async () => {
    if (data.options && Object.keys(data.options).length > 0) {
      const all = await popupChannelOptionsItem.getValue();
      await popupChannelOptionsItem.setValue({ ...all, [data.workspaceId]: { ...all[data.workspaceId], ...data.options } });
    }
    const choices = await popupChoicesItem.getValue();
    await popupChoicesItem.setValue({
      channelsByWorkspace: data.accountIds ? { ...choices.channelsByWorkspace, [data.workspaceId]: data.accountIds } : choices.channelsByWorkspace,
      lastAction: data.action ?? choices.lastAction,
    });
  });
}
