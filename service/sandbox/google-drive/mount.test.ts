import Router from '@koa/router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../context.js';
import { startStandalone, type Standalone } from '../networks/kit/standalone.js';
import { DRIVE_SCOPES } from './paths.js';
import type { DriveSimulator } from './index.js';
import { mountDriveSandbox } from './mount.js';

const CLIENT = { clientId: 'drive-sandbox', clientSecret: 's', redirectUris: ['http://app.test/cb'] };
let server: Standalone;
let sim: DriveSimulator;

beforeAll(async () => {
  server = await startStandalone((url) => {
    const router = new Router<AppState>();
    sim = mountDriveSandbox(router, { publicUrl: url, client: CLIENT });
    return router;
  });
});
afterAll(() => server.close());

describe('mountDriveSandbox', () => {
  it('serves Drive and its OAuth below /sandbox/google-drive; a new person finds sample files picked for the app', async () => {
    const base = `${server.url}/sandbox/google-drive`;
    const query = new URLSearchParams({ client_id: CLIENT.clientId, redirect_uri: CLIENT.redirectUris[0]!, response_type: 'code', scope: DRIVE_SCOPES.file, login_hint: 'new.person@example.com' });
    const consent = await fetch(`${base}/o/oauth2/v2/auth?${query}`, { redirect: 'manual' });
    const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
    const tokens = (await (
      await fetch(`${base}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: CLIENT.redirectUris[0]!, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret }),
      })
    ).json()) as { access_token: string };
    const list = (await (await fetch(`${base}/drive/v3/files?fields=files(id,name,mimeType)`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).json()) as { files: Array<{ id: string; name: string }> };
    expect(list.files.map((file) => file.name).sort()).toEqual(['Sandbox brief.pdf', 'Sandbox clip.mp4', 'Sandbox deck', 'Sandbox photo.jpg']);
    const photo = await fetch(`${base}/drive/v3/files/${list.files.find((file) => file.name.endsWith('.jpg'))!.id}?alt=media`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(sim.world.people.has('new.person@example.com')).toBe(true);

    // A made-up file id becomes the person's own file, not picked: "File not found" under drive.file until chosen.
    const madeUp = '1MadeUpDriveFileIdForTheSandbox0042';
    const bearer = { authorization: `Bearer ${tokens.access_token}` };
    expect((await fetch(`${base}/drive/v3/files/${madeUp}?fields=id,name`, { headers: bearer })).status).toBe(404);
    expect((await fetch(`${base}/picker/pick?fileId=${madeUp}`, { method: 'POST', headers: bearer })).status).toBe(204);
    expect(await (await fetch(`${base}/drive/v3/files/${madeUp}?fields=id,name,mimeType`, { headers: bearer })).json()).toEqual({ id: madeUp, name: 'Sandbox file 1MadeUpD.pdf', mimeType: 'application/pdf' });
    // Ids that could not be Drive's are not made up.
    expect((await fetch(`${base}/drive/v3/files/short?fields=id`, { headers: bearer })).status).toBe(404);
    expect(sim.world.files.has('short')).toBe(false);
  });
});
