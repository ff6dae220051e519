import { type Config, GOOGLE_DEFAULTS } from '../config.js';
import { approveSandboxConsent } from '../platforms/testing/harness.js';
import { CANVA_PATHS } from '../sandbox/canva/paths.js';
import { startCanvaSimulator, type StandaloneCanva } from '../sandbox/canva/standalone.js';
import { DRIVE_PATHS } from '../sandbox/google-drive/paths.js';
import { startDriveSimulator, type StandaloneDrive } from '../sandbox/google-drive/standalone.js';
import { createTestApp, type TestApp, type TestUser } from '../testing/test-app.js';

/** The service against standalone Canva and Drive simulators, configured as real vendors would be. */
export interface IntegrationWorld {
  app: TestApp;
  canva: StandaloneCanva;
  drive: StandaloneDrive;
  /** Starts connecting `provider` for `user`; answers the authorization address. */
  start(user: TestUser, provider: 'canva' | 'google_drive', body?: Record<string, unknown>): Promise<string>;
  /** Approves at the simulator like a person and follows the redirect to the service's callback. */
  connectCanva(user: TestUser, username?: string): Promise<{ authorizeUrl: string; callback: Response; html: string }>;
  connectDrive(user: TestUser, email?: string, access?: 'file' | 'readonly'): Promise<{ authorizeUrl: string; callback: Response; html: string }>;
  close(): Promise<void>;
}

/** The config of a test app whose Canva and Google clients point at standalone simulators. */
export function integrationTestConfig(canva: StandaloneCanva, drive: StandaloneDrive): Partial<Config> {
  return {
    google: {
      ...GOOGLE_DEFAULTS,
      clientId: 'google-test-app',
      clientSecret: 'google-test-secret',
      authorizeUrl: drive.url + DRIVE_PATHS.authorize,
      tokenUrl: drive.url + DRIVE_PATHS.token,
      revokeUrl: drive.url + DRIVE_PATHS.revoke,
    },
    imports: {
      canva: {
        clientId: 'OC-test-app',
        clientSecret: 'canva-test-secret',
        endpoints: { authorizeUrl: canva.url + CANVA_PATHS.authorize, tokenUrl: canva.url + CANVA_PATHS.token, revokeUrl: canva.url + CANVA_PATHS.revoke, apiUrl: canva.url + CANVA_PATHS.api },
      },
      googleDrive: { apiUrl: drive.url + DRIVE_PATHS.api },
    },
  };
}

/** Starts the two simulators with the OAuth clients integrationTestConfig names. */
export async function startIntegrationSimulators(): Promise<{ canva: StandaloneCanva; drive: StandaloneDrive }> {
  const canva = await startCanvaSimulator({ clients: [{ clientId: 'OC-test-app', clientSecret: 'canva-test-secret' }] });
  const drive = await startDriveSimulator({ clients: [{ clientId: 'google-test-app', clientSecret: 'google-test-secret' }] });
  return { canva, drive };
}

/** Connects `user`'s Canva (as `username`) and Google Drive (as `email`) through `app`, like a person approving at each vendor. */
export function integrationConnector(app: TestApp) {
  const start = async (user: TestUser, provider: 'canva' | 'google_drive', body: Record<string, unknown> = {}) => {
    const started = await app.request<{ authorizeUrl: string }>('POST', `/api/v1/me/integrations/${provider}/connect`, { token: user.token, body });
    if (started.status !== 201) throw new Error(`start failed: ${started.status} ${started.text}`);
    return started.body.authorizeUrl;
  };
  const back = async (provider: string, query: Record<string, string>) => {
    const callback = await fetch(`${app.url}/api/v1/integrations/${provider}/callback?${new URLSearchParams(query)}`);
    return { callback, html: await callback.text() };
  };
  return {
    start,
    async connectCanva(user: TestUser, username = 'canva_person') {
      const authorizeUrl = await start(user, 'canva');
      const { code, state } = await approveSandboxConsent(authorizeUrl, { username, displayName: `${username} Studio` });
      return { authorizeUrl, ...(await back('canva', { code, state: state! })) };
    },
    async connectDrive(user: TestUser, email = 'drive.person@example.com', access: 'file' | 'readonly' = 'file') {
      const authorizeUrl = await start(user, 'google_drive', { access });
      // With login_hint the simulator approves at once (as if the person pressed Allow).
      const answer = await fetch(`${authorizeUrl}&login_hint=${encodeURIComponent(email)}`, { redirect: 'manual' });
      const location = new URL(answer.headers.get('location')!);
      return { authorizeUrl, ...(await back('google_drive', Object.fromEntries(location.searchParams))) };
    },
  };
}

/** Starts both simulators and a test app whose Canva and Google clients point at them. */
export async function startIntegrationWorld(options: { config?: Partial<Config>; isolated?: boolean } = {}): Promise<IntegrationWorld> {
  const { canva, drive } = await startIntegrationSimulators();
  const app = await createTestApp({ config: { ...options.config, ...integrationTestConfig(canva, drive) }, ...(options.isolated ? { isolated: true } : {}) });
  return {
    app,
    canva,
    drive,
    ...integrationConnector(app),
    async close() {
      await app.close();
      await canva.close();
      await drive.close();
    },
  };
}
