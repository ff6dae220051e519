import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpecChecker } from '../../sandbox/networks/kit/spec-check.js';
import type { NetworkSimulator } from '../../sandbox/networks/kit/types.js';
import { createYouTubeSimulator, YOUTUBE_SPEC } from '../../sandbox/networks/youtube/index.js';
import { accountHandle, approveSandboxConsent, connectSandboxPerson, content, failure, memoryCheckpoint, publishMedia, startSimulator, tinyJpeg, tinyMp4, uniqueVideo, type MediaServer } from '../testing/harness.js';
import type { AccountHandle, PlatformContext } from '../types.js';
import { createYouTubePlatform } from './index.js';
import { CHUNK_UNIT } from './resumable.js';

const client = { clientId: 'minopa-test', clientSecret: 'test-secret' };
const redirectUri = 'http://127.0.0.1/api/v1/connect/youtube/callback';
// One 256 KiB chunk per request, so a 600 KiB video takes three.
const youtube = createYouTubePlatform({ chunkBytes: CHUNK_UNIT });

let sim: NetworkSimulator;
let media: MediaServer;
let context: PlatformContext;
let close: () => Promise<void>;
let account: AccountHandle;

async function connect(username: string): Promise<AccountHandle> {
  const { tokens, profiles } = await connectSandboxPerson(youtube, context, { redirectUri, person: { username, displayName: `${username} channel` } });
  return accountHandle(profiles[0]!, tokens);
}

beforeAll(async () => {
  const checkRequest = await loadSpecChecker(YOUTUBE_SPEC);
  ({ sim, media, context, close } = await startSimulator(youtube, client, (options) => createYouTubeSimulator({ ...options, checkRequest })));
});

afterAll(() => close());

describe('YouTube adapter against the simulator', () => {
  it('connects with PKCE and offline access: the channel with only the P9 fields', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const authorizeUrl = new URL(youtube.oauth.authorizeUrl(context.settings, { state: 'st-9', redirectUri, codeChallenge: challenge }));
    expect(Object.fromEntries(authorizeUrl.searchParams)).toMatchObject({ access_type: 'offline', prompt: 'consent', code_challenge_method: 'S256', scope: youtube.oauth.scopes.join(' ') });
    const { code, state } = await approveSandboxConsent(authorizeUrl.toString(), { username: 'tube_studio', displayName: 'Tube Studio' });
    expect(state).toBe('st-9');
    const tokens = await youtube.oauth.exchangeCode(context, { code, redirectUri, codeVerifier: verifier });
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresAt!.getTime() - Date.now()).toBeLessThanOrEqual(3600 * 1000);
    const channels = await youtube.listAccounts(context, tokens);
    expect(channels).toHaveLength(1);
    expect(Object.keys(channels[0]!).sort()).toEqual(['avatarUrl', 'kind', 'name', 'remoteId', 'username']);
    expect(channels[0]).toMatchObject({ kind: 'channel', name: 'Tube Studio', username: 'tube_studio', remoteId: expect.stringMatching(/^UC[\w-]{22}$/) });
    account = { remoteId: channels[0]!.remoteId, kind: 'channel', tokens };
  });

  it('a code exchanged with the wrong PKCE verifier is refused as an auth failure', async () => {
    const challenge = createHash('sha256').update('the-right-verifier-which-is-long-enough-000').digest('base64url');
    const { code } = await approveSandboxConsent(youtube.oauth.authorizeUrl(context.settings, { state: 's', redirectUri, codeChallenge: challenge }));
    expect(await failure(youtube.oauth.exchangeCode(context, { code, redirectUri, codeVerifier: 'a-wrong-verifier-that-is-also-long-enough-00' }))).toMatchObject({ kind: 'auth', details: { vendorCode: 'invalid_grant' } });
  });

  it('refuses a post without a video (text only, or an image) before calling YouTube', async () => {
    const before = sim.posts.length;
    expect((await failure(youtube.publish(context, account, content({ text: 'Just words' }), memoryCheckpoint(), 'k'))).kind).toBe('invalid_content');
    const image = publishMedia(media, 'still.jpg', await tinyJpeg(), 'image/jpeg');
    expect((await failure(youtube.publish(context, account, content({ media: [image] }), memoryCheckpoint(), 'k'))).kind).toBe('invalid_content');
    expect(sim.posts).toHaveLength(before);
  });

  it('publishes a video in several resumable chunks with the title, privacy and category chosen', async () => {
    const video = uniqueVideo(media, 'tour.mp4', 600 * 1024);
    const checkpoint = memoryCheckpoint();
    const result = await youtube.publish(context, account, content({ text: 'A walk through the studio', title: 'Studio tour', media: [video], options: { privacy: 'unlisted', categoryId: '27' } }), checkpoint, 'key-1');
    const uploaded = sim.posts.find((post) => post.id === result.remoteId);
    expect(uploaded).toMatchObject({ author: account.remoteId, text: 'A walk through the studio', media: [`upload:${600 * 1024}`] });
    expect(uploaded?.extra).toMatchObject({ snippet: { title: 'Studio tour', categoryId: '27' }, status: { privacyStatus: 'unlisted' } });
    expect(result).toEqual({ remoteId: expect.stringMatching(/^[\w-]{11}$/), url: null });
    expect(checkpoint.state).toMatchObject({ uploadSession: expect.stringContaining('upload_id='), videoId: result.remoteId });
  });

  it('resumes an interrupted upload from the checkpointed session, sending only the missing bytes', async () => {
    const video = uniqueVideo(media, 'interrupted.mp4', 600 * 1024);
    const post = content({ text: 'Interrupted', title: 'Interrupted', media: [video] });
    const checkpoint = memoryCheckpoint();
    sim.faults.next(/\/upload\/youtube\/v3\/videos$/, { kind: 'lose-response' }, 'PUT');
    expect((await failure(youtube.publish(context, account, post, checkpoint, 'key-2'))).kind).toBe('transient');
    expect(checkpoint.state.videoId).toBeUndefined();
    let opened = 0;
    const counted = { ...video, open: () => ((opened += 1), video.open()) };
    const result = await youtube.publish(context, account, { ...post, media: [counted] }, checkpoint, 'key-2');
    expect(opened).toBe(1);
    expect(sim.posts.filter((candidate) => candidate.text === 'Interrupted')).toEqual([expect.objectContaining({ id: result.remoteId, media: [`upload:${600 * 1024}`] })]);
  });

  it('the same video uploaded again is rejected by YouTube as a duplicate: invalid content', async () => {
    const video = uniqueVideo(media, 'twice.mp4', 4096);
    await youtube.publish(context, account, content({ text: 'Once', title: 'Once', media: [video] }), memoryCheckpoint(), 'd-1');
    expect(await failure(youtube.publish(context, account, content({ text: 'Twice', title: 'Twice', media: [video] }), memoryCheckpoint(), 'd-2'))).toMatchObject({
      kind: 'invalid_content',
      details: { vendorCode: 'duplicate' },
      message: expect.stringMatching(/duplicate/),
    });
  });

  it('an expired token is an auth failure; a refresh (not rotated) brings the channel back', async () => {
    sim.store.expireAccessTokens();
    expect(await failure(youtube.listAccounts(context, account.tokens))).toMatchObject({ kind: 'auth', details: { httpStatus: 401, vendorCode: 'authError' } });
    const refreshed = await youtube.refresh!(context, account.tokens);
    expect(refreshed.refreshToken).toBe(account.tokens.refreshToken);
    expect((await youtube.listAccounts(context, refreshed))[0]!.remoteId).toBe(account.remoteId);
    account = { ...account, tokens: refreshed };
  });

  it('429 on the upload start is rate_limited with the Retry-After; a used-up daily quota waits for the Pacific midnight reset', async () => {
    const video = uniqueVideo(media, 'busy.mp4', 2048);
    sim.faults.next(/\/upload\/youtube\/v3\/videos$/, { kind: 'status', status: 429, headers: { 'retry-after': '30' } }, 'POST');
    expect(await failure(youtube.publish(context, account, content({ title: 'Busy', media: [video] }), memoryCheckpoint(), 'k'))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 30_000 });
    sim.faults.next(/\/upload\/youtube\/v3\/videos$/, {
      kind: 'status',
      status: 403,
      body: { error: { code: 403, message: 'The request cannot be completed because you have exceeded your quota.', errors: [{ reason: 'quotaExceeded', domain: 'youtube.quota' }] } },
    }, 'POST');
    const quota = await failure(youtube.publish(context, account, content({ title: 'Busy', media: [video] }), memoryCheckpoint(), 'k'));
    expect(quota).toMatchObject({ kind: 'rate_limited', details: { vendorCode: 'quotaExceeded' } });
    expect(quota.retryAfterMs).toBeGreaterThan(0);
    expect(quota.retryAfterMs).toBeLessThanOrEqual(25 * 3600 * 1000);
  });

  it('a 5xx on the processing status read is retried (read-only) and the video counts as published', async () => {
    sim.faults.next(/\/youtube\/v3\/videos$/, { kind: 'status', status: 503 }, 'GET');
    const result = await youtube.publish(context, account, content({ title: 'Through a 503', media: [uniqueVideo(media, 'poll.mp4', 2048)] }), memoryCheckpoint(), 'k');
    expect(sim.posts.some((post) => post.id === result.remoteId)).toBe(true);
  });

  it('a 5xx on the last byte is an unknown outcome; reconcile probes the session, finds nothing, and the retry finishes the upload', async () => {
    const post = content({ title: 'Behind a 502', text: 'Behind a 502', media: [uniqueVideo(media, 'gateway.mp4', 3000)] });
    const checkpoint = memoryCheckpoint();
    sim.faults.next(/\/upload\/youtube\/v3\/videos$/, { kind: 'status', status: 502 }, 'PUT');
    expect((await failure(youtube.publish(context, account, post, checkpoint, 'k'))).kind).toBe('unknown_outcome');
    expect(await youtube.reconcile(context, account, post, checkpoint, new Date())).toEqual({ found: false });
    const result = await youtube.publish(context, account, post, checkpoint, 'k');
    expect(sim.posts.filter((candidate) => candidate.text === 'Behind a 502').map((candidate) => candidate.id)).toEqual([result.remoteId]);
  });

  it('a lost response on the last byte is an unknown outcome; reconcile finds the video, and a retry does not upload it twice', async () => {
    const post = content({ title: 'Lost', text: 'Lost in transit', media: [uniqueVideo(media, 'lost.mp4', 3000)] });
    const checkpoint = memoryCheckpoint();
    sim.faults.next(/\/upload\/youtube\/v3\/videos$/, { kind: 'lose-response' }, 'PUT');
    expect((await failure(youtube.publish(context, account, post, checkpoint, 'k'))).kind).toBe('unknown_outcome');
    const [uploaded] = sim.posts.filter((candidate) => candidate.text === 'Lost in transit');
    expect(await youtube.reconcile(context, account, post, checkpoint, new Date())).toEqual({ found: true, result: { remoteId: uploaded!.id, url: null } });
    expect((await youtube.publish(context, account, post, checkpoint, 'k')).remoteId).toBe(uploaded!.id);
    expect(sim.posts.filter((candidate) => candidate.text === 'Lost in transit')).toHaveLength(1);
  });

  it('reconcile without an upload session: nothing was published', async () => {
    expect(await youtube.reconcile(context, account, content({ media: [uniqueVideo(media, 'never.mp4', 100)] }), memoryCheckpoint(), new Date())).toEqual({ found: false });
  });

  it('metrics: views, likes and comments as numbers', async () => {
    const video = sim.posts.find((post) => post.author === account.remoteId)!;
    expect(await youtube.metrics(context, account, video.id)).toEqual({ views: 42, likes: 6, comments: 3 });
  });

  it('revoke ends the grant: the refresh token stops working; revoking again is harmless', async () => {
    const other = await connect('revoke_me');
    await youtube.revoke!(context, other.tokens);
    expect((await failure(youtube.refresh!(context, other.tokens))).kind).toBe('auth');
    await expect(youtube.revoke!(context, other.tokens)).resolves.toBeUndefined();
  });

  it('our client sent nothing the official YouTube spec refuses', () => {
    expect(sim.specViolations).toEqual([]);
  });
});

describe('YouTube simulator spec checks', () => {
  it('answers 400 in Google’s error shape to a request the official spec refuses, and records it', async () => {
    const checkRequest = await loadSpecChecker(YOUTUBE_SPEC);
    const { sim: strict, url, close: stop } = await startSimulator(youtube, client, (options) => createYouTubeSimulator({ ...options, checkRequest }));
    try {
      const response = await fetch(`${url}/youtube/v3/videos?id=abc`, { headers: { authorization: 'Bearer whatever' } });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 400, errors: [{ reason: 'invalidParameter' }] } });
      expect(strict.specViolations).toEqual([expect.stringMatching(/part/)]);
    } finally {
      await stop();
    }
  });
});

describe('YouTube simulator mounted under a base path (sandbox mode)', () => {
  it('serves the same flows below /sandbox/networks/youtube, spec checks included', async () => {
    const checkRequest = await loadSpecChecker(YOUTUBE_SPEC);
    const basePath = '/sandbox/networks/youtube';
    const { sim: mounted, context: mountedContext, media: served, close: stop } = await startSimulator(youtube, client, (options) => createYouTubeSimulator({ ...options, checkRequest }), { basePath });
    try {
      const { code } = await approveSandboxConsent(youtube.oauth.authorizeUrl(mountedContext.settings, { state: 's', redirectUri, codeChallenge: null }));
      const tokens = await youtube.oauth.exchangeCode(mountedContext, { code, redirectUri, codeVerifier: null });
      const [channel] = await youtube.listAccounts(mountedContext, tokens);
      const handle: AccountHandle = { remoteId: channel!.remoteId, kind: 'channel', tokens };
      const result = await youtube.publish(mountedContext, handle, content({ title: 'Mounted', media: [publishMedia(served, 'm.mp4', tinyMp4(1000), 'video/mp4')] }), memoryCheckpoint(), 'k');
      expect(mounted.posts.map((post) => post.id)).toEqual([result.remoteId]);
      expect(mounted.specViolations).toEqual([]);
    } finally {
      await stop();
    }
  });
});
