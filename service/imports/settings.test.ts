import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { integrationSettings } from './settings.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const base = { APP_SECRET: SECRET, PUBLIC_URL: 'https://minopa.example' };

describe('Canva and Google Drive settings', () => {
  it('uses Canva’s own addresses with a configured client, any of them overridable', () => {
    const config = loadConfig({ ...base, CANVA_CLIENT_ID: 'OC-abc', CANVA_CLIENT_SECRET: 'shh', CANVA_API_URL: 'https://canva.proxy.example/rest/' });
    expect(integrationSettings(config, 'canva')).toEqual({
      clientId: 'OC-abc',
      clientSecret: 'shh',
      authorizeUrl: 'https://www.canva.com/api/oauth/authorize',
      tokenUrl: 'https://api.canva.com/rest/v1/oauth/token',
      revokeUrl: 'https://api.canva.com/rest/v1/oauth/revoke',
      apiUrl: 'https://canva.proxy.example/rest',
      sandbox: false,
    });
  });

  it('connects Drive with the Google sign-in client, Google’s OAuth addresses and the Drive API', () => {
    const config = loadConfig({ ...base, GOOGLE_CLIENT_ID: 'g-id', GOOGLE_CLIENT_SECRET: 'g-secret' });
    expect(integrationSettings(config, 'google_drive')).toEqual({
      clientId: 'g-id',
      clientSecret: 'g-secret',
      authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
      tokenUrl: 'https://oauth2.googleapis.com/token',
      revokeUrl: 'https://oauth2.googleapis.com/revoke',
      apiUrl: 'https://www.googleapis.com/drive/v3',
      sandbox: false,
    });
  });

  it('without a client: the simulators mounted in the service outside production, nothing in production', () => {
    const development = loadConfig({ ...base, NODE_ENV: 'development' });
    expect(integrationSettings(development, 'canva')).toMatchObject({ sandbox: true, authorizeUrl: 'https://minopa.example/sandbox/canva/api/oauth/authorize', apiUrl: 'https://minopa.example/sandbox/canva/rest' });
    expect(integrationSettings(development, 'google_drive')).toMatchObject({ sandbox: true, tokenUrl: 'https://minopa.example/sandbox/google-drive/token', apiUrl: 'https://minopa.example/sandbox/google-drive/drive/v3' });
    const production = loadConfig({ ...base, NODE_ENV: 'production', TOKEN_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}` });
    expect(integrationSettings(production, 'canva')).toBeNull();
    expect(integrationSettings(production, 'google_drive')).toBeNull();
  });

  it('refuses a Canva client id without its secret, and addresses that are not http(s)', () => {
    let error: unknown;
    try {
      loadConfig({ ...base, CANVA_CLIENT_ID: 'OC-abc', CANVA_TOKEN_URL: 'ftp://nope', GOOGLE_DRIVE_API_URL: 'not a url' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual(
      expect.arrayContaining([
        'CANVA_CLIENT_SECRET is required when CANVA_CLIENT_ID is set (the secret of the same Canva integration)',
        'CANVA_TOKEN_URL must be an http:// or https:// address',
        'GOOGLE_DRIVE_API_URL must be an http:// or https:// address',
      ]),
    );
  });
});
