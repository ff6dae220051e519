import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkSimulator } from '../../sandbox/networks/kit/types.js';
import { createThreadsSimulator } from '../../sandbox/networks/threads/index.js';
import { accountHandle, approveSandboxConsent, connectSandboxPerson, content, failure, memoryCheckpoint, startSimulator, TEST_CLIENT, type MediaServer } from '../testing/harness.js';
import type { AccountHandle, PlatformContext, TokenSet } from '../types.js';
import { createThreadsPlatform } from './index.js';

const REDIRECT = 'http://app.test/api/v1/connect/threads/callback';
const threads = createThreadsPlatform({ firstDelayMs: 5, maxDelayMs: 20, maxWaitMs: 2_000, retries: 3 });

let sim: NetworkSimulator;
let media: MediaServer;
let context: PlatformContext;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ sim, media, context, close } = await startSimulator(threads, TEST_CLIENT, createThreadsSimulator));
});
afterAll(() => close());

let people = 0;
async function connect(): Promise<{ account: AccountHandle; tokens: TokenSet }> {
  const { tokens, profiles } = await connectSandboxPerson(threads, context, { redirectUri: REDIRECT, person: { username: `th_person_${++people}`, displayName: `Threads Person ${people}` } });
  return { account: accountHandle(profiles[0]!, tokens), tokens };
}

const postsBy = (account: AccountHandle) => sim.posts.filter((post) => post.author === account.remoteId);

describe('Threads adapter against the simulator', () => {
  it('connects: comma-joined scopes, a 60-day token, the profile with P9 fields only; no revocation exists', async () => {
    const url = new URL(threads.oauth.authorizeUrl(context.settings, { state: 'st', redirectUri: REDIRECT, codeChallenge: null }));
    expect(url.searchParams.get('scope')).toBe('threads_basic,threads_content_publish,threads_manage_insights,threads_manage_replies');
    const { code } = await approveSandboxConsent(url.toString(), { username: 'lin_threads', displayName: 'Lin' });
    const tokens = await threads.oauth.exchangeCode(context, { code, redirectUri: REDIRECT, codeVerifier: null });
    expect(tokens.expiresAt!.getTime() - Date.now()).toBeGreaterThan(59 * 24 * 3600_000);
    expect(await threads.listAccounts(context, tokens)).toEqual([{ remoteId: expect.stringMatching(/^\d+$/), kind: 'profile', name: 'Lin', username: 'lin_threads', avatarUrl: expect.stringContaining('/avatars/') }]);
    expect(threads.revoke).toBeUndefined();
  });

  it('refresh gives a new 60-day token that publishes', async () => {
    const { account, tokens } = await connect();
    const refreshed = await threads.refresh!(context, tokens);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    await threads.publish(context, { ...account, tokens: refreshed }, content({ text: 'Refreshed' }), memoryCheckpoint(), 'k0');
    expect(postsBy(account)).toHaveLength(1);
  });

  it('publishes text, an image and a video, each once, with permalinks', async () => {
    const { account } = await connect();
    const text = await threads.publish(context, account, content({ text: 'Just words' }), memoryCheckpoint(), 'k1');
    expect(text.url).toContain(text.remoteId);
    await threads.publish(context, account, content({ text: 'A picture', media: [media.media('photo.png')] }), memoryCheckpoint(), 'k2');
    await threads.publish(context, account, content({ text: 'A clip', media: [media.media('clip.mp4')] }), memoryCheckpoint(), 'k3');
    expect(postsBy(account).map((post) => post.extra?.mediaType)).toEqual(['TEXT', 'IMAGE', 'VIDEO']);
  });

  it('publishes a carousel, and a thread whose parts reply to the previous post', async () => {
    const { account } = await connect();
    await threads.publish(context, account, content({ text: 'Two pictures', media: [media.media('photo.jpg'), media.media('photo.png')] }), memoryCheckpoint(), 'k4');
    const checkpoint = memoryCheckpoint();
    const result = await threads.publish(context, account, content({ text: 'Thread 1/3', threadParts: ['Thread 2/3', 'Thread 3/3'] }), checkpoint, 'k5');
    const [carousel, first, second, third] = postsBy(account);
    expect(carousel).toMatchObject({ extra: { mediaType: 'CAROUSEL' }, media: [media.media('photo.jpg').publicUrl, media.media('photo.png').publicUrl] });
    expect(result.remoteId).toBe(first!.id);
    expect(second).toMatchObject({ text: 'Thread 2/3', extra: { replyTo: first!.id } });
    expect(third).toMatchObject({ text: 'Thread 3/3', extra: { replyTo: second!.id } });
    // Resumed after everything went out: nothing is posted again.
    await threads.publish(context, account, content({ text: 'Thread 1/3', threadParts: ['Thread 2/3', 'Thread 3/3'] }), checkpoint, 'k5');
    expect(postsBy(account)).toHaveLength(4);
  });

  it('text over 500 (emoji counted as UTF-8 bytes) is refused as invalid content', async () => {
    const { account } = await connect();
    const error = await failure(threads.publish(context, account, content({ text: `${'a'.repeat(490)}${'🎉'.repeat(3)}` }), memoryCheckpoint(), 'k6'));
    expect(error).toMatchObject({ kind: 'invalid_content', details: { vendorCode: '100' } });
    expect(error.message).toContain('500');
  });

  it('an image Threads cannot fetch ends the container in ERROR: invalid content', async () => {
    const { account } = await connect();
    const missing = { ...media.media('photo.jpg'), publicUrl: media.media('gone.jpg').publicUrl };
    const error = await failure(threads.publish(context, account, content({ text: 'Gone', media: [missing] }), memoryCheckpoint(), 'k7'));
    expect(error.kind).toBe('invalid_content');
    expect(error.message).toContain('answered 404');
  });

  it('an expired token is auth; 429 with Retry-After is rate_limited', async () => {
    const { account } = await connect();
    sim.faults.next(/\/threads$/, { kind: 'status', status: 429, headers: { 'retry-after': '12' } }, 'POST');
    expect(await failure(threads.publish(context, account, content({ text: 'Busy' }), memoryCheckpoint(), 'k8'))).toMatchObject({ kind: 'rate_limited', retryAfterMs: 12_000 });
    sim.store.expireAccessTokens();
    expect(await failure(threads.publish(context, account, content({ text: 'Expired' }), memoryCheckpoint(), 'k9'))).toMatchObject({ kind: 'auth', details: { vendorCode: '190/463' } });
  });

  it('a 5xx on a status poll is retried', async () => {
    const { account } = await connect();
    sim.faults.next(/\/v1\.0\/\d+$/, { kind: 'status', status: 503 }, 'GET');
    await threads.publish(context, account, content({ text: 'Polled through a 503', media: [media.media('clip.mp4')] }), memoryCheckpoint(), 'k10');
    expect(postsBy(account)).toHaveLength(1);
  });

  it('a 5xx on threads_publish is an unknown outcome; reconcile reads the container: not published', async () => {
    const { account } = await connect();
    sim.faults.next(/\/threads_publish$/, { kind: 'status', status: 502 }, 'POST');
    const post = content({ text: 'Maybe' });
    const checkpoint = memoryCheckpoint();
    expect((await failure(threads.publish(context, account, post, checkpoint, 'k11'))).kind).toBe('unknown_outcome');
    expect(await threads.reconcile(context, account, post, checkpoint, new Date(Date.now() - 60_000))).toEqual({ found: false });
  });

  it('a lost answer in the middle of a thread: reconcile says the thread is incomplete; the resumed publish finishes it without repeating a part', async () => {
    const { account } = await connect();
    const since = new Date();
    const post = content({ text: 'Part A', threadParts: ['Part B', 'Part C'] });
    sim.faults.next(/\/threads_publish$/, { kind: 'lose-response' }, 'POST');
    const checkpoint = memoryCheckpoint();
    expect((await failure(threads.publish(context, account, post, checkpoint, 'k12'))).kind).toBe('unknown_outcome');
    expect(await threads.reconcile(context, account, post, checkpoint, since)).toEqual({ found: false });
    const result = await threads.publish(context, account, post, checkpoint, 'k12');
    expect(postsBy(account).map((each) => each.text)).toEqual(['Part A', 'Part B', 'Part C']);
    expect(await threads.reconcile(context, account, post, checkpoint, since)).toEqual({ found: true, result });
  });

  it('a lost answer on a single post: reconcile finds it through its PUBLISHED container', async () => {
    const { account } = await connect();
    const since = new Date();
    sim.faults.next(/\/threads_publish$/, { kind: 'lose-response' }, 'POST');
    const post = content({ text: 'Out, answer lost' });
    const checkpoint = memoryCheckpoint();
    expect((await failure(threads.publish(context, account, post, checkpoint, 'k13'))).kind).toBe('unknown_outcome');
    const [created] = postsBy(account);
    expect(await threads.reconcile(context, account, post, checkpoint, since)).toEqual({ found: true, result: { remoteId: created!.id, url: expect.stringContaining(created!.id) } });
  });

  it('metrics: views, likes, replies and shares are numbers; replies count the thread’s replies', async () => {
    const { account } = await connect();
    const result = await threads.publish(context, account, content({ text: 'Count', threadParts: ['A reply'] }), memoryCheckpoint(), 'k14');
    const metrics = await threads.metrics(context, account, result.remoteId);
    for (const name of ['views', 'likes', 'comments', 'shares'] as const) expect(typeof metrics[name]).toBe('number');
    expect(metrics.comments).toBe(1);
  });
});
