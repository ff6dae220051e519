import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateLatest, migrationSource, openDatabase, pendingMigrations } from './db.js';
import { createTestApp } from './testing/test-app.js';

const dataDir = mkdtempSync(join(tmpdir(), 'minopa-pglite-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('embedded PGlite database (no DATABASE_URL)', () => {
  it('runs the very same migrations, and a capture works on it; data survives a restart', { timeout: 120_000 }, async () => {
    const db = await openDatabase({ databaseUrl: undefined, dataDir });
    expect(db.kind).toBe('pglite');
    const all = (await migrationSource.getMigrations([])).map((item) => migrationSource.getMigrationName(item));
    expect(await pendingMigrations(db.knex)).toEqual(all);
    expect(await migrateLatest(db.knex)).toEqual(all);
    expect(await pendingMigrations(db.knex)).toEqual([]);

    const app = await createTestApp({ database: db });
    const person = await app.signUp();
    const capture = await app.request('POST', `/api/v1/workspaces/${person.workspaceId}/captures`, {
      token: person.token,
      body: { clientId: crypto.randomUUID(), kind: 'image', url: 'https://example.com/', imageUrl: 'https://example.com/a.png' },
    });
    expect(capture.status).toBe(201);
    expect((await app.request('GET', '/readyz')).body).toEqual({ status: 'ready', database: 'pglite' });
    await app.close();
    await db.close();
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);

    const reopened = await openDatabase({ databaseUrl: undefined, dataDir });
    try {
      expect(await pendingMigrations(reopened.knex)).toEqual([]);
      const posts = await reopened.knex('posts').where('id', capture.body.post.id);
      expect(posts).toHaveLength(1);
      expect(posts[0].source.imageUrl).toBe('https://example.com/a.png');
    } finally {
      await reopened.close();
    }
  });

  it('refuses a data directory another live process holds, with a clear message', async () => {
    // The vitest parent process is alive and is not us.
    writeFileSync(join(dataDir, 'pglite.lock'), String(process.ppid));
    try {
      await expect(openDatabase({ databaseUrl: undefined, dataDir })).rejects.toThrow(
        new RegExp(`already in use by another process \\(pid ${process.ppid}\\).*set DATABASE_URL`),
      );
    } finally {
      rmSync(join(dataDir, 'pglite.lock'));
    }
  });

  it('takes over a stale lock whose process is gone', { timeout: 60_000 }, async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(dataDir, 'pglite.lock'), String(gone));
    const db = await openDatabase({ databaseUrl: undefined, dataDir });
    try {
      expect(readFileSync(join(dataDir, 'pglite.lock'), 'utf8')).toBe(String(process.pid));
      // And this process cannot open it twice either.
      await expect(openDatabase({ databaseUrl: undefined, dataDir })).rejects.toThrow(/already in use by this same process/);
    } finally {
      await db.close();
    }
  });
});
