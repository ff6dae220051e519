import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLinkedInSimulator } from '../../sandbox/networks/linkedin/index.js';
import type { NetworkSimulator } from '../../sandbox/networks/kit/types.js';
import { accountHandle, connectSandboxPerson, content, failure, memoryCheckpoint, publishMedia, startSimulator, tinyJpeg, tinyMp4, unique, type MediaServer } from '../testing/harness.js';
import type { AccountHandle, AccountProfile, PlatformContext, PublishMedia, TokenSet } from '../types.js';
import { linkedinPlatform } from './index.js';

const client = { clientId: 'minopa-linkedin', clientSecret: 'li-secret' };
const redirectUri = 'http://127.0.0.1:1/api/v1/connect/linkedin/callback';
const PART = 256 * 1024;

let sim: NetworkSimulator;
let media: MediaServer;
let ctx: PlatformContext;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ sim, media, context: ctx, close } = await startSimulator(linkedinPlatform, client, (options) => createLinkedInSimulator({ ...options, processingMs: 200, videoPartBytes: PART })));
});

afterAll(() => close());

beforeEach(() => sim.faults.clear());

/** Connects a sandbox member through the consent page; returns the member and their Page. */
async function connect(): Promise<{ tokens: TokenSet; profiles: AccountProfile[]; member: AccountHandle; page: AccountHandle }> {
  const person = { username: `li_${randomBytes(3).toString('hex')}`, displayName: 'Grace Sandbox' };
  const { tokens, profiles } = await connectSandboxPerson(linkedinPlatform, ctx, { redirectUri, person, state: 'st' });
  return { tokens, profiles, member: accountHandle(profiles[0]!, tokens), page: accountHandle(profiles[1]!, tokens) };
}

describe('LinkedIn: connecting', () => {
  it('P25: authorizes with state and the scopes joined by %20 (LinkedIn has no PKCE on the web flow)', () => {
    const url = new URL(linkedinPlatform.oauth.authorizeUrl(ctx.settings, { state: 'abc', redirectUri, codeChallenge: null }));
    expect(url.searchParams.get('state')).toBe('abc');
    expect(url.searchParams.get('code_challenge')).toBeNull();
    expect(url.toString()).toContain('scope=openid%20profile%20w_member_social');
  });

  it('P9: offers the member and the Pages they administer, with only id, name, username and avatar', async () => {
    const { tokens, profiles } = await connect();
    expect(tokens.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 59 * 24 * 3600_000);
    expect(profiles).toEqual([
      { remoteId: expect.stringMatching(/^urn:li:person:\d+$/), kind: 'profile', name: 'Grace Sandbox', username: null, avatarUrl: expect.stringMatching(/^http/) },
      { remoteId: expect.stringMatching(/^urn:li:organization:\d+$/), kind: 'organization', name: 'Grace Sandbox Studio', username: expect.stringMatching(/-studio$/), avatarUrl: null },
    ]);
  });

  it('refreshes with the same (non-rotating) refresh token, which keeps working', async () => {
    const { tokens } = await connect();
    const renewed = await linkedinPlatform.refresh!(ctx, tokens);
    expect(renewed.accessToken).not.toBe(tokens.accessToken);
    expect(renewed.refreshToken).toBe(tokens.refreshToken);
    expect(await linkedinPlatform.refresh!(ctx, tokens)).toMatchObject({ refreshToken: tokens.refreshToken });
  });

  it('asks for a reconnect when the connection has no refresh token', async () => {
    const { tokens } = await connect();
    expect((await failure(linkedinPlatform.refresh!(ctx, { ...tokens, refreshToken: null }))).kind).toBe('auth');
  });

  it('revokes at LinkedIn on disconnect: the token stops working', async () => {
    const { tokens } = await connect();
    await linkedinPlatform.revoke!(ctx, tokens);
    const error = await failure(linkedinPlatform.listAccounts(ctx, tokens));
    expect(error.kind).toBe('auth');
    expect(error.details.vendorCode).toBe('REVOKED_ACCESS_TOKEN');
  });
});

describe('LinkedIn: publishing', () => {
  it('publishes a text post as the member, escaping little-text markup', async () => {
    const { member } = await connect();
    const text = unique('Ship it (today) — #launch');
    const result = await linkedinPlatform.publish(ctx, member, content({ text }), memoryCheckpoint(), 'k1');
    const post = sim.posts.find((candidate) => candidate.id === result.remoteId)!;
    expect(post.author).toBe(member.remoteId);
    expect(post.text).toBe(text.replace('(', '\\(').replace(')', '\\)'));
    expect(result.url).toBe(`https://www.linkedin.com/feed/update/${result.remoteId}`);
  });

  it('publishes several images as the Page, with the first comment', async () => {
    const { page } = await connect();
    const images = [publishMedia(media, 'li-a.jpg', await tinyJpeg('#aa0000'), 'image/jpeg'), publishMedia(media, 'li-b.jpg', await tinyJpeg('#00aa00'), 'image/jpeg')];
    const checkpoint = memoryCheckpoint();
    const result = await linkedinPlatform.publish(ctx, page, content({ text: unique('Our studio'), media: images, firstComment: 'Link in comments' }), checkpoint, 'k2');
    const post = sim.posts.find((candidate) => candidate.id === result.remoteId)!;
    expect(post.author).toBe(page.remoteId);
    expect(post.media).toHaveLength(2);
    expect(checkpoint.state.commentUrn).toMatch(/^urn:li:comment:/);
  });

  it('publishes a video uploaded in the byte ranges LinkedIn hands out', async () => {
    const { member } = await connect();
    const video = publishMedia(media, 'li.mp4', tinyMp4(PART * 2 + 1000), 'video/mp4');
    const result = await linkedinPlatform.publish(ctx, member, content({ text: unique('Watch this'), media: [video] }), memoryCheckpoint(), 'k3');
    expect(sim.posts.find((post) => post.id === result.remoteId)!.media[0]).toMatch(/^urn:li:video:/);
  });

  it('publishes a document with its title', async () => {
    const { member } = await connect();
    const bytes = Buffer.from('%PDF-1.4\n% sandbox\n');
    const pdf: PublishMedia = { ...publishMedia(media, 'deck.pdf', bytes, 'application/pdf'), kind: 'document', width: null, height: null, durationSeconds: null };
    const result = await linkedinPlatform.publish(ctx, member, content({ text: unique('Our deck'), title: 'Q4 deck', media: [pdf] }), memoryCheckpoint(), 'k4');
    expect(sim.posts.find((post) => post.id === result.remoteId)!.media[0]).toMatch(/^urn:li:document:/);
  });

  it('resumes without uploading again, and never creates a post the checkpoint already has', async () => {
    const { member } = await connect();
    const image = publishMedia(media, 'li-resume.jpg', await tinyJpeg('#0000aa'), 'image/jpeg');
    const checkpoint = memoryCheckpoint();
    const post = content({ text: unique('Again'), media: [image] });
    sim.faults.next(/\/rest\/posts$/, { kind: 'status', status: 503 }, 'POST');
    expect((await failure(linkedinPlatform.publish(ctx, member, post, checkpoint, 'k5'))).kind).toBe('transient');
    const hits = media.hits.get('/li-resume.jpg') ?? 0;
    const first = await linkedinPlatform.publish(ctx, member, post, checkpoint, 'k5');
    const again = await linkedinPlatform.publish(ctx, member, post, checkpoint, 'k5');
    expect(again.remoteId).toBe(first.remoteId);
    expect(sim.posts.filter((post) => post.author === member.remoteId)).toHaveLength(1);
    expect(media.hits.get('/li-resume.jpg') ?? 0).toBe(hits);
  });

  it('returns numbers for metrics: share statistics for a Page, reactions for a member', async () => {
    const { member, page } = await connect();
    const pagePost = await linkedinPlatform.publish(ctx, page, content({ text: unique('Page post'), firstComment: 'first!' }), memoryCheckpoint(), 'k6');
    const pageMetrics = await linkedinPlatform.metrics(ctx, page, pagePost.remoteId);
    expect(pageMetrics).toEqual({ impressions: expect.any(Number), likes: expect.any(Number), comments: 1, shares: expect.any(Number) });
    const memberPost = await linkedinPlatform.publish(ctx, member, content({ text: unique('Member post') }), memoryCheckpoint(), 'k7');
    expect(await linkedinPlatform.metrics(ctx, member, memberPost.remoteId)).toEqual({ likes: expect.any(Number), comments: 0 });
  });
});

describe('LinkedIn: failures, each of its kind', () => {
  it('an expired token is an auth failure', async () => {
    const { member } = await connect();
    sim.store.expireAccessTokens();
    const error = await failure(linkedinPlatform.publish(ctx, member, content({ text: unique('Late') }), memoryCheckpoint(), 'k8'));
    expect(error.kind).toBe('auth');
    expect(error.details.vendorCode).toBe('EXPIRED_ACCESS_TOKEN');
  });

  it('a 429 is rate_limited with LinkedIn’s Retry-After', async () => {
    const { member } = await connect();
    sim.faults.next(/\/rest\/posts$/, { kind: 'status', status: 429, headers: { 'retry-after': '3600' } }, 'POST');
    const error = await failure(linkedinPlatform.publish(ctx, member, content({ text: unique('Busy') }), memoryCheckpoint(), 'k9'));
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(3_600_000);
  });

  it('a duplicate post (422 DUPLICATE_POST) is invalid_content', async () => {
    const { member } = await connect();
    const text = unique('Same again');
    await linkedinPlatform.publish(ctx, member, content({ text }), memoryCheckpoint(), 'k10');
    const error = await failure(linkedinPlatform.publish(ctx, member, content({ text }), memoryCheckpoint(), 'k11'));
    expect(error.kind).toBe('invalid_content');
    expect(error.details.vendorCode).toBe('DUPLICATE_POST');
  });

  it('a 5xx on a media status poll is retried and the post goes out', async () => {
    const { member } = await connect();
    sim.faults.next(/\/rest\/videos\/urn/, { kind: 'status', status: 503 }, 'GET');
    const video = publishMedia(media, 'li-poll.mp4', tinyMp4(1000), 'video/mp4');
    const result = await linkedinPlatform.publish(ctx, member, content({ text: unique('Polled'), media: [video] }), memoryCheckpoint(), 'k12');
    expect(sim.posts.some((post) => post.id === result.remoteId)).toBe(true);
    // The injected 503 was served (and survived), not left unused in the plan.
    expect(sim.faults.take('GET', '/api/rest/videos/urn')).toEqual([]);
  });

  it('a lost answer to the create is unknown_outcome, and reconcile then finds the post', async () => {
    const { page } = await connect();
    const since = new Date();
    const text = unique('Lost [answer]');
    const checkpoint = memoryCheckpoint();
    sim.faults.next(/\/rest\/posts$/, { kind: 'lose-response' }, 'POST');
    expect((await failure(linkedinPlatform.publish(ctx, page, content({ text }), checkpoint, 'k13'))).kind).toBe('unknown_outcome');
    const published = sim.posts.at(-1)!;
    expect(published.author).toBe(page.remoteId);
    expect(await linkedinPlatform.reconcile(ctx, page, content({ text }), checkpoint, since)).toEqual({
      found: true,
      result: { remoteId: published.id, url: `https://www.linkedin.com/feed/update/${published.id}` },
    });
    // The retry the publisher may make now returns the same post instead of creating another.
    expect((await linkedinPlatform.publish(ctx, page, content({ text }), checkpoint, 'k13')).remoteId).toBe(published.id);
  });

  it('a gateway 5xx on the create is unknown_outcome; reconcile says not found when nothing was made', async () => {
    const { member } = await connect();
    const since = new Date();
    const text = unique('Not made');
    sim.faults.next(/\/rest\/posts$/, { kind: 'status', status: 504 }, 'POST');
    expect((await failure(linkedinPlatform.publish(ctx, member, content({ text }), memoryCheckpoint(), 'k14'))).kind).toBe('unknown_outcome');
    expect(await linkedinPlatform.reconcile(ctx, member, content({ text }), memoryCheckpoint(), since)).toEqual({ found: false });
  });
});
