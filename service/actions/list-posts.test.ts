import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

let app: TestApp;
let person: TestUser;
let base: string;

beforeAll(async () => {
  app = await createTestApp();
  person = await app.signUp();
  base = `/api/v1/workspaces/${person.workspaceId}`;
});
afterAll(() => app.close());

const capture = async (title: string) =>
  (await app.request('POST', `${base}/captures`, { token: person.token, body: { clientId: randomUUID(), kind: 'page', url: 'https://example.com/', title } }))
    .body.post;

describe('posts', () => {
  it('lists newest first in pages that neither repeat nor skip, then ends with nextCursor null', async () => {
    const titles = Array.from({ length: 7 }, (_, i) => `Post ${i}`);
    for (const title of titles) await capture(title);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await app.request('GET', `${base}/posts?limit=3${query}`, { token: person.token });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items.map((post: { title: string }) => post.title));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect([...seen].sort()).toEqual([...titles].sort());
    // Newest first: the same order as one big page, which is by creation time, latest first.
    const all = (await app.request('GET', `${base}/posts?limit=100`, { token: person.token })).body.items;
    expect(seen).toEqual(all.map((post: { title: string }) => post.title));
    const times = all.map((post: { createdAt: string }) => Date.parse(post.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('filters by status, and archive/unarchive move a post between them', async () => {
    const post = await capture('To archive');
    const archived = await app.request('POST', `${base}/posts/${post.id}/archive`, { token: person.token });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ status: 'archived', archivedAt: expect.any(String) });
    const drafts = await app.request('GET', `${base}/posts?status=draft&limit=100`, { token: person.token });
    const archivedList = await app.request('GET', `${base}/posts?status=archived`, { token: person.token });
    expect(drafts.body.items.map((p: { id: string }) => p.id)).not.toContain(post.id);
    expect(archivedList.body.items.map((p: { id: string }) => p.id)).toEqual([post.id]);
    const back = await app.request('POST', `${base}/posts/${post.id}/unarchive`, { token: person.token });
    expect(back.body).toMatchObject({ status: 'draft', archivedAt: null });
  });

  it('edits title, text and hashtags; only the fields given change', async () => {
    const post = await capture('Original');
    const edited = await app.request('PATCH', `${base}/posts/${post.id}`, { token: person.token, body: { body: 'New text', hashtags: ['#Launch', 'day_1'] } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Original', body: 'New text', hashtags: ['Launch', 'day_1'] });
    expect(Date.parse(edited.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(post.updatedAt));
    const cleared = await app.request('PATCH', `${base}/posts/${post.id}`, { token: person.token, body: { title: null } });
    expect(cleared.body.title).toBeNull();
    const nothing = await app.request('PATCH', `${base}/posts/${post.id}`, { token: person.token, body: {} });
    expect(nothing.status).toBe(400);
    expect(nothing.body.error.fields).toEqual([{ path: '', message: 'change at least one of title, body, hashtags, mediaIds' }]);
    const badTag = await app.request('PATCH', `${base}/posts/${post.id}`, { token: person.token, body: { hashtags: ['no spaces'] } });
    expect(badTag.body.error.fields).toEqual([{ path: 'hashtags.0', message: 'may contain only letters, digits and underscores' }]);
  });

  it('deletes a post for good', async () => {
    const post = await capture('Doomed');
    expect((await app.request('DELETE', `${base}/posts/${post.id}`, { token: person.token })).status).toBe(204);
    expect((await app.request('GET', `${base}/posts/${post.id}`, { token: person.token })).status).toBe(404);
    expect((await app.request('DELETE', `${base}/posts/${post.id}`, { token: person.token })).status).toBe(404);
  });

  it('refuses a cursor it did not make and a limit out of range, naming the field', async () => {
    const cursor = await app.request('GET', `${base}/posts?cursor=bogus`, { token: person.token });
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.fields).toEqual([{ path: 'cursor', message: 'is not a cursor from a previous page' }]);
    const limit = await app.request('GET', `${base}/posts?limit=1000`, { token: person.token });
    expect(limit.body.error.fields).toEqual([{ path: 'limit', message: 'must be at most 100' }]);
    const unknown = await app.request('GET', `${base}/posts?sort=asc`, { token: person.token });
    expect(unknown.body.error.fields).toEqual([{ path: 'sort', message: 'is not a field this endpoint accepts' }]);
  });
});
