import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

let app: TestApp;
let person: TestUser;
let capturesUrl: string;

beforeAll(async () => {
  app = await createTestApp();
  person = await app.signUp({ firstName: 'Cleo', lastName: 'Capture' });
  capturesUrl = `/api/v1/workspaces/${person.workspaceId}/captures`;
});
afterAll(() => app.close());

const page = {
  canonicalUrl: 'https://example.com/story',
  ogTitle: 'The Story',
  ogDescription: 'A story worth sharing',
  ogImage: 'https://example.com/cover.jpg',
  siteName: 'Example News',
};

const capture = (body: Record<string, unknown>) => app.request('POST', capturesUrl, { token: person.token, body: { clientId: randomUUID(), ...body } });

describe('captures', () => {
  it('a page becomes a draft with its title and canonical address, keeping its provenance', async () => {
    const response = await capture({ kind: 'page', url: 'https://example.com/story?utm_source=x', title: 'The Story – Example', page, capturedAt: '2026-11-27T10:00:00+01:00' });
    expect(response.status).toBe(201);
    expect(response.body.duplicate).toBe(false);
    const { post } = response.body;
    expect(post).toMatchObject({
      workspaceId: person.workspaceId,
      status: 'draft',
      title: 'The Story – Example',
      body: 'The Story – Example\nhttps://example.com/story',
      hashtags: [],
      createdBy: { id: person.user.id, firstName: 'Cleo', lastName: 'Capture' },
      archivedAt: null,
    });
    expect(post.source).toEqual({
      kind: 'page',
      url: 'https://example.com/story?utm_source=x',
      title: 'The Story – Example',
      selectionText: null,
      linkUrl: null,
      linkText: null,
      imageUrl: null,
      imageAlt: null,
      page,
      capturedAt: '2026-11-27T09:00:00.000Z',
    });
    const read = await app.request('GET', `/api/v1/workspaces/${person.workspaceId}/posts/${post.id}`, { token: person.token });
    expect(read.body).toEqual(post);
  });

  it('a selection becomes a quote with its source', async () => {
    const { body } = await capture({ kind: 'selection', url: 'https://example.com/essay', title: 'An Essay', selectionText: '  To be or not to be.  ' });
    expect(body.post.body).toBe('“To be or not to be.”\n\nAn Essay https://example.com/essay');
    expect(body.post.source).toMatchObject({ kind: 'selection', selectionText: 'To be or not to be.', page: null });
  });

  it('a link becomes its text and address', async () => {
    const { body } = await capture({ kind: 'link', url: 'https://example.com/', linkUrl: 'https://other.example/post', linkText: 'Read this' });
    expect(body.post.body).toBe('Read this\nhttps://other.example/post');
    expect(body.post.source).toMatchObject({ kind: 'link', linkUrl: 'https://other.example/post', linkText: 'Read this' });
  });

  it('an image keeps its address and alt text', async () => {
    // Images on a private address go straight to the browser: no row is left 'pending' for the fetch job,
    // which other test files run against the same database (jobs/fetch-capture-media.test.ts).
    const { body } = await capture({ kind: 'image', url: 'https://example.com/gallery', imageUrl: 'http://10.20.30.40/cat.png', imageAlt: 'A cat' });
    expect(body.post.body).toBe('A cat\nhttps://example.com/gallery');
    expect(body.post.source).toMatchObject({ kind: 'image', imageUrl: 'http://10.20.30.40/cat.png', imageAlt: 'A cat' });
  });

  it('a video keeps the video’s address and title, the page as provenance, and queues the video for the library', async () => {
    const { body } = await capture({ kind: 'video', url: 'https://example.com/watch', title: 'Harbour news', videoUrl: 'http://10.20.30.40/harbour.mp4', videoTitle: 'Harbour timelapse' });
    expect(body.post.body).toBe('Harbour timelapse\nhttps://example.com/watch');
    expect(body.post.source).toMatchObject({ kind: 'video', url: 'https://example.com/watch', title: 'Harbour news', videoUrl: 'http://10.20.30.40/harbour.mp4', videoTitle: 'Harbour timelapse' });
    expect(body.post.mediaFetch).toEqual({
      state: 'needs_browser',
      reason: 'private_address',
      message: 'The video is on a private or local network address, which the service does not fetch from. The browser supplies it.',
    });
    const fetchRow = await app.db.knex('captureMediaFetches').where({ postId: body.post.id }).first();
    expect(fetchRow).toMatchObject({ mediaUrl: 'http://10.20.30.40/harbour.mp4', mediaKind: 'video' });
    const missing = await capture({ kind: 'video', url: 'https://example.com/watch' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual([{ path: 'videoUrl', message: 'is required for a video capture' }]);
  });

  it('what the person wrote in the popup wins, hashtags are stored without #', async () => {
    const { body } = await capture({
      kind: 'page',
      url: 'https://example.com/x',
      title: 'Page title',
      draft: { title: 'My title', body: 'My words', hashtags: ['#news', 'tech'] },
    });
    expect(body.post).toMatchObject({ title: 'My title', body: 'My words', hashtags: ['news', 'tech'] });
  });

  it('a note written on no web page becomes a draft without provenance; an empty one, or a page without its address, is refused', async () => {
    const note = await capture({ kind: 'note', draft: { title: 'Idea', body: 'Thread about calm teams' } });
    expect(note.status).toBe(201);
    expect(note.body.post).toMatchObject({ title: 'Idea', body: 'Thread about calm teams', source: null });
    const empty = await capture({ kind: 'note' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toEqual([{ path: 'draft.body', message: 'is required for a note: write something first' }]);
    const pageWithoutUrl = await capture({ kind: 'page', title: 'Somewhere' });
    expect(pageWithoutUrl.body.error.fields).toEqual([{ path: 'url', message: 'is required for a page capture' }]);
  });

  it('a kind without its content is refused with the field named', async () => {
    const response = await capture({ kind: 'image', url: 'https://example.com/' });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual([{ path: 'imageUrl', message: 'is required for a image capture' }]);
  });

  it('refuses addresses that are not http(s)', async () => {
    const response = await capture({ kind: 'page', url: 'javascript:alert(1)' });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual([{ path: 'url', message: 'must be a web address starting with http:// or https://' }]);
  });

  it('the same clientId again returns the same draft with 200 and duplicate: true, and stores one row', async () => {
    const clientId = randomUUID();
    const input = { clientId, kind: 'link', url: 'https://example.com/', linkUrl: 'https://example.com/a', linkText: 'A' };
    const first = await app.request('POST', capturesUrl, { token: person.token, body: input });
    const again = await app.request('POST', capturesUrl, { token: person.token, body: { ...input, linkText: 'changed on retry' } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ post: first.body.post, duplicate: true });
    const rows = await app.db.knex('posts').where({ workspaceId: person.workspaceId, clientId });
    expect(rows).toHaveLength(1);
  });

  it('concurrent retries of one capture still make one draft', async () => {
    const input = { clientId: randomUUID(), kind: 'page', url: 'https://example.com/race' };
    const responses = await Promise.all(Array.from({ length: 5 }, () => app.request('POST', capturesUrl, { token: person.token, body: input })));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(responses.map((r) => r.body.post.id)).size).toBe(1);
  });

  it('the same clientId in another workspace is another capture', async () => {
    const other = await app.request('POST', '/api/v1/workspaces', { token: person.token, body: { name: 'Second' } });
    const input = { clientId: randomUUID(), kind: 'page', url: 'https://example.com/twice' };
    const one = await app.request('POST', capturesUrl, { token: person.token, body: input });
    const two = await app.request('POST', `/api/v1/workspaces/${other.body.id}/captures`, { token: person.token, body: input });
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(two.body.post.id).not.toBe(one.body.post.id);
  });
});

// The capture checks the session inside its own INSERT (one round trip); its answers must stay exactly
// those of every other endpoint, in the same order: who you are before what you sent.
describe('captures: the session checked in the same statement', () => {
  const valid = () => ({ clientId: randomUUID(), kind: 'page', url: 'https://example.com/a' });

  it('P24: answers 401, 404 and 403 before looking at the body, and inserts nothing', async () => {
    const outsider = await app.signUp();
    const viewer = await app.signUp();
    await app.db.knex('memberships').insert({ workspaceId: person.workspaceId, userId: viewer.user.id, role: 'viewer' });
    const before = await app.db.knex('posts').where({ workspaceId: person.workspaceId }).count({ n: '*' }).first();

    const bad = '{"kind": ';
    expect((await app.request('POST', capturesUrl, { body: bad })).body.error.code).toBe('unauthenticated');
    expect((await app.request('POST', capturesUrl, { token: 'mns_nonsense', body: bad })).body.error.code).toBe('unauthenticated');
    expect((await app.request('POST', capturesUrl, { token: outsider.token, body: bad })).body.error.code).toBe('not_found');
    expect((await app.request('POST', capturesUrl, { token: viewer.token, body: { kind: 'nope' } })).body.error.code).toBe('forbidden');
    expect((await app.request('POST', capturesUrl, { token: outsider.token, body: valid() })).status).toBe(404);
    expect((await app.request('POST', capturesUrl, { token: viewer.token, body: valid() })).status).toBe(403);
    expect((await app.request('POST', `/api/v1/workspaces/${randomUUID()}/captures`, { token: person.token, body: valid() })).status).toBe(404);
    expect((await app.request('POST', capturesUrl, { token: person.token, body: bad })).body.error.code).toBe('malformed_json');

    const after = await app.db.knex('posts').where({ workspaceId: person.workspaceId }).count({ n: '*' }).first();
    expect(after).toEqual(before);
  });

  it('P22: a revoked session cannot capture', async () => {
    const someone = await app.signUp();
    await app.request('POST', '/api/v1/auth/log-out', { token: someone.token });
    const response = await app.request('POST', `/api/v1/workspaces/${someone.workspaceId}/captures`, { token: someone.token, body: valid() });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('session_expired');
    expect(await app.db.knex('posts').where({ workspaceId: someone.workspaceId }).first()).toBeUndefined();
  });
});

// Captures arriving together share one statement (NaturalBatcher); each must still get exactly the
// answer it would have had alone.
describe('captures arriving together', () => {
  it('share statements, and each gets its own answer: drafts, a repeat, 401, 403 and 404, an image with its fetch row', async () => {
    const outsider = await app.signUp();
    const viewer = await app.signUp();
    await app.db.knex('memberships').insert({ workspaceId: person.workspaceId, userId: viewer.user.id, role: 'viewer' });
    const loggedOut = await app.signUp();
    await app.db.knex('memberships').insert({ workspaceId: person.workspaceId, userId: loggedOut.user.id, role: 'editor' });
    await app.request('POST', '/api/v1/auth/log-out', { token: loggedOut.token });

    const burst = `burst-${randomUUID()}`;
    const fresh = Array.from({ length: 24 }, (_, index) => ({ clientId: randomUUID(), kind: 'page', url: `https://example.com/${burst}/${index}`, title: `Page ${index}` }));
    const repeated = { clientId: randomUUID(), kind: 'page', url: `https://example.com/${burst}/repeated` };
    const image = { clientId: randomUUID(), kind: 'image', url: `https://example.com/${burst}/gallery`, imageUrl: 'http://10.20.30.40/burst.png' };
    const send = (token: string, body: object) => app.request('POST', capturesUrl, { token, body });
    const [freshResponses, others] = await Promise.all([
      Promise.all(fresh.map((body) => send(person.token, body))),
      Promise.all([
        send(person.token, repeated),
        send(person.token, repeated),
        send(person.token, image),
        send(outsider.token, { ...fresh[0], clientId: randomUUID() }),
        send(viewer.token, { ...fresh[0], clientId: randomUUID() }),
        send(loggedOut.token, { ...fresh[0], clientId: randomUUID() }),
      ]),
    ]);

    expect(freshResponses.map((r) => r.status)).toEqual(fresh.map(() => 201));
    expect(freshResponses.map((r) => r.body.post.title)).toEqual(fresh.map((f) => f.title));
    const [repeatA, repeatB, imageResponse, outsiderResponse, viewerResponse, loggedOutResponse] = others;
    expect([repeatA!.status, repeatB!.status].sort()).toEqual([200, 201]);
    expect(repeatA!.body.post.id).toBe(repeatB!.body.post.id);
    expect(imageResponse!.status).toBe(201);
    // A private address (see "an image keeps its address"): the fetch row waits for the browser.
    expect(imageResponse!.body.post.mediaFetch).toMatchObject({ state: 'needs_browser', reason: 'private_address' });
    expect([outsiderResponse!.status, viewerResponse!.status, loggedOutResponse!.status]).toEqual([404, 403, 401]);
    expect(loggedOutResponse!.body.error.code).toBe('session_expired');

    // Exactly the drafts that were allowed, each once, and the image's fetch row with its draft.
    const rows = await app.db.knex('posts').whereRaw(`source->>'url' like ?`, [`https://example.com/${burst}/%`]).select('id', app.db.knex.raw('xmin::text as tx'));
    expect(rows).toHaveLength(fresh.length + 2);
    const fetchRow = await app.db.knex('captureMediaFetches').where({ postId: imageResponse!.body.post.id }).first();
    expect(fetchRow).toMatchObject({ mediaUrl: 'http://10.20.30.40/burst.png', mediaKind: 'image', state: 'needs_browser', reason: 'private_address' });
    // Rows written by one statement share its transaction id: fewer transactions than drafts means they
    // were batched.
    expect(new Set(rows.map((row) => row.tx)).size).toBeLessThan(rows.length);
  });
});
