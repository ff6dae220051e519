import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { platformSettings } from './settings.js';

const base = { DATA_DIR: mkdtempSync(join(tmpdir(), 'minopa-platform-config-')), APP_SECRET: 'x'.repeat(40) };
const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig({ ...base, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('network configuration', () => {
  it('without a client id, a network runs against the local sandbox outside production', () => {
    const config = loadConfig({ ...base, PUBLIC_URL: 'http://localhost:9000' });
    const x = platformSettings(config, 'x');
    expect(x).toMatchObject({ sandbox: true, clientId: 'minopa-sandbox-x', apiUrl: 'http://localhost:9000/sandbox/networks/x' });
    expect(x?.tokenUrl).toBe('http://localhost:9000/sandbox/networks/x/2/oauth2/token');
  });

  it('in production a network without a client id is not offered', () => {
    const config = loadConfig({ ...base, NODE_ENV: 'production', TOKEN_ENCRYPTION_KEYS: `k1:${key(1)}` });
    expect(platformSettings(config, 'youtube')).toBeNull();
  });

  it('with a client id, the network’s own addresses, each overridable', () => {
    const config = loadConfig({
      ...base,
      PINTEREST_CLIENT_ID: 'app',
      PINTEREST_CLIENT_SECRET: 'shh',
      PINTEREST_API_URL: 'http://127.0.0.1:4010/v5/',
    });
    expect(platformSettings(config, 'pinterest')).toEqual({
      clientId: 'app',
      clientSecret: 'shh',
      authorizeUrl: 'https://www.pinterest.com/oauth/',
      tokenUrl: 'https://api.pinterest.com/v5/oauth/token',
      revokeUrl: null,
      apiUrl: 'http://127.0.0.1:4010/v5',
      uploadUrl: 'https://api.pinterest.com/v5',
      sandbox: false,
    });
  });

  it('lists a client id without its secret, bad addresses and bad keys, each naming its variable', () => {
    expect(problems({ X_CLIENT_ID: 'abc', TIKTOK_API_URL: 'ftp://nope', TOKEN_ENCRYPTION_KEYS: 'k1:short' })).toEqual([
      'TOKEN_ENCRYPTION_KEYS must be id:key pairs, each key 32 bytes in base64 (bad: k1)',
      'X_CLIENT_SECRET is required when X_CLIENT_ID is set (the secret of the same X app)',
      'TIKTOK_API_URL must be an http:// or https:// address',
    ]);
    expect(problems({ TOKEN_ENCRYPTION_KEYS: `a:${key(1)},a:${key(2)}` })).toEqual(['TOKEN_ENCRYPTION_KEYS has the same key id twice']);
  });

  it('P26: production requires token encryption keys; development derives one from APP_SECRET', () => {
    expect(problems({ NODE_ENV: 'production' })).toContain(
      'TOKEN_ENCRYPTION_KEYS is required when NODE_ENV=production (e.g. `k1:` followed by `openssl rand -base64 32`)',
    );
    const config = loadConfig(base);
    expect(config.tokenKeys).toHaveLength(1);
    expect(config.tokenKeys[0]?.key).toHaveLength(32);
    expect(loadConfig(base).tokenKeys[0]?.key.equals(config.tokenKeys[0]!.key)).toBe(true);
  });
});
