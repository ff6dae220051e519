import type { PlatformId } from '#shared/platforms.js';
import type { Platform, PlatformSettings } from '../../platforms/types.js';
import type { PlatformDirectory } from '../../platforms/directory.js';

/** Options of the test adapter. */
export interface TestPlatformOptions {
  /** Timeout of the irreversible create call (a hanging network ends in unknown_outcome). */
  createTimeoutMs?: number;
}

/**
 * An implementation of our own Platform contract against the fake network (fake-network.ts), through
 * the real HTTP client, so the publisher sees real classification (503 transient, 429 with Retry-After,
 * 502 after the create unknown_outcome, 401 auth, vendor codes). Two steps, like the networks that
 * upload media first: each medium is uploaded once and checkpointed, then the post is created with the
 * idempotency key. Reconcile looks the key up.
 */
export function testPlatform(id: PlatformId = 'x', options: TestPlatformOptions = {}): Platform {
  return {
    id,
    readVendorError: (status, body) => {
      const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
      return { vendorCode: error?.code ?? null, vendorMessage: error?.message ?? null, ...(error?.code === 'duplicate_content' ? { kind: 'invalid_content' as const } : {}) };
    },
    oauth: {
      scopes: ['post'],
      pkce: true,
      authorizeUrl: (settings, request) => `${settings.authorizeUrl}?state=${encodeURIComponent(request.state)}&redirect_uri=${encodeURIComponent(request.redirectUri)}`,
      async exchangeCode(context, request) {
        const response = await context.http.request({ method: 'POST', url: context.settings.tokenUrl, form: { code: request.code, redirect_uri: request.redirectUri } });
        return { accessToken: String((response.json as { access_token: string }).access_token) };
      },
    },
    async listAccounts(context, tokens) {
      const response = await context.http.request({ method: 'GET', url: `${context.settings.apiUrl}/me`, bearer: tokens.accessToken });
      const me = response.json as { id: string; name: string };
      return [{ remoteId: me.id, kind: 'profile', name: me.name, username: null, avatarUrl: null }];
    },
    async publish(context, account, content, checkpoint, idempotencyKey) {
      const uploaded = { ...((checkpoint.state.uploaded as Record<string, string> | undefined) ?? {}) };
      for (const medium of content.media) {
        if (uploaded[medium.id]) continue;
        const response = await context.http.request({ method: 'POST', url: `${context.settings.uploadUrl}/media`, bearer: account.tokens.accessToken, json: { key: `${idempotencyKey}:${medium.id}` } });
        uploaded[medium.id] = (response.json as { id: string }).id;
        await checkpoint.save({ uploaded });
      }
      // Recorded before the irreversible step: reconcile finds our post by it (and knows none was sent without it).
      if (checkpoint.state.createKey !== idempotencyKey) await checkpoint.save({ createKey: idempotencyKey });
      const response = await context.http.request({
        method: 'POST',
        url: `${context.settings.apiUrl}/posts`,
        bearer: account.tokens.accessToken,
        headers: { 'idempotency-key': idempotencyKey },
        json: { account: account.remoteId, text: content.text, media: content.media.map((medium) => uploaded[medium.id]) },
        irreversible: true,
        ...(options.createTimeoutMs ? { timeoutMs: options.createTimeoutMs } : {}),
      });
      const created = response.json as { id: string; url: string };
      return { remoteId: created.id, url: created.url };
    },
    async reconcile(context, account, _content, checkpoint, since) {
      const key = checkpoint.state.createKey;
      if (typeof key !== 'string') return { found: false };
      const response = await context.http.request({ method: 'GET', url: `${context.settings.apiUrl}/posts`, bearer: account.tokens.accessToken, query: { key, since: since.toISOString() } });
      const found = (response.json as { data: { id: string }[] }).data[0];
      return found ? { found: true, result: { remoteId: found.id, url: `https://fake.example/p/${found.id}` } } : { found: false };
    },
    async metrics(context, account, remoteId) {
      const response = await context.http.request({ method: 'GET', url: `${context.settings.apiUrl}/posts/${remoteId}/metrics`, bearer: account.tokens.accessToken });
      return response.json as { likes: number; comments: number; shares: number; views: number };
    },
  };
}

/** Settings pointing every address of a network at the fake network. */
export function fakeSettings(url: string): PlatformSettings {
  return { clientId: 'test-client', clientSecret: 'test-secret', authorizeUrl: `${url}/authorize`, tokenUrl: `${url}/token`, revokeUrl: null, apiUrl: url, uploadUrl: url, sandbox: true };
}

/** A directory where every network is the test adapter on the fake network at `url`. */
export function testDirectory(url: string, platform: Platform = testPlatform()): PlatformDirectory {
  return { adapter: () => platform, settings: () => fakeSettings(url) };
}
