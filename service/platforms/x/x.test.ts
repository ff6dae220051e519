import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSpecChecker } from '../../sandbox/networks/kit/spec-check.js';
import type { NetworkSimulator } from '../../sandbox/networks/kit/types.js';
import { createXSimulator, X_SPEC } from '../../sandbox/networks/x/index.js';
import { accountHandle, connectSandboxPerson, content, failure, memoryCheckpoint, publishMedia, startSimulator, tinyJpeg, tinyMp4, unique, type MediaServer } from '../testing/harness.js';
import type { AccountHandle, PlatformContext, TokenSet } from '../types.js';
import { xPlatform } from './index.js';

const client = { clientId: 'minopa-x', clientSecret: 'x-secret' };
const redirectUri = 'http://127.0.0.1:1/api/v1/connect/x/callback';

let sim: NetworkSimulator;
let media: MediaServer;
let ctx: PlatformContext;
let close: () => Promise<void>;

beforeAll(async () => {
  const checkRequest = await loadSpecChecker(X_SPEC);
  ({ sim, media, context: ctx, close } = await startSimulator(xPlatform, client, (options) => createXSimulator({ ...options, checkRequest, videoProcessingMs: 300 })));
});

afterAll(async () => {
  // Everything our adapter sent in this file was something X's official spec accepts.
  expect(sim.specViolations).toEqual([]);
  await close();
});

beforeEach(() => sim.faults.clear());

/** Connects a sandbox X account the way a person does: consent page, code, exchange (PKCE S256). */
async function connect(username = `studio_${randomBytes(3).toString('hex')}`): Promise<{ tokens: TokenSet; account: AccountHandle; state: string }> {
  const person = { username, displayName: 'Studio Sandbox' };
  const { tokens, profiles, state } = await connectSandboxPerson(xPlatform, ctx, { redirectUri, person, state: randomBytes(8).toString('hex') });
  return { tokens, account: accountHandle(profiles[0]!, tokens), state: state ?? '' };
}

describe('X: connecting', () => {
  it('P25: authorizes with state and a PKCE S256 challenge, scopes joined by %20 as X documents', () => {
    const url = new URL(xPlatform.oauth.authorizeUrl(ctx.settings, { state: 'st4te', redirectUri, codeChallenge: 'abc' }));
    expect(url.searchParams.get('state')).toBe('st4te');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.toString()).toContain('scope=tweet.read%20tweet.write%20users.read%20media.write%20offline.access');
  });

  it('P9: connects through the consent page and keeps only id, name, username and avatar', async () => {
    const { tokens, account, state } = await connect('ada_sandbox');
    expect(state).not.toBe('');
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 7000_000);
    const profiles = await xPlatform.listAccounts(ctx, tokens);
    expect(profiles).toEqual([{ remoteId: account.remoteId, kind: 'profile', name: 'Studio Sandbox', username: 'ada_sandbox', avatarUrl: expect.stringMatching(/^http/) }]);
  });

  it('refreshes with a single-use refresh token: the old one no longer works afterwards', async () => {
    const { tokens } = await connect();
    const renewed = await xPlatform.refresh!(ctx, tokens);
    expect(renewed.refreshToken).not.toBe(tokens.refreshToken);
    expect(await xPlatform.listAccounts(ctx, renewed)).toHaveLength(1);
    const reused = await failure(xPlatform.refresh!(ctx, tokens));
    expect(reused.kind).toBe('auth');
  });

  it('revokes at X on disconnect: the tokens stop working', async () => {
    const { tokens } = await connect();
    await xPlatform.revoke!(ctx, tokens);
    expect((await failure(xPlatform.listAccounts(ctx, tokens))).kind).toBe('auth');
    expect((await failure(xPlatform.refresh!(ctx, tokens))).kind).toBe('auth');
  });
});

describe('X: publishing', () => {
  it('publishes a text post', async () => {
    const { account } = await connect();
    const text = unique('Hello from Minopa');
    const result = await xPlatform.publish(ctx, account, content({ text }), memoryCheckpoint(), 'key-1');
    const post = sim.posts.find((candidate) => candidate.id === result.remoteId);
    expect(post).toMatchObject({ author: account.remoteId, text, media: [] });
    expect(result.url).toBe(`https://x.com/i/web/status/${result.remoteId}`);
  });

  it('publishes two images uploaded in chunks', async () => {
    const { account } = await connect();
    const images = [publishMedia(media, 'red.jpg', await tinyJpeg('#ff0000'), 'image/jpeg'), publishMedia(media, 'blue.jpg', await tinyJpeg('#0000ff'), 'image/jpeg')];
    const checkpoint = memoryCheckpoint();
    const result = await xPlatform.publish(ctx, account, content({ text: unique('Two photos'), media: images }), checkpoint, 'key-2');
    expect(sim.posts.find((post) => post.id === result.remoteId)!.media).toHaveLength(2);
    expect(Object.keys(checkpoint.state.media as object)).toEqual(['red.jpg', 'blue.jpg']);
  });

  it('publishes a video of several 1 MB segments once X has processed it', async () => {
    const { account } = await connect();
    const video = publishMedia(media, 'clip.mp4', tinyMp4(2.5 * 1024 * 1024), 'video/mp4');
    const result = await xPlatform.publish(ctx, account, content({ text: unique('A clip'), media: [video] }), memoryCheckpoint(), 'key-3');
    expect(sim.posts.find((post) => post.id === result.remoteId)!.media).toHaveLength(1);
  });

  it('publishes a thread, each part replying to the one before', async () => {
    const { account } = await connect();
    const parts = [unique('Part two'), unique('Part three')];
    const result = await xPlatform.publish(ctx, account, content({ text: unique('Part one'), threadParts: parts }), memoryCheckpoint(), 'key-4');
    const thread = sim.posts.filter((post) => post.author === account.remoteId);
    expect(thread.map((post) => post.extra?.replyTo)).toEqual([null, thread[0]!.id, thread[1]!.id]);
    expect(thread[0]!.id).toBe(result.remoteId);
  });

  it('resumes from the checkpoint without uploading the media again', async () => {
    const { account } = await connect();
    const image = publishMedia(media, 'resume.jpg', await tinyJpeg('#00ff00'), 'image/jpeg');
    const checkpoint = memoryCheckpoint();
    sim.faults.next(/\/2\/tweets$/, { kind: 'status', status: 503 }, 'POST');
    expect((await failure(xPlatform.publish(ctx, account, content({ text: unique('Resumed'), media: [image] }), checkpoint, 'key-5'))).kind).toBe('transient');
    const hitsBefore = media.hits.get('/resume.jpg') ?? 0;
    const uploadsBefore = (checkpoint.state.media as Record<string, { mediaId: string }>)['resume.jpg']!.mediaId;
    const result = await xPlatform.publish(ctx, account, content({ text: unique('Resumed'), media: [image] }), checkpoint, 'key-5');
    expect(sim.posts.find((post) => post.id === result.remoteId)!.media).toEqual([uploadsBefore]);
    expect(media.hits.get('/resume.jpg') ?? 0).toBe(hitsBefore);
  });

  it('returns numbers for metrics, views included for a video', async () => {
    const { account } = await connect();
    const video = publishMedia(media, 'metrics.mp4', tinyMp4(), 'video/mp4');
    const result = await xPlatform.publish(ctx, account, content({ text: unique('Count me'), media: [video] }), memoryCheckpoint(), 'key-6');
    const metrics = await xPlatform.metrics(ctx, account, result.remoteId);
    for (const key of ['likes', 'comments', 'shares', 'impressions', 'views'] as const) expect(typeof metrics[key]).toBe('number');
  });
});

describe('X: failures, each of its kind', () => {
  it('an expired token is an auth failure', async () => {
    const { account } = await connect();
    sim.store.expireAccessTokens();
    const error = await failure(xPlatform.publish(ctx, account, content({ text: unique('Too late') }), memoryCheckpoint(), 'key-7'));
    expect(error.kind).toBe('auth');
    expect(error.details.httpStatus).toBe(401);
  });

  it('a 429 is rate_limited, waiting until X’s x-rate-limit-reset', async () => {
    const { account } = await connect();
    const reset = Math.floor(Date.now() / 1000) + 120;
    sim.faults.next(/\/2\/tweets$/, { kind: 'status', status: 429, headers: { 'x-rate-limit-reset': String(reset) } }, 'POST');
    const error = await failure(xPlatform.publish(ctx, account, content({ text: unique('Slow down') }), memoryCheckpoint(), 'key-8'));
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBeGreaterThan(100_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it('a duplicate post is invalid_content (X’s plain 403), not a broken connection', async () => {
    const { account } = await connect();
    const text = unique('Said it twice');
    await xPlatform.publish(ctx, account, content({ text }), memoryCheckpoint(), 'key-9');
    const error = await failure(xPlatform.publish(ctx, account, content({ text }), memoryCheckpoint(), 'key-10'));
    expect(error.kind).toBe('invalid_content');
    expect(error.message).toContain('duplicate content');
  });

  it('a 5xx on a media status poll is retried and the post goes out', async () => {
    const { account } = await connect();
    sim.faults.next(/\/2\/media\/upload$/, { kind: 'status', status: 503 }, 'GET');
    const video = publishMedia(media, 'poll.mp4', tinyMp4(), 'video/mp4');
    const result = await xPlatform.publish(ctx, account, content({ text: unique('Polled'), media: [video] }), memoryCheckpoint(), 'key-11');
    expect(sim.posts.some((post) => post.id === result.remoteId)).toBe(true);
    // The injected 503 was served (and survived), not left unused in the plan.
    expect(sim.faults.take('GET', '/2/media/upload')).toEqual([]);
  });

  it('a lost answer to the create is unknown_outcome, and reconcile then finds the post', async () => {
    const { account } = await connect();
    const since = new Date();
    const text = `${unique('Lost in transit')} https://example.com/a-long-link`;
    const image = publishMedia(media, 'lost.jpg', await tinyJpeg('#123456'), 'image/jpeg');
    const checkpoint = memoryCheckpoint();
    sim.faults.next(/\/2\/tweets$/, { kind: 'lose-response' }, 'POST');
    const error = await failure(xPlatform.publish(ctx, account, content({ text, media: [image] }), checkpoint, 'key-12'));
    expect(error.kind).toBe('unknown_outcome');
    const published = sim.posts.at(-1)!;
    expect(published.text).toBe(text);
    const answer = await xPlatform.reconcile(ctx, account, content({ text, media: [image] }), checkpoint, since);
    expect(answer).toEqual({ found: true, result: { remoteId: published.id, url: `https://x.com/i/web/status/${published.id}` } });
  });

  it('a 5xx from a gateway on the create is unknown_outcome; reconcile says not found when it did not happen', async () => {
    const { account } = await connect();
    const since = new Date();
    const text = unique('Never arrived');
    sim.faults.next(/\/2\/tweets$/, { kind: 'status', status: 502 }, 'POST');
    expect((await failure(xPlatform.publish(ctx, account, content({ text }), memoryCheckpoint(), 'key-13'))).kind).toBe('unknown_outcome');
    expect(await xPlatform.reconcile(ctx, account, content({ text }), memoryCheckpoint(), since)).toEqual({ found: false });
  });

  it('reconcile tells apart two posts that differ only in their link (X shows both links as t.co)', async () => {
    const { account } = await connect();
    const since = new Date();
    const words = unique('New on the blog');
    await xPlatform.publish(ctx, account, content({ text: `${words} https://example.com/first-article` }), memoryCheckpoint(), 'key-13a');
    const second = `${words} https://example.com/second-article`;
    sim.faults.next(/\/2\/tweets$/, { kind: 'status', status: 502 }, 'POST');
    expect((await failure(xPlatform.publish(ctx, account, content({ text: second }), memoryCheckpoint(), 'key-13b'))).kind).toBe('unknown_outcome');
    // The first post is on the timeline with the same words and a t.co link: it is not the second one.
    expect(await xPlatform.reconcile(ctx, account, content({ text: second }), memoryCheckpoint(), since)).toEqual({ found: false });
  });

  it('a thread whose second part was lost: reconcile records it, and the retry posts only the rest', async () => {
    const { account } = await connect();
    const since = new Date();
    const thread = content({ text: unique('One'), threadParts: [unique('Two'), unique('Three')] });
    const checkpoint = memoryCheckpoint();
    // The first create goes through; the second is done but its answer lost.
    sim.faults.next(/\/2\/tweets$/, { kind: 'delay', ms: 0 }, 'POST');
    sim.faults.next(/\/2\/tweets$/, { kind: 'lose-response' }, 'POST');
    expect((await failure(xPlatform.publish(ctx, account, thread, checkpoint, 'key-14'))).kind).toBe('unknown_outcome');
    expect(await xPlatform.reconcile(ctx, account, thread, checkpoint, since)).toEqual({ found: false });
    expect(checkpoint.state.parts).toHaveLength(2);
    const result = await xPlatform.publish(ctx, account, thread, checkpoint, 'key-14');
    const mine = sim.posts.filter((post) => post.author === account.remoteId);
    expect(mine.map((post) => post.text)).toEqual([thread.text, ...thread.threadParts]);
    expect(result.remoteId).toBe(mine[0]!.id);
    expect(await xPlatform.reconcile(ctx, account, thread, checkpoint, since)).toMatchObject({ found: true });
  });
});
