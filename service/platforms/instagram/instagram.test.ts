import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInstagramSimulator } from '../../sandbox/networks/instagram/index.js';
import type { NetworkSimulator } from '../../sandbox/networks/kit/types.js';
import { graphErrorBody } from '../../sandbox/networks/meta/graph-error.js';
import { accountHandle, approveSandboxConsent, connectSandboxPerson, content, failure, memoryCheckpoint, startSimulator, TEST_CLIENT, type MediaServer } from '../testing/harness.js';
import type { AccountHandle, PlatformContext, TokenSet } from '../types.js';
import { createInstagramPlatform } from './index.js';

const REDIRECT = 'http://app.test/api/v1/connect/instagram/callback';
const instagram = createInstagramPlatform({ firstDelayMs: 5, maxDelayMs: 20, maxWaitMs: 2_000, retries: 3 });

let sim: NetworkSimulator;
let media: MediaServer;
let context: PlatformContext;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ sim, media, context, close } = await startSimulator(instagram, TEST_CLIENT, createInstagramSimulator));
});
afterAll(() => close());

let people = 0;
async function connect(): Promise<{ account: AccountHandle; tokens: TokenSet }> {
  const { tokens, profiles } = await connectSandboxPerson(instagram, context, { redirectUri: REDIRECT, person: { username: `ig_person_${++people}`, displayName: `IG Person ${people}` } });
  return { account: accountHandle(profiles[0]!, tokens), tokens };
}

const postsBy = (account: AccountHandle) => sim.posts.filter((post) => post.author === account.remoteId);

describe('Instagram adapter (Instagram Login) against the simulator', () => {
  it('connects: comma-joined scopes, short token exchanged for a 60-day token, the professional account with P9 fields only', async () => {
    const url = new URL(instagram.oauth.authorizeUrl(context.settings, { state: 'st', redirectUri: REDIRECT, codeChallenge: null }));
    expect(url.searchParams.get('scope')).toBe('instagram_business_basic,instagram_business_content_publish,instagram_business_manage_insights,instagram_business_manage_comments');
    const { code } = await approveSandboxConsent(url.toString(), { username: 'grace_studio', displayName: 'Grace Studio' });
    const tokens = await instagram.oauth.exchangeCode(context, { code, redirectUri: REDIRECT, codeVerifier: null });
    expect(tokens.expiresAt!.getTime() - Date.now()).toBeGreaterThan(59 * 24 * 3600_000);
    expect(tokens.refreshToken).toBeNull();
    const accounts = await instagram.listAccounts(context, tokens);
    expect(accounts).toEqual([{ remoteId: expect.stringMatching(/^\d+$/), kind: 'business', name: 'Grace Studio', username: 'grace_studio', avatarUrl: expect.stringContaining('/avatars/') }]);
    // Instagram Login has no revocation endpoint.
    expect(instagram.revoke).toBeUndefined();
  });

  it('refresh gives a new 60-day token that publishes', async () => {
    const { account, tokens } = await connect();
    const refreshed = await instagram.refresh!(context, tokens);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.expiresAt!.getTime() - Date.now()).toBeGreaterThan(59 * 24 * 3600_000);
    await instagram.publish(context, { ...account, tokens: refreshed }, content({ text: 'After refresh', media: [media.media('photo.jpg')] }), memoryCheckpoint(), 'k0');
    expect(postsBy(account)).toHaveLength(1);
  });

  it('publishes a photo: container, poll, publish, permalink; a resumed attempt does not publish again', async () => {
    const { account } = await connect();
    const checkpoint = memoryCheckpoint();
    const post = content({ text: 'Morning light', media: [media.media('photo.jpg')] });
    const result = await instagram.publish(context, account, post, checkpoint, 'k1');
    expect(result.url).toContain(`/p/${result.remoteId}/`);
    expect(postsBy(account)).toEqual([expect.objectContaining({ id: result.remoteId, text: 'Morning light', extra: expect.objectContaining({ mediaType: 'IMAGE' }) })]);
    expect(await instagram.publish(context, account, post, checkpoint, 'k1')).toEqual(result);
    expect(postsBy(account)).toHaveLength(1);
  });

  it('publishes a video as a Reel through the resumable upload, polling while it processes', async () => {
    const { account } = await connect();
    const checkpoint = memoryCheckpoint();
    await instagram.publish(context, account, content({ text: 'Our reel', media: [media.media('clip.mp4')] }), checkpoint, 'k2');
    expect(checkpoint.state.uploaded).toEqual(checkpoint.state.items);
    expect(postsBy(account)[0]).toMatchObject({ text: 'Our reel', extra: { mediaType: 'REELS' } });
  });

  it('publishes a carousel of a photo and a video as one post, and a story', async () => {
    const { account } = await connect();
    await instagram.publish(context, account, content({ text: 'Carousel', media: [media.media('photo.jpg'), media.media('clip.mp4')] }), memoryCheckpoint(), 'k3');
    await instagram.publish(context, account, content({ text: '', media: [media.media('photo.jpg')], options: { format: 'story' } }), memoryCheckpoint(), 'k4');
    const [carousel, story] = postsBy(account);
    expect(carousel).toMatchObject({ extra: { mediaType: 'CAROUSEL' }, media: [media.media('photo.jpg').publicUrl, expect.any(String)] });
    expect(story).toMatchObject({ extra: { mediaType: 'STORIES' } });
  });

  it('a PNG is refused by Instagram (JPEG only): invalid content naming the reason', async () => {
    const { account } = await connect();
    const error = await failure(instagram.publish(context, account, content({ text: 'PNG', media: [media.media('photo.png')] }), memoryCheckpoint(), 'k5'));
    expect(error.kind).toBe('invalid_content');
    expect(error.message).toContain('Only JPEG images are supported');
  });

  it('posts the first comment once, even when resumed', async () => {
    const { account } = await connect();
    const checkpoint = memoryCheckpoint();
    const post = content({ text: 'First comment', firstComment: '#minopa', media: [media.media('photo.jpg')] });
    const result = await instagram.publish(context, account, post, checkpoint, 'k6');
    await instagram.publish(context, account, post, checkpoint, 'k6');
    expect((await instagram.metrics(context, account, result.remoteId)).comments).toBe(1);
  });

  it('an expired token (Graph 190) is an auth failure', async () => {
    const { account } = await connect();
    sim.store.expireAccessTokens();
    const error = await failure(instagram.publish(context, account, content({ text: 'Expired', media: [media.media('photo.jpg')] }), memoryCheckpoint(), 'k7'));
    expect(error).toMatchObject({ kind: 'auth', details: { vendorCode: '190/463' } });
  });

  it('429 with Retry-After and the daily publishing limit (2207042) are rate_limited', async () => {
    const { account } = await connect();
    sim.faults.next(/\/media$/, { kind: 'status', status: 429, headers: { 'retry-after': '30' } }, 'POST');
    const throttled = await failure(instagram.publish(context, account, content({ text: 'Busy', media: [media.media('photo.jpg')] }), memoryCheckpoint(), 'k8'));
    expect(throttled).toMatchObject({ kind: 'rate_limited', retryAfterMs: 30_000 });
    sim.faults.next(/\/media_publish$/, { kind: 'status', status: 400, body: graphErrorBody(9, 'Application request limit reached', { subcode: 2207042 }) }, 'POST');
    const limited = await failure(instagram.publish(context, account, content({ text: 'Over the limit', media: [media.media('photo.jpg')] }), memoryCheckpoint(), 'k9'));
    expect(limited).toMatchObject({ kind: 'rate_limited', details: { vendorCode: '9/2207042' } });
  });

  it('a 5xx on a status poll is retried and the post goes out once', async () => {
    const { account } = await connect();
    sim.faults.next(/\/v24\.0\/\d+$/, { kind: 'status', status: 502 }, 'GET');
    sim.faults.next(/\/v24\.0\/\d+$/, { kind: 'status', status: 503 }, 'GET');
    await instagram.publish(context, account, content({ text: 'Through the storm', media: [media.media('clip.mp4')] }), memoryCheckpoint(), 'k10');
    expect(postsBy(account)).toHaveLength(1);
  });

  it('a 5xx on media_publish is an unknown outcome; the container tells reconcile it did not go out', async () => {
    const { account } = await connect();
    sim.faults.next(/\/media_publish$/, { kind: 'status', status: 500 }, 'POST');
    const post = content({ text: 'Unsure', media: [media.media('photo.jpg')] });
    const checkpoint = memoryCheckpoint();
    expect((await failure(instagram.publish(context, account, post, checkpoint, 'k11'))).kind).toBe('unknown_outcome');
    expect(await instagram.reconcile(context, account, post, checkpoint, new Date(Date.now() - 60_000))).toEqual({ found: false });
  });

  it('a lost media_publish answer: reconcile finds the post through its PUBLISHED container, and a resumed publish does not publish twice', async () => {
    const { account } = await connect();
    const since = new Date();
    sim.faults.next(/\/media_publish$/, { kind: 'lose-response' }, 'POST');
    const post = content({ text: 'Lost answer', media: [media.media('photo.jpg')] });
    const checkpoint = memoryCheckpoint();
    expect((await failure(instagram.publish(context, account, post, checkpoint, 'k12'))).kind).toBe('unknown_outcome');
    const [created] = postsBy(account);
    expect(await instagram.reconcile(context, account, post, checkpoint, since)).toEqual({ found: true, result: { remoteId: created!.id, url: expect.stringContaining(created!.id) } });
    expect((await instagram.publish(context, account, post, checkpoint, 'k12')).remoteId).toBe(created!.id);
    expect(postsBy(account)).toHaveLength(1);
  });

  it('metrics: views, likes, comments and shares are numbers', async () => {
    const { account } = await connect();
    const result = await instagram.publish(context, account, content({ text: 'Count', media: [media.media('photo.jpg')] }), memoryCheckpoint(), 'k13');
    const metrics = await instagram.metrics(context, account, result.remoteId);
    for (const name of ['views', 'likes', 'comments', 'shares'] as const) expect(typeof metrics[name]).toBe('number');
  });
});
