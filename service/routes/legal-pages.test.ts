import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncLegalDocuments } from '../actions/sync-legal-documents.js';
import { loadBundledDocuments } from '../legal/bundled.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let app: TestApp;
beforeAll(async () => {
  // Its own tables: publishing a newer version here must not make other files' sign-ups outdated.
  app = await createTestApp({ isolated: true });
});
afterAll(() => app.close());

describe('legal documents', () => {
  it('GET /api/v1/legal gives the current Terms and Privacy Policy with where to read them', async () => {
    const response = await app.request('GET', '/api/v1/legal');
    expect(response.status).toBe(200);
    const bundled = loadBundledDocuments();
    const terms = bundled.find((d) => d.kind === 'terms')!;
    expect(response.body.terms).toEqual({
      kind: 'terms',
      version: terms.version,
      title: terms.title,
      lastUpdated: terms.lastUpdated,
      url: `${app.config.publicUrl}/legal/terms/${terms.version}`,
    });
    expect(response.body.privacy.kind).toBe('privacy');
  });

  it('the bundled documents are short, our own, and say they are samples', () => {
    for (const document of loadBundledDocuments()) {
      expect(document.title).toMatch(/sample/i);
      expect(document.body).toMatch(/This is a sample document/);
      expect(document.lastUpdated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('syncing again at boot changes nothing (idempotent)', async () => {
    const before = await app.db.knex('legal_documents').orderBy('id');
    await syncLegalDocuments(app.db.knex);
    await syncLegalDocuments(app.db.knex);
    expect(await app.db.knex('legal_documents').orderBy('id')).toEqual(before);
  });

  it('P33: shows the current version as a page with its "Last updated" date; a newer version becomes current and the older stays readable', async () => {
    const page = await app.request('GET', '/legal/privacy');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.text).toContain('Last updated <time datetime="2026-11-27">2026-11-27</time>');
    expect(page.text).toContain('<h2>What we keep</h2>');

    // Publishing another version (with markup in it, which must come out escaped).
    await app.db.knex('legal_documents').insert({
      kind: 'terms',
      version: '9.0-test',
      title: 'Terms <b>nine</b>',
      lastUpdated: '2099-01-01',
      body: 'New <script>alert(1)</script> terms & more.',
    });
    try {
      const current = await app.request('GET', '/api/v1/legal');
      expect(current.body.terms.version).toBe('9.0-test');
      const latest = await app.request('GET', '/legal/terms');
      expect(latest.text).toContain('New &lt;script&gt;alert(1)&lt;/script&gt; terms &amp; more.');
      expect(latest.text).toContain('Terms &lt;b&gt;nine&lt;/b&gt;');
      expect(latest.text).not.toContain('<script>');
      expect(latest.text).toContain('Version 1.0</a> (last updated 2026-11-27)');
      const older = await app.request('GET', '/legal/terms/1.0');
      expect(older.status).toBe(200);
      expect(older.text).toContain('Terms of Service (sample)');
    } finally {
      await app.db.knex('legal_documents').where({ kind: 'terms', version: '9.0-test' }).delete();
    }
  });

  it('an unknown kind or version is a 404 page', async () => {
    expect((await app.request('GET', '/legal/cookies')).status).toBe(404);
    const missing = await app.request('GET', '/legal/terms/<nope>');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('&lt;nope&gt;');
    // Found by the fuzz run: a NUL in the version reached PostgreSQL, which refused it (a 500).
    expect((await app.request('GET', '/legal/terms/a%00b')).status).toBe(404);
  });
});
