import { browser } from 'wxt/browser';

/** Firefox's MV2 build has `browserAction` where MV3 has `action`. */
function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

/** Shows how many captures wait for the service on the toolbar icon (text empty when none). */
export async function showQueuedCount(count: number): Promise<void> {
  const action = toolbarAction();
  await action.setBadgeText({ text: count > 0 ? String(count) : '' });
  // The tooltip says in words what the number means.
  await action.setTitle({
    title: count === 0 ? 'Minopa' : `Minopa — ${count} capture${count === 1 ? '' : 's'} waiting for the service`,
  });
  if (count > 0) await action.setBadgeBackgroundColor({ color: '#b45309' });
}
