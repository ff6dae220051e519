import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startFakeService, type FakeService } from '../testing/fake-service.js';
import { me, signedIn } from '../testing/fixtures.js';
import { removeAvatar, setAvatar } from './avatar.js';

const PICTURE = Buffer.from('89504e470d0a1a0a', 'hex');
const AVATAR_URL = 'http://service.test/media/avatars/a/b/thumbnail?expires=1&sig=x';

let service: FakeService;
beforeAll(async () => {
  service = await startFakeService((request) =>
    request.method === 'PUT' ? { status: 200, json: { ...me, avatarUrl: AVATAR_URL } } : { status: 200, json: { ...me, avatarUrl: null } },
  );
});
afterAll(() => service.close());
beforeEach(async () => {
  fakeBrowser.reset();
  service.requests.length = 0;
  await signedIn(service.url);
});

describe('the avatar from the options page', () => {
  it('uploads the picture’s bytes with its type and name, and shows the new avatar', async () => {
    const state = await setAvatar({ dataUrl: `data:image/png;base64,${PICTURE.toString('base64')}`, filename: 'me é.png' });
    const [request] = service.requests;
    expect(request).toMatchObject({ method: 'PUT', path: '/api/v1/me/avatar', body: PICTURE });
    expect(request!.headers).toMatchObject({ 'content-type': 'image/png', 'x-filename': 'me%20%C3%A9.png', authorization: 'Bearer test-token' });
    expect(state.user?.avatarUrl).toBe(AVATAR_URL);
  });

  it('removes it', async () => {
    await setAvatar({ dataUrl: `data:image/png;base64,${PICTURE.toString('base64')}` });
    const state = await removeAvatar();
    expect(service.requests.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/v1/me/avatar' });
    expect(state.user?.avatarUrl).toBeNull();
  });

  it('refuses something that is not a data: URL before sending anything', async () => {
    await expect(setAvatar({ dataUrl: 'https://example.com/me.png' })).rejects.toMatchObject({ code: 'internal' });
    expect(service.requests).toEqual([]);
  });
});
