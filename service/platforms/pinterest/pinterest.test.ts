import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPinterestSimulator, PINTEREST_SPEC } from '../../sandbox/networks/pinterest/index.js';
import { loadSpecChecker } from '../../sandbox/networks/kit/spec-check.js';
import type { NetworkSimulator } from '../../sandbox/networks/kit/types.js';
import { approveSandboxConsent, content, failure, memoryCheckpoint, publishMedia, startSimulator, tinyJpeg, tinyMp4, type MediaServer } from '../testing/harness.js';
import type { AccountHandle, PlatformContext } from '../types.js';
import { listPinterestBoards, pinterestPlatform } from './index.js';

const client = { clientId: 'minopa-test', clientSecret: 'test-secret' };
const redirectUri = 'http://127.0.0.1/api/v1/connect/pinterest/callback';

let sim: NetworkSimulator;
let media: MediaServer;
let context: PlatformContext;
let close: () => Promise<void>;
let account: AccountHandle;
let boardId: string;

beforeAll(async () => {
  const checkRequest = await loadSpecChecker(PINTEREST_SPEC);
  ({ sim, media, context, close } = await startSimulator(pinterestPlatform, client, (options) => createPinterestSimulator({ ...options, checkRequest })));
});

afterAll(() => close());

describe('Pinterest adapter against the simulator', () => {
  it('connects: consent page, code exchange with Basic auth, the profile (P9 fields only) and its boards', async () => {
    const authorizeUrl = pinterestPlatform.oauth.authorizeUrl(context.settings, { state: 'st-1', redirectUri, codeChallenge: null });
    expect(new URL(authorizeUrl).searchParams.get('scope')).toBe('user_accounts:read,boards:read,pins:read,pins:write');
    expect(pinterestPlatform.oauth.pkce).toBe(false);
    const { code, state } = await approveSandboxConsent(authorizeUrl, { username: 'pin_studio', displayName: 'Pin Studio' });
    expect(state).toBe('st-1');
    const tokens = await pinterestPlatform.oauth.exchangeCode(context, { code, redirectUri, codeVerifier: null });
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresAt!.getTime() - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
    const accounts = await pinterestPlatform.listAccounts(context, tokens);
    expect(accounts).toHaveLength(1);
    expect(Object.keys(accounts[0]!).sort()).toEqual(['avatarUrl', 'kind', 'name', 'remoteId', 'username']);
    expect(accounts[0]).toMatchObject({ kind: 'profile', name: 'Pin Studio', username: 'pin_studio' });
    account = { remoteId: accounts[0]!.remoteId, kind: 'profile', tokens };
    const boards = await listPinterestBoards(context, tokens);
    expect(boards.map((board) => board.name)).toEqual(['Inspiration', 'Studio notes']);
    boardId = boards[0]!.id;
  });

  it('a code works once: a second exchange is refused as an auth failure', async () => {
    const { code } = await approveSandboxConsent(pinterestPlatform.oauth.authorizeUrl(context.settings, { state: 's', redirectUri, codeChallenge: null }));
    await pinterestPlatform.oauth.exchangeCode(context, { code, redirectUri, codeVerifier: null });
    expect((await failure(pinterestPlatform.oauth.exchangeCode(context, { code, redirectUri, codeVerifier: null }))).kind).toBe('auth');
  });

  it('publishes an image Pin to the chosen board, as the connected account, fetched from its public URL', async () => {
    const image = publishMedia(media, 'cover.jpg', await tinyJpeg(), 'image/jpeg');
    const checkpoint = memoryCheckpoint();
    const result = await pinterestPlatform.publish(context, account, content({ text: 'Autumn palette', title: 'Palette', media: [image], options: { boardId } }), checkpoint, 'key-1');
    const pin = sim.posts.find((post) => post.id === result.remoteId);
    expect(pin).toMatchObject({ author: account.remoteId, text: 'Autumn palette', media: [image.publicUrl], extra: { boardId, title: 'Palette' } });
    expect(result.url).toBeNull(); // sandbox Pins have no pinterest.com address
    expect(checkpoint.state.pinId).toBe(result.remoteId);
    expect(media.hits.get('/cover.jpg')).toBe(1);
  });

  it('publishes several images as one Pin', async () => {
    const images = [publishMedia(media, 'a.jpg', await tinyJpeg('#111111'), 'image/jpeg'), publishMedia(media, 'b.jpg', await tinyJpeg('#222222'), 'image/jpeg')];
    const result = await pinterestPlatform.publish(context, account, content({ text: 'Two looks', media: images, options: { boardId } }), memoryCheckpoint(), 'key-2');
    expect(sim.posts.find((post) => post.id === result.remoteId)?.media).toEqual(images.map((image) => image.publicUrl));
  });

  it('publishes a video Pin: upload, processing poll, Pin with a cover; the media id is checkpointed', async () => {
    const video = publishMedia(media, 'clip.mp4', tinyMp4(), 'video/mp4');
    const checkpoint = memoryCheckpoint();
    const result = await pinterestPlatform.publish(context, account, content({ text: 'Studio tour', media: [video], options: { boardId } }), checkpoint, 'key-3');
    const pin = sim.posts.find((post) => post.id === result.remoteId);
    expect(pin?.extra?.mediaType).toBe('video');
    expect(pin?.media).toEqual([`video:${String(checkpoint.state.videoMediaId)}`]);
  });

  it('resumes from the checkpoint: an uploaded video is not uploaded again, a created Pin is not created again', async () => {
    const video = publishMedia(media, 'resume.mp4', tinyMp4(2048), 'video/mp4');
    const first = memoryCheckpoint();
    const published = await pinterestPlatform.publish(context, account, content({ text: 'Resumed video', media: [video], options: { boardId } }), first, 'key-4');
    const count = sim.posts.length;
    const again = await pinterestPlatform.publish(context, account, content({ text: 'Resumed video', media: [video], options: { boardId } }), memoryCheckpoint(first.state), 'key-4');
    expect(again.remoteId).toBe(published.remoteId);
    expect(sim.posts).toHaveLength(count);

    // A crash after the upload: only the media id survived. The bytes are not read (uploaded) again.
    let opened = 0;
    const counted = { ...video, open: () => ((opened += 1), video.open()) };
    const result = await pinterestPlatform.publish(context, account, content({ text: 'Same video, new Pin', media: [counted], options: { boardId } }), memoryCheckpoint({ videoMediaId: first.state.videoMediaId }), 'key-5');
    expect(opened).toBe(0);
    expect(sim.posts.find((post) => post.id === result.remoteId)?.media).toEqual([`video:${String(first.state.videoMediaId)}`]);
  });

  it('refuses content Pinterest cannot take before calling it: no media, no board', async () => {
    const before = sim.posts.length;
    expect(await failure(pinterestPlatform.publish(context, account, content({ options: { boardId } }), memoryCheckpoint(), 'k'))).toMatchObject({ kind: 'invalid_content', message: expect.stringMatching(/image or a video/) });
    const image = publishMedia(media, 'noboard.jpg', await tinyJpeg(), 'image/jpeg');
    expect(await failure(pinterestPlatform.publish(context, account, content({ media: [image] }), memoryCheckpoint(), 'k'))).toMatchObject({ kind: 'invalid_content', message: expect.stringMatching(/board/) });
    expect(sim.posts).toHaveLength(before);
  });

  it('a duplicate Pin is refused as invalid content', async () => {
    const image = publishMedia(media, 'dup.jpg', await tinyJpeg('#00aa00'), 'image/jpeg');
    const post = content({ text: 'Only once', media: [image], options: { boardId } });
    await pinterestPlatform.publish(context, account, post, memoryCheckpoint(), 'dup-1');
    expect((await failure(pinterestPlatform.publish(context, account, post, memoryCheckpoint(), 'dup-2'))).kind).toBe('invalid_content');
  });

  it('an expired token is an auth failure; a refresh brings the account back, and the refresh token keeps working (continuous)', async () => {
    sim.store.expireAccessTokens();
    const error = await failure(pinterestPlatform.listAccounts(context, account.tokens));
    expect(error).toMatchObject({ kind: 'auth', details: { httpStatus: 401, vendorCode: '2' } });
    const refreshed = await pinterestPlatform.refresh!(context, account.tokens);
    expect(refreshed.accessToken).not.toBe(account.tokens.accessToken);
    expect((await pinterestPlatform.listAccounts(context, refreshed))[0]!.remoteId).toBe(account.remoteId);
    const again = await pinterestPlatform.refresh!(context, refreshed);
    account = { ...account, tokens: again };
    expect(again.refreshToken).toBe(refreshed.refreshToken);
  });

  it('a refresh token Pinterest refuses means reconnect (auth)', async () => {
    expect((await failure(pinterestPlatform.refresh!(context, { ...account.tokens, refreshToken: 'rt-unknown' }))).kind).toBe('auth');
  });

  it('offers no revoke: Pinterest only revokes system-user tokens', () => {
    expect(pinterestPlatform.revoke).toBeUndefined();
  });

  it('429 is rate_limited with the Retry-After', async () => {
    sim.faults.next(/\/v5\/pins$/, { kind: 'status', status: 429, headers: { 'retry-after': '7' } }, 'POST');
    const image = publishMedia(media, 'busy.jpg', await tinyJpeg('#0000aa'), 'image/jpeg');
    const error = await failure(pinterestPlatform.publish(context, account, content({ text: 'Busy', media: [image], options: { boardId } }), memoryCheckpoint(), 'k'));
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 7000, details: { vendorCode: '8' } });
  });

  it('a 5xx on the processing poll is retried (read-only) and the Pin goes out', async () => {
    sim.faults.next(/\/v5\/media\/\d+$/, { kind: 'status', status: 503 }, 'GET');
    const video = publishMedia(media, 'poll.mp4', tinyMp4(1024), 'video/mp4');
    const result = await pinterestPlatform.publish(context, account, content({ text: 'Through a 503', media: [video], options: { boardId } }), memoryCheckpoint(), 'k');
    expect(sim.posts.some((post) => post.id === result.remoteId)).toBe(true);
  });

  it('a 5xx on the Pin creation is an unknown outcome; reconcile finds nothing because nothing was pinned', async () => {
    sim.faults.next(/\/v5\/pins$/, { kind: 'status', status: 502 }, 'POST');
    const image = publishMedia(media, 'bad-gateway.jpg', await tinyJpeg('#aa00aa'), 'image/jpeg');
    const post = content({ text: 'Behind a 502', media: [image], options: { boardId } });
    const since = new Date();
    expect((await failure(pinterestPlatform.publish(context, account, post, memoryCheckpoint(), 'k'))).kind).toBe('unknown_outcome');
    expect(await pinterestPlatform.reconcile(context, account, post, memoryCheckpoint(), since)).toEqual({ found: false });
  });

  it('a lost response on the Pin creation is an unknown outcome; reconcile finds the Pin that went out, and only once', async () => {
    sim.faults.next(/\/v5\/pins$/, { kind: 'lose-response' }, 'POST');
    const image = publishMedia(media, 'lost.jpg', await tinyJpeg('#aaaa00'), 'image/jpeg');
    const post = content({ text: 'Lost in transit', title: 'Lost', media: [image], options: { boardId } });
    const since = new Date();
    expect((await failure(pinterestPlatform.publish(context, account, post, memoryCheckpoint(), 'k'))).kind).toBe('unknown_outcome');
    const pinned = sim.posts.filter((candidate) => candidate.text === 'Lost in transit');
    expect(pinned).toHaveLength(1);
    expect(await pinterestPlatform.reconcile(context, account, post, memoryCheckpoint(), since)).toEqual({ found: true, result: { remoteId: pinned[0]!.id, url: null } });
  });

  it('metrics: lifetime reactions, comments, saves and impressions as numbers', async () => {
    const pin = sim.posts.find((post) => post.author === account.remoteId)!;
    expect(await pinterestPlatform.metrics(context, account, pin.id)).toEqual({ likes: 7, comments: 2, shares: 5, impressions: 120 });
  });

  it('our client sent nothing the official Pinterest spec refuses', () => {
    expect(sim.specViolations).toEqual([]);
  });
});

describe('Pinterest simulator spec checks', () => {
  it('answers 400 in Pinterest’s error shape to a request the official spec refuses, and records it', async () => {
    const checkRequest = await loadSpecChecker(PINTEREST_SPEC);
    const { sim: strict, url, close: stop } = await startSimulator(pinterestPlatform, client, (options) => createPinterestSimulator({ ...options, checkRequest }));
    try {
      const response = await fetch(`${url}/v5/boards?page_size=500`, { headers: { authorization: 'Bearer whatever' } });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 1, message: expect.stringMatching(/page_size/) });
      expect(strict.specViolations).toHaveLength(1);
    } finally {
      await stop();
    }
  });
});

describe('Pinterest simulator mounted under a base path (sandbox mode)', () => {
  it('serves the same flows below /sandbox/networks/pinterest, spec checks included', async () => {
    const checkRequest = await loadSpecChecker(PINTEREST_SPEC);
    const basePath = '/sandbox/networks/pinterest';
    const { sim: mounted, context: mountedContext, close: stop } = await startSimulator(pinterestPlatform, client, (options) => createPinterestSimulator({ ...options, checkRequest }), { basePath });
    try {
      const { code } = await approveSandboxConsent(pinterestPlatform.oauth.authorizeUrl(mountedContext.settings, { state: 's', redirectUri, codeChallenge: null }));
      const tokens = await pinterestPlatform.oauth.exchangeCode(mountedContext, { code, redirectUri, codeVerifier: null });
      expect(await listPinterestBoards(mountedContext, tokens)).toHaveLength(2);
      expect(mounted.specViolations).toEqual([]);
    } finally {
      await stop();
    }
  });
});
