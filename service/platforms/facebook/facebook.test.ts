import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFacebookSimulator } from '../../sandbox/networks/facebook/index.js';
import type { NetworkSimulator } from '../../sandbox/networks/kit/types.js';
import { accountHandle, approveSandboxConsent, connectSandboxPerson, content, failure, memoryCheckpoint, startSimulator, TEST_CLIENT, type MediaServer } from '../testing/harness.js';
import type { AccountHandle, PlatformContext } from '../types.js';
import { createFacebookPlatform } from './index.js';

const REDIRECT = 'http://app.test/api/v1/connect/facebook/callback';
const facebook = createFacebookPlatform({ firstDelayMs: 5, maxDelayMs: 20, maxWaitMs: 2_000, retries: 3 });

let sim: NetworkSimulator;
let media: MediaServer;
let context: PlatformContext;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ sim, media, context, close } = await startSimulator(facebook, TEST_CLIENT, createFacebookSimulator));
});
afterAll(() => close());

let people = 0;
/** Connects a fresh sandbox person and returns the Page they may publish to. */
async function connectPage(): Promise<AccountHandle> {
  const { tokens, profiles } = await connectSandboxPerson(facebook, context, { redirectUri: REDIRECT, person: { username: `fb_person_${++people}`, displayName: `Person ${people}` } });
  return accountHandle(profiles[0]!, tokens);
}

describe('Facebook Pages adapter against the simulator', () => {
  it('connects: Login dialog with comma-joined scopes, long-lived user token, then only the Pages the person can post to (P9 fields)', async () => {
    const url = new URL(facebook.oauth.authorizeUrl(context.settings, { state: 'st', redirectUri: REDIRECT, codeChallenge: null }));
    expect(url.searchParams.get('scope')).toBe('pages_show_list,pages_read_engagement,pages_manage_posts,pages_manage_engagement,read_insights,publish_video');
    expect(facebook.oauth.pkce).toBe(false);
    const { code } = await approveSandboxConsent(url.toString(), { username: 'ada_pages', displayName: 'Ada Lovelace' });
    const tokens = await facebook.oauth.exchangeCode(context, { code, redirectUri: REDIRECT, codeVerifier: null });
    expect(tokens.expiresAt!.getTime() - Date.now()).toBeGreaterThan(59 * 24 * 3600_000);
    expect(tokens.scopes).toContain('pages_manage_posts');

    const accounts = await facebook.listAccounts(context, tokens);
    // The person's second Page only grants ANALYZE: it cannot be published to, so it is not offered.
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ kind: 'page', name: 'Ada Lovelace', username: 'ada_pages', avatarUrl: expect.stringContaining('/avatars/') });
    expect(Object.keys(accounts[0]!).sort()).toEqual(['avatarUrl', 'kind', 'name', 'remoteId', 'tokens', 'username']);
    // Page tokens from a long-lived user token do not expire, so there is nothing to refresh.
    expect(accounts[0]!.tokens).toMatchObject({ expiresAt: null, extra: { userAccessToken: tokens.accessToken } });
    expect(facebook.refresh).toBeUndefined();
  });

  it('a used code cannot be exchanged again', async () => {
    const { code } = await approveSandboxConsent(facebook.oauth.authorizeUrl(context.settings, { state: 's', redirectUri: REDIRECT, codeChallenge: null }));
    await facebook.oauth.exchangeCode(context, { code, redirectUri: REDIRECT, codeVerifier: null });
    const error = await failure(facebook.oauth.exchangeCode(context, { code, redirectUri: REDIRECT, codeVerifier: null }));
    expect(error.kind).toBe('invalid_content');
  });

  it('publishes a text post once, with its permalink, and a resumed attempt does not post again', async () => {
    const page = await connectPage();
    const checkpoint = memoryCheckpoint();
    const result = await facebook.publish(context, page, content({ text: 'Opening hours change on Monday' }), checkpoint, 'key-1');
    expect(result.remoteId).toMatch(new RegExp(`^${page.remoteId}_`));
    expect(result.url).toContain(result.remoteId);
    expect(sim.posts.filter((post) => post.author === page.remoteId)).toHaveLength(1);

    const again = await facebook.publish(context, page, content({ text: 'Opening hours change on Monday' }), checkpoint, 'key-1');
    expect(again.remoteId).toBe(result.remoteId);
    expect(sim.posts.filter((post) => post.author === page.remoteId)).toHaveLength(1);
  });

  it('publishes photos as one post: each staged unpublished, then attached', async () => {
    const page = await connectPage();
    const checkpoint = memoryCheckpoint();
    const result = await facebook.publish(context, page, content({ text: 'Two photos', media: [media.media('photo.jpg'), media.media('photo.png')] }), checkpoint, 'key-2');
    expect(checkpoint.state.photoIds).toHaveLength(2);
    const post = sim.posts.find((each) => each.id === result.remoteId)!;
    expect(post.media).toEqual([media.media('photo.jpg').publicUrl, media.media('photo.png').publicUrl]);
  });

  it('publishes a video and waits for Facebook to process it; a 5xx on a status poll is retried', async () => {
    const page = await connectPage();
    sim.faults.next(/^\/graph\/v24\.0\/\d+$/, { kind: 'status', status: 503 }, 'GET');
    const result = await facebook.publish(context, page, content({ text: 'Our clip', title: 'Clip', media: [media.media('clip.mp4')] }), memoryCheckpoint(), 'key-3');
    expect(sim.posts.find((post) => post.id === result.remoteId)).toMatchObject({ text: 'Our clip', extra: { kind: 'video', title: 'Clip' } });
    expect(result.url).toBe(`https://www.facebook.com/${page.remoteId}/videos/${result.remoteId}/`);
  });

  it('a video Facebook cannot fetch fails as invalid content', async () => {
    const page = await connectPage();
    const broken = { ...media.media('clip.mp4'), publicUrl: media.media('missing.mp4').publicUrl };
    const error = await failure(facebook.publish(context, page, content({ text: 'Broken clip', media: [broken] }), memoryCheckpoint(), 'key-4'));
    expect(error.kind).toBe('invalid_content');
    expect(error.message).toContain('could not process this video');
  });

  it('posts the first comment exactly once, even when the publish is resumed', async () => {
    const page = await connectPage();
    const checkpoint = memoryCheckpoint();
    const post = content({ text: 'With a first comment', firstComment: 'Link in the comments: https://example.com' });
    const result = await facebook.publish(context, page, post, checkpoint, 'key-5');
    await facebook.publish(context, page, post, checkpoint, 'key-5');
    const metrics = await facebook.metrics(context, page, result.remoteId);
    expect(metrics.comments).toBe(1);
  });

  it('the same text twice is Facebook’s duplicate error (506): invalid content, not retried', async () => {
    const page = await connectPage();
    await facebook.publish(context, page, content({ text: 'Same words' }), memoryCheckpoint(), 'key-6');
    const error = await failure(facebook.publish(context, page, content({ text: 'Same words' }), memoryCheckpoint(), 'key-7'));
    expect(error).toMatchObject({ kind: 'invalid_content', details: { vendorCode: '506' } });
    expect(error.message).toContain('duplicate');
  });

  it('an expired session (Graph 190) is an auth failure', async () => {
    const page = await connectPage();
    sim.store.expireAccessTokens();
    const error = await failure(facebook.publish(context, page, content({ text: 'After expiry' }), memoryCheckpoint(), 'key-8'));
    expect(error).toMatchObject({ kind: 'auth', details: { vendorCode: '190/463' } });
  });

  it('throttling (429 with Retry-After) is rate_limited with the wait Facebook asked for', async () => {
    const page = await connectPage();
    sim.faults.next(/\/feed$/, { kind: 'status', status: 429, headers: { 'retry-after': '7' } }, 'POST');
    const error = await failure(facebook.publish(context, page, content({ text: 'Slow down' }), memoryCheckpoint(), 'key-9'));
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000, details: { vendorCode: '4' } });
    expect(sim.posts.some((post) => post.text === 'Slow down')).toBe(false);
  });

  it('a 5xx on the post itself is an unknown outcome, and reconcile says it did not go out', async () => {
    const page = await connectPage();
    const since = new Date();
    sim.faults.next(/\/feed$/, { kind: 'status', status: 500 }, 'POST');
    const post = content({ text: 'Maybe posted' });
    const checkpoint = memoryCheckpoint();
    const error = await failure(facebook.publish(context, page, post, checkpoint, 'key-10'));
    expect(error.kind).toBe('unknown_outcome');
    expect(await facebook.reconcile(context, page, post, checkpoint, since)).toEqual({ found: false });
  });

  it('a lost response after the post was created is an unknown outcome; reconcile finds the post by its text', async () => {
    const page = await connectPage();
    const since = new Date();
    sim.faults.next(/\/feed$/, { kind: 'lose-response' }, 'POST');
    const post = content({ text: 'Went out, answer lost' });
    const checkpoint = memoryCheckpoint();
    const error = await failure(facebook.publish(context, page, post, checkpoint, 'key-11'));
    expect(error.kind).toBe('unknown_outcome');
    const created = sim.posts.find((each) => each.text === 'Went out, answer lost')!;
    expect(await facebook.reconcile(context, page, post, checkpoint, since)).toEqual({ found: true, result: { remoteId: created.id, url: expect.stringContaining(created.id) } });
  });

  it('reconcile cannot tell while Facebook is down', async () => {
    const page = await connectPage();
    sim.faults.next(/published_posts$/, { kind: 'status', status: 503 }, 'GET');
    expect(await facebook.reconcile(context, page, content({ text: 'x' }), memoryCheckpoint(), new Date())).toEqual({ found: 'unknown' });
  });

  it('metrics: reactions, comments, shares and views are numbers', async () => {
    const page = await connectPage();
    const result = await facebook.publish(context, page, content({ text: 'Count me' }), memoryCheckpoint(), 'key-12');
    const metrics = await facebook.metrics(context, page, result.remoteId);
    for (const name of ['likes', 'comments', 'shares', 'views'] as const) expect(typeof metrics[name]).toBe('number');
  });

  it('revoking removes the app: the Page token stops working', async () => {
    const page = await connectPage();
    await facebook.revoke!(context, page.tokens);
    const error = await failure(facebook.publish(context, page, content({ text: 'After revoke' }), memoryCheckpoint(), 'key-13'));
    expect(error).toMatchObject({ kind: 'auth', details: { vendorCode: '190/458' } });
  });
});
