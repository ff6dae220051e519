import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkSimulator } from '../../sandbox/networks/kit/types.js';
import { createTikTokSimulator } from '../../sandbox/networks/tiktok/index.js';
import { accountHandle, approveSandboxConsent, connectSandboxPerson, content, failure, memoryCheckpoint, startSimulator, uniqueVideo, type MediaServer } from '../testing/harness.js';
import type { AccountHandle, PlatformContext } from '../types.js';
import { MIN_CHUNK } from './chunks.js';
import { createTikTokPlatform } from './index.js';

const client = { clientId: 'minopa-test-key', clientSecret: 'test-secret' };
const redirectUri = 'https://127.0.0.1/api/v1/connect/tiktok/callback';
const tiktok = createTikTokPlatform({ chunkBytes: MIN_CHUNK, statusBudgetMs: 5000, firstPollDelayMs: 50 });
const BIG = 2 * MIN_CHUNK + 123_456; // two chunks: 5 MB, then the rest

let sim: NetworkSimulator;
let media: MediaServer;
let context: PlatformContext;
let close: () => Promise<void>;
let account: AccountHandle;

async function connect(username: string): Promise<AccountHandle> {
  const { tokens, profiles } = await connectSandboxPerson(tiktok, context, { redirectUri, person: { username, displayName: username } });
  return accountHandle(profiles[0]!, tokens);
}

beforeAll(async () => {
  ({ sim, media, context, close } = await startSimulator(tiktok, client, createTikTokSimulator));
});

afterAll(() => close());

describe('TikTok adapter against the simulator', () => {
  it('connects: client_key and comma-joined scopes, the token answer’s open_id, the creator with only the P9 fields', async () => {
    const authorizeUrl = new URL(tiktok.oauth.authorizeUrl(context.settings, { state: 'st-3', redirectUri, codeChallenge: null }));
    expect(Object.fromEntries(authorizeUrl.searchParams)).toMatchObject({ client_key: client.clientId, scope: 'user.info.basic,user.info.profile,video.publish,video.list' });
    const { code, state } = await approveSandboxConsent(authorizeUrl.toString(), { username: 'tok_studio', displayName: 'Tok Studio' });
    expect(state).toBe('st-3');
    const tokens = await tiktok.oauth.exchangeCode(context, { code, redirectUri, codeVerifier: null });
    expect(tokens.expiresAt!.getTime() - Date.now()).toBeLessThanOrEqual(7200 * 1000);
    const accounts = await tiktok.listAccounts(context, tokens);
    expect(Object.keys(accounts[0]!).sort()).toEqual(['avatarUrl', 'kind', 'name', 'remoteId', 'username']);
    expect(accounts[0]).toMatchObject({ kind: 'profile', name: 'Tok Studio', username: 'tok_studio', remoteId: tokens.extra?.openId });
    account = { remoteId: accounts[0]!.remoteId, kind: 'profile', tokens };
  });

  it('refuses a post without a video, or without an audience the creator offers, before uploading anything', async () => {
    const before = sim.posts.length;
    expect((await failure(tiktok.publish(context, account, content({ options: { privacyLevel: 'SELF_ONLY' } }), memoryCheckpoint(), 'k'))).kind).toBe('invalid_content');
    expect(await failure(tiktok.publish(context, account, content({ media: [uniqueVideo(media, 'noaudience.mp4')] }), memoryCheckpoint(), 'k'))).toMatchObject({
      kind: 'invalid_content',
      message: expect.stringMatching(/PUBLIC_TO_EVERYONE/),
    });
    expect(sim.posts).toHaveLength(before);
  });

  it('publishes a small video in one chunk and waits for the public post id', async () => {
    const checkpoint = memoryCheckpoint();
    const result = await tiktok.publish(context, account, content({ text: 'Behind the scenes #studio', media: [uniqueVideo(media, 'small.mp4')], options: { privacyLevel: 'PUBLIC_TO_EVERYONE' } }), checkpoint, 'key-1');
    expect(result).toEqual({ remoteId: expect.stringMatching(/^\d+$/), url: null });
    expect(sim.posts.find((post) => post.id === result.remoteId)).toMatchObject({ author: account.remoteId, text: 'Behind the scenes #studio', extra: { privacyLevel: 'PUBLIC_TO_EVERYONE' } });
    expect(checkpoint.state.publishId).toMatch(/^v_pub_file~/);
  });

  it('publishes a larger video in 5 MB chunks, the remainder riding on the last one', async () => {
    const result = await tiktok.publish(context, account, content({ text: 'The long cut', media: [uniqueVideo(media, 'big.mp4', BIG)], options: { privacyLevel: 'SELF_ONLY' } }), memoryCheckpoint(), 'key-2');
    expect(sim.posts.find((post) => post.id === result.remoteId)?.media).toEqual([`upload:${BIG}`]);
  });

  it('resumes from the publish_id: a finished post is returned, not uploaded again', async () => {
    const clip = uniqueVideo(media, 'once.mp4');
    const checkpoint = memoryCheckpoint();
    const first = await tiktok.publish(context, account, content({ text: 'Once only', media: [clip], options: { privacyLevel: 'SELF_ONLY' } }), checkpoint, 'key-3');
    let opened = 0;
    const counted = { ...clip, open: () => ((opened += 1), clip.open()) };
    const again = await tiktok.publish(context, account, content({ text: 'Once only', media: [counted], options: { privacyLevel: 'SELF_ONLY' } }), memoryCheckpoint(checkpoint.state), 'key-3');
    expect(again.remoteId).toBe(first.remoteId);
    expect(opened).toBe(0);
    expect(sim.posts.filter((post) => post.text === 'Once only')).toHaveLength(1);
  });

  it('an upload cut off halfway starts over with a new init, and the post goes out once', async () => {
    const clip = uniqueVideo(media, 'cutoff.mp4', BIG);
    const post = content({ text: 'Cut off', media: [clip], options: { privacyLevel: 'SELF_ONLY' } });
    const checkpoint = memoryCheckpoint();
    sim.faults.next(/\/upload\/video\/$/, { kind: 'lose-response' }, 'PUT');
    expect((await failure(tiktok.publish(context, account, post, checkpoint, 'key-4'))).kind).toBe('transient');
    const stale = checkpoint.state.publishId;
    const result = await tiktok.publish(context, account, post, checkpoint, 'key-4');
    expect(checkpoint.state.publishId).not.toBe(stale);
    expect(sim.posts.filter((candidate) => candidate.text === 'Cut off').map((candidate) => candidate.id)).toEqual([result.remoteId]);
  });

  it('the same video and caption again is refused as spam_risk_text: invalid content, not an auth problem', async () => {
    const clip = uniqueVideo(media, 'again.mp4');
    await tiktok.publish(context, account, content({ text: 'Same again', media: [clip], options: { privacyLevel: 'SELF_ONLY' } }), memoryCheckpoint(), 'd-1');
    expect(await failure(tiktok.publish(context, account, content({ text: 'Same again', media: [clip], options: { privacyLevel: 'SELF_ONLY' } }), memoryCheckpoint(), 'd-2'))).toMatchObject({
      kind: 'invalid_content',
      details: { httpStatus: 403, vendorCode: 'spam_risk_text', requestId: expect.any(String) },
    });
  });

  it('an expired token is an auth failure (access_token_invalid); a refresh brings the account back', async () => {
    sim.store.expireAccessTokens();
    expect(await failure(tiktok.listAccounts(context, account.tokens))).toMatchObject({ kind: 'auth', details: { vendorCode: 'access_token_invalid' } });
    const refreshed = await tiktok.refresh!(context, account.tokens);
    expect(refreshed.refreshToken).not.toBe(account.tokens.refreshToken);
    expect((await tiktok.listAccounts(context, refreshed))[0]!.remoteId).toBe(account.remoteId);
    account = { ...account, tokens: refreshed };
  });

  it('refresh tokens are single-use: the spent one is refused as auth', async () => {
    const other = await connect('rotating_one');
    await tiktok.refresh!(context, other.tokens);
    expect(await failure(tiktok.refresh!(context, other.tokens))).toMatchObject({ kind: 'auth', details: { vendorCode: 'invalid_grant' } });
  });

  it('revoke: the access token stops working', async () => {
    const other = await connect('revoke_me');
    await tiktok.revoke!(context, other.tokens);
    expect((await failure(tiktok.listAccounts(context, other.tokens))).kind).toBe('auth');
  });

  it('429 on init is rate_limited with the Retry-After', async () => {
    sim.faults.next(/\/video\/init\/$/, { kind: 'status', status: 429, headers: { 'retry-after': '60' } }, 'POST');
    expect(await failure(tiktok.publish(context, account, content({ text: 'Busy', media: [uniqueVideo(media, 'busy.mp4')], options: { privacyLevel: 'SELF_ONLY' } }), memoryCheckpoint(), 'k'))).toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 60_000,
      details: { vendorCode: 'rate_limit_exceeded' },
    });
  });

  it('a 5xx on the status poll is retried (read-only) and the post id arrives', async () => {
    sim.faults.next(/\/status\/fetch\/$/, { kind: 'status', status: 503 }, 'POST');
    const result = await tiktok.publish(context, account, content({ text: 'Through a 503', media: [uniqueVideo(media, 'poll.mp4')], options: { privacyLevel: 'SELF_ONLY' } }), memoryCheckpoint(), 'k');
    expect(sim.posts.some((post) => post.id === result.remoteId)).toBe(true);
  });

  it('a 5xx on the last chunk is an unknown outcome; reconcile sees the bytes missing, and the retry publishes once', async () => {
    const post = content({ text: 'Behind a 502', media: [uniqueVideo(media, 'gateway.mp4')], options: { privacyLevel: 'SELF_ONLY' } });
    const checkpoint = memoryCheckpoint();
    sim.faults.next(/\/upload\/video\/$/, { kind: 'status', status: 502 }, 'PUT');
    expect((await failure(tiktok.publish(context, account, post, checkpoint, 'k'))).kind).toBe('unknown_outcome');
    expect(await tiktok.reconcile(context, account, post, checkpoint, new Date())).toEqual({ found: false });
    const result = await tiktok.publish(context, account, post, checkpoint, 'k');
    expect(sim.posts.filter((candidate) => candidate.text === 'Behind a 502').map((candidate) => candidate.id)).toEqual([result.remoteId]);
  });

  it('a lost response on the last chunk is an unknown outcome; reconcile waits out moderation, then finds the post; a retry does not post twice', async () => {
    const post = content({ text: 'Lost in transit', media: [uniqueVideo(media, 'lost.mp4')], options: { privacyLevel: 'SELF_ONLY' } });
    const checkpoint = memoryCheckpoint();
    sim.faults.next(/\/upload\/video\/$/, { kind: 'lose-response' }, 'PUT');
    expect((await failure(tiktok.publish(context, account, post, checkpoint, 'k'))).kind).toBe('unknown_outcome');
    expect(await tiktok.reconcile(context, account, post, checkpoint, new Date())).toEqual({ found: 'unknown' });
    const [posted] = sim.posts.filter((candidate) => candidate.text === 'Lost in transit');
    expect(await tiktok.reconcile(context, account, post, checkpoint, new Date())).toEqual({ found: true, result: { remoteId: posted!.id, url: null } });
    expect((await tiktok.publish(context, account, post, checkpoint, 'k')).remoteId).toBe(posted!.id);
    expect(sim.posts.filter((candidate) => candidate.text === 'Lost in transit')).toHaveLength(1);
  });

  it('reconcile without a publish_id: init never answered, nothing was posted', async () => {
    expect(await tiktok.reconcile(context, account, content({ media: [uniqueVideo(media, 'never.mp4')] }), memoryCheckpoint(), new Date())).toEqual({ found: false });
  });

  it('metrics: likes, comments, shares and views as numbers', async () => {
    const posted = sim.posts.find((post) => post.author === account.remoteId)!;
    expect(await tiktok.metrics(context, account, posted.id)).toEqual({ likes: 31, comments: 4, shares: 2, views: 640 });
  });
});

describe('TikTok simulator mounted under a base path (sandbox mode)', () => {
  it('serves the same flows below /sandbox/networks/tiktok', async () => {
    const basePath = '/sandbox/networks/tiktok';
    const { sim: mounted, context: mountedContext, close: stop } = await startSimulator(tiktok, client, createTikTokSimulator, { basePath });
    try {
      const { code } = await approveSandboxConsent(tiktok.oauth.authorizeUrl(mountedContext.settings, { state: 's', redirectUri, codeChallenge: null }));
      const tokens = await tiktok.oauth.exchangeCode(mountedContext, { code, redirectUri, codeVerifier: null });
      const [creator] = await tiktok.listAccounts(mountedContext, tokens);
      const handle: AccountHandle = { remoteId: creator!.remoteId, kind: 'profile', tokens };
      const result = await tiktok.publish(mountedContext, handle, content({ text: 'Mounted', media: [uniqueVideo(media, 'mounted.mp4')], options: { privacyLevel: 'SELF_ONLY' } }), memoryCheckpoint(), 'k');
      expect(mounted.posts.map((post) => post.id)).toEqual([result.remoteId]);
    } finally {
      await stop();
    }
  });
});
