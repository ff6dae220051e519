import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installMissingApis } from '../testing/fake-apis.js';
import { POST_ID } from '../testing/fixtures.js';
import { dashboardUrl } from './dashboard-links.js';
import { handleNotificationButtonClick, handleNotificationClick, notify, postIdOfNotification } from './notifications.js';

let apis: ReturnType<typeof installMissingApis>;
beforeEach(() => {
  fakeBrowser.reset();
  apis = installMissingApis();
});

const openedUrls = async () => (await fakeBrowser.tabs.query({})).map((tab) => tab.url);

describe('notifications', () => {
  it('about a post: an "Open" button, and the post id kept in the notification id (the worker may restart before a click)', async () => {
    const id = (await notify('saved', 'Saved to Minopa', 'Saved to Team as a draft', { postId: POST_ID }))!;
    expect(fakeBrowser.notifications.getAllCreateOptions()[id]).toMatchObject({
      type: 'basic',
      title: 'Saved to Minopa',
      message: 'Saved to Team as a draft',
      buttons: [{ title: 'Open' }],
    });
    expect(postIdOfNotification(id)).toBe(POST_ID);
  });

  it('the "Open" button opens the post in the dashboard and clears the notification', async () => {
    const id = (await notify('saved', 'Saved', 'x', { postId: POST_ID }))!;
    await handleNotificationButtonClick(id, 0);
    expect(await openedUrls()).toContain(dashboardUrl({ postId: POST_ID }));
    expect(dashboardUrl({ postId: POST_ID })).toBe(`chrome-extension://${fakeBrowser.runtime.id}/dashboard.html#post=${POST_ID}`);
    expect(fakeBrowser.notifications.getAllCreateOptions()[id]).toBeUndefined();
    expect(apis.openOptionsPage).not.toHaveBeenCalled();
  });

  it('without a post: no button, and a click opens the options page', async () => {
    const id = (await notify('sign-in', 'Sign in to Minopa', 'Sign in.'))!;
    expect(fakeBrowser.notifications.getAllCreateOptions()[id]).not.toHaveProperty('buttons');
    expect(postIdOfNotification(id)).toBeNull();
    await handleNotificationClick(id);
    expect(apis.openOptionsPage).toHaveBeenCalled();
  });

  it('ignores notifications and buttons that are not ours', async () => {
    await handleNotificationClick('another-extension-1');
    await handleNotificationButtonClick(`minopa-saved-post.${POST_ID}.1-1`, 1);
    expect(await openedUrls()).not.toContain(dashboardUrl({ postId: POST_ID }));
    expect(apis.openOptionsPage).not.toHaveBeenCalled();
  });

  it('never fails the work it reports on', async () => {
    vi.spyOn(fakeBrowser.notifications, 'create').mockRejectedValueOnce(new Error('notifications are off'));
    await expect(notify('saved', 'Saved', 'x', { postId: POST_ID })).resolves.toBeNull();
  });
});
