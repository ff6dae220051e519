import { createHash, randomBytes } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveSandboxConsent } from '../../platforms/testing/harness.js';
import { CANVA_PATHS } from './paths.js';
import { startCanvaSimulator, type StandaloneCanva } from './standalone.js';

const CLIENT = { clientId: 'OC-sandbox', clientSecret: 'canva-secret', redirectUris: ['http://app.test/cb'] };
const ALL_SCOPES = 'design:meta:read design:content:read profile:read';
const basic = `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`;
let canva: StandaloneCanva;

beforeAll(async () => {
  // Below the sandbox base path, as the service mounts it.
  canva = await startCanvaSimulator({ clients: [CLIENT], basePath: '/sandbox/canva', timing: { exportPolls: 1 } });
});
afterAll(() => canva.close());

interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  scope: string;
}

function authorizeUrl(challenge: string, scope = ALL_SCOPES, method = 'S256'): string {
  const query = new URLSearchParams({ client_id: CLIENT.clientId, redirect_uri: CLIENT.redirectUris[0]!, response_type: 'code', scope, state: 'st', code_challenge: challenge, code_challenge_method: method });
  return `${canva.url}${CANVA_PATHS.authorize}?${query}`;
}

const token = (fields: Record<string, string>, auth = basic) =>
  fetch(canva.url + CANVA_PATHS.token, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });

async function connect(username: string, scope = ALL_SCOPES): Promise<Tokens> {
  const verifier = randomBytes(32).toString('base64url');
  const { code } = await approveSandboxConsent(authorizeUrl(createHash('sha256').update(verifier).digest('base64url'), scope), { username, displayName: `${username} Studio` });
  const answer = await token({ grant_type: 'authorization_code', code, code_verifier: verifier, redirect_uri: CLIENT.redirectUris[0]! });
  expect(answer.status).toBe(200);
  return (await answer.json()) as Tokens;
}

const api = (path: string, accessToken: string, init: RequestInit = {}) =>
  fetch(`${canva.url}/rest${path}`, { ...init, headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', ...init.headers } });

async function poll(accessToken: string, jobId: string): Promise<{ job: { status: string; urls?: string[]; error?: { code: string } } }> {
  for (let i = 0; i < 10; i++) {
    const answer = (await (await api(`/v1/exports/${jobId}`, accessToken)).json()) as { job: { status: string } };
    if (answer.job.status !== 'in_progress') return answer as never;
  }
  throw new Error('export never finished');
}

describe('Canva simulator: OAuth', () => {
  it('connects with PKCE S256, and answers users/me and the profile', async () => {
    const tokens = await connect('ada_canva');
    expect(tokens).toMatchObject({ expires_in: 14400, scope: ALL_SCOPES });
    const me = (await (await api('/v1/users/me', tokens.access_token)).json()) as { team_user: { user_id: string; team_id: string } };
    expect(me.team_user.user_id).toMatch(/^o[A-Za-z0-9]{21}$/);
    expect(me.team_user.team_id).not.toBe(me.team_user.user_id);
    expect(await (await api('/v1/users/me/profile', tokens.access_token)).json()).toEqual({ profile: { display_name: 'ada_canva Studio' } });
  });

  it('refuses a wrong code_verifier, a missing one, and a plain challenge', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const { code } = await approveSandboxConsent(authorizeUrl(challenge), { username: 'pkce_person', displayName: 'P' });
    const wrong = await token({ grant_type: 'authorization_code', code, code_verifier: 'w'.repeat(43), redirect_uri: CLIENT.redirectUris[0]! });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    const second = await approveSandboxConsent(authorizeUrl(challenge), { username: 'pkce_person', displayName: 'P' });
    const missing = await token({ grant_type: 'authorization_code', code: second.code, redirect_uri: CLIENT.redirectUris[0]! });
    expect(await missing.json()).toMatchObject({ error: 'invalid_request' });
    expect((await fetch(authorizeUrl(verifier, ALL_SCOPES, 'plain'))).status).toBe(400);
    const noSecret = await token({ grant_type: 'authorization_code', code: 'x', client_id: CLIENT.clientId }, '');
    expect(noSecret.status).toBe(401);
  });

  it('rotates refresh tokens; presenting a spent one is invalid_grant and ends the whole lineage', async () => {
    const first = await connect('rotator');
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    const second = (await refreshed.json()) as Tokens;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await api('/v1/users/me', second.access_token)).status).toBe(200);
    const reused = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: 'invalid_grant' });
    // The chain is gone: the newest refresh token and its access token too.
    expect((await token({ grant_type: 'refresh_token', refresh_token: second.refresh_token })).status).toBe(400);
    const me = await api('/v1/users/me', second.access_token);
    expect(me.status).toBe(401);
    expect(await me.json()).toEqual({ code: 'revoked_access_token', message: 'Access token has been revoked' });
    expect(canva.sim.world.revokedTokens).toContain(second.access_token);
  });

  it('revokes a token and its lineage; an expired access token is 401 invalid_access_token', async () => {
    const tokens = await connect('revoker');
    const revoke = await fetch(canva.url + CANVA_PATHS.revoke, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: tokens.refresh_token }) });
    expect(revoke.status).toBe(200);
    expect((await api('/v1/users/me', tokens.access_token)).status).toBe(401);
    expect(canva.sim.world.revokedTokens).toEqual(expect.arrayContaining([tokens.access_token, tokens.refresh_token]));

    const fresh = await connect('expirer');
    canva.sim.store.expireAccessTokens();
    const expired = await api('/v1/users/me', fresh.access_token);
    expect(await expired.json()).toEqual({ code: 'invalid_access_token', message: 'Access token expired' });
  });
});

describe('Canva simulator: designs and exports', () => {
  it('shows the owner a design, 403 to someone else, 404 for none, 403 missing_scope without design:meta:read', async () => {
    const owner = await connect('design_owner');
    const other = await connect('someone_else');
    const design = canva.sim.world.addDesign('design_owner', { title: 'Spring poster', pageCount: 3 });
    const answer = (await (await api(`/v1/designs/${design.id}`, owner.access_token)).json()) as { design: Record<string, unknown> };
    expect(answer.design).toMatchObject({ id: design.id, title: 'Spring poster', page_count: 3, urls: { edit_url: expect.any(String), view_url: expect.any(String) }, thumbnail: { url: expect.any(String) } });
    // The thumbnail is a signed CDN address that expires (Canva: after 15 minutes).
    const thumbnailUrl = String((answer.design.thumbnail as { url: string }).url);
    const thumbnail = await fetch(thumbnailUrl);
    expect(thumbnail.headers.get('content-type')).toBe('image/png');
    const forged = new URL(thumbnailUrl);
    forged.searchParams.set('expires', String(Date.now() + 86_400_000));
    expect((await fetch(forged)).status).toBe(403);
    canva.sim.world.timing.thumbnailTtlMs = -1;
    try {
      const stale = (await (await api(`/v1/designs/${design.id}`, owner.access_token)).json()) as { design: { thumbnail: { url: string } } };
      const expired = await fetch(stale.design.thumbnail.url);
      expect(expired.status).toBe(403);
      expect(await expired.text()).toContain('<Code>AccessDenied</Code><Message>Request has expired</Message>');
    } finally {
      canva.sim.world.timing.thumbnailTtlMs = 15 * 60 * 1000;
    }
    const denied = await api(`/v1/designs/${design.id}`, other.access_token);
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ code: 'permission_denied' });
    expect((await api('/v1/designs/DAnothere123', owner.access_token)).status).toBe(404);
    const narrow = await connect('narrow_scope', 'profile:read');
    expect(await (await api(`/v1/designs/${design.id}`, narrow.access_token)).json()).toEqual({ code: 'missing_scope', message: 'Missing scopes: [design:meta:read]' });
  });

  it('runs an export job to success; each download is a real file of the format; the links expire', async () => {
    const tokens = await connect('exporter');
    const design = canva.sim.world.addDesign('exporter', { pageCount: 3 });
    const before = canva.sim.world.calls('POST', /^\/v1\/exports$/);
    for (const [format, mime, files] of [
      [{ type: 'png', pages: [1, 3] }, 'image/png', 2],
      [{ type: 'jpg', quality: 80 }, 'image/jpeg', 3],
      [{ type: 'pdf' }, 'application/pdf', 1],
      [{ type: 'gif', pages: [2] }, 'image/gif', 1],
      [{ type: 'mp4', quality: 'horizontal_720p' }, 'video/mp4', 1],
    ] as const) {
      const started = (await (await api('/v1/exports', tokens.access_token, { method: 'POST', body: JSON.stringify({ design_id: design.id, format }) })).json()) as { job: { id: string; status: string } };
      expect(started.job.status).toBe('in_progress');
      const done = await poll(tokens.access_token, started.job.id);
      expect(done.job.status).toBe('success');
      expect(done.job.urls).toHaveLength(files);
      const file = Buffer.from(await (await fetch(done.job.urls![0]!)).arrayBuffer());
      expect((await fileTypeFromBuffer(file))?.mime).toBe(mime);
    }
    expect(canva.sim.world.calls('POST', /^\/v1\/exports$/) - before).toBe(5);

    canva.sim.world.timing.downloadTtlMs = -1;
    const job = (await (await api('/v1/exports', tokens.access_token, { method: 'POST', body: JSON.stringify({ design_id: design.id, format: { type: 'pdf' } }) })).json()) as { job: { id: string } };
    const done = await poll(tokens.access_token, job.job.id);
    canva.sim.world.timing.downloadTtlMs = 24 * 3600 * 1000;
    const expired = await fetch(done.job.urls![0]!);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
    const forged = await fetch(done.job.urls![0]!.replace(/signature=[^&]+/, 'signature=forged'));
    expect(forged.status).toBe(403);
  });

  it('fails an export with Canva’s error code; license_required spares export_quality regular', async () => {
    const tokens = await connect('failing_exporter');
    const design = canva.sim.world.addDesign('failing_exporter');
    canva.sim.world.failExports(design.id, 'license_required');
    const start = (format: object) => api('/v1/exports', tokens.access_token, { method: 'POST', body: JSON.stringify({ design_id: design.id, format }) }).then((r) => r.json() as Promise<{ job: { id: string } }>);
    const failed = await poll(tokens.access_token, (await start({ type: 'png' })).job.id);
    expect(failed.job).toMatchObject({ status: 'failed', error: { code: 'license_required' } });
    const regular = await poll(tokens.access_token, (await start({ type: 'png', export_quality: 'regular' })).job.id);
    expect(regular.job.status).toBe('success');
    canva.sim.world.failExports(design.id, 'internal_failure');
    expect((await poll(tokens.access_token, (await start({ type: 'pdf' })).job.id)).job.error?.code).toBe('internal_failure');
  });

  it('refuses malformed export requests with 400 invalid_field and a sentence', async () => {
    const tokens = await connect('sloppy_exporter');
    const design = canva.sim.world.addDesign('sloppy_exporter', { pageCount: 2 });
    for (const [format, message] of [
      [{ type: 'jpg' }, 'format.quality is required for jpg exports.'],
      [{ type: 'png', pages: [3] }, 'Page 3 does not exist: the design has 2 page(s).'],
      [{ type: 'mp4', quality: '720p' }, 'format.quality is invalid.'],
      [{ type: 'png', dpi: 300 }, 'format.dpi is not an option of png exports.'],
      [{ type: 'svg' }, 'format.type must be one of png, jpg, pdf, gif, mp4.'],
    ] as const) {
      const answer = await api('/v1/exports', tokens.access_token, { method: 'POST', body: JSON.stringify({ design_id: design.id, format }) });
      expect(answer.status).toBe(400);
      expect(await answer.json()).toEqual({ code: 'invalid_field', message });
    }
    const narrow = await connect('meta_only', 'design:meta:read');
    expect((await api('/v1/exports', narrow.access_token, { method: 'POST', body: JSON.stringify({ design_id: design.id, format: { type: 'pdf' } }) })).status).toBe(403);
  });

  it('injects faults through the kit: 429 with Retry-After, 503', async () => {
    const tokens = await connect('unlucky');
    canva.sim.faults.next(/\/rest\/v1\/users\/me$/, { kind: 'status', status: 429, headers: { 'retry-after': '7' } });
    const limited = await api('/v1/users/me', tokens.access_token);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.json()).toEqual({ code: 'too_many_requests', message: 'Too many requests, try again later.' });
    canva.sim.faults.next(/\/rest\/v1\/exports/, { kind: 'status', status: 503 }, 'POST');
    expect((await api('/v1/exports', tokens.access_token, { method: 'POST', body: '{}' })).status).toBe(503);
    expect((await api('/v1/users/me', tokens.access_token)).status).toBe(200);
  });
});
