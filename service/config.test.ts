import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, Env, loadConfig } from './config.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'minopa-config-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const SECRET = 's'.repeat(40);

describe('loadConfig', () => {
  it('starts with no configuration at all: development defaults and the embedded database', () => {
    const dataDir = tempDir();
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({
      env: 'development',
      host: '127.0.0.1',
      port: 8787,
      publicUrl: 'http://localhost:8787',
      publicUrlExplicit: false,
      databaseUrl: undefined,
      dataDir,
      trustProxy: false,
      rateLimitFactor: 1,
      allowedExtensionOrigins: null,
      logLevel: 'info',
      appSecretSource: 'file',
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PORT: '0',
      PUBLIC_URL: 'https://minopa.example.com/',
      DATABASE_URL: 'postgres://app@db/minopa',
      DATA_DIR: '/var/lib/minopa',
      APP_SECRET: SECRET,
      TRUST_PROXY: 'true',
      RATE_LIMIT_FACTOR: '2.5',
      ALLOWED_EXTENSION_ORIGINS: 'chrome-extension://ejjoaohdmeejfgghdfmlnkdbgkmllanp, moz-extension://0d9b8f5e-1c1e-4b6e-9d3a-2b8c4a1e7f00',
      LOG_LEVEL: 'warn',
      TOKEN_ENCRYPTION_KEYS: `k2:${Buffer.alloc(32, 2).toString('base64')}, k1:${Buffer.alloc(32, 1).toString('base64')}`,
    });
    // The core variables; each area's own variables are tested beside it (email/, media/, auth/google/).
    expect(config).toMatchObject({
      env: 'production',
      host: '0.0.0.0',
      port: 0,
      publicUrl: 'https://minopa.example.com',
      publicUrlExplicit: true,
      databaseUrl: 'postgres://app@db/minopa',
      dataDir: '/var/lib/minopa',
      appSecret: SECRET,
      appSecretSource: 'env',
      trustProxy: true,
      rateLimitFactor: 2.5,
      allowedExtensionOrigins: ['chrome-extension://ejjoaohdmeejfgghdfmlnkdbgkmllanp', 'moz-extension://0d9b8f5e-1c1e-4b6e-9d3a-2b8c4a1e7f00'],
      logLevel: 'warn',
      tokenKeys: [
        { id: 'k2', key: Buffer.alloc(32, 2) },
        { id: 'k1', key: Buffer.alloc(32, 1) },
      ],
    });
  });

  it('lists every problem at once, each naming its variable', () => {
    let error: unknown;
    try {
      loadConfig({
        NODE_ENV: 'staging',
        PORT: '99999',
        PUBLIC_URL: 'ftp://x',
        DATABASE_URL: 'mysql://x',
        APP_SECRET: 'short',
        TRUST_PROXY: 'maybe',
        ALLOWED_EXTENSION_ORIGINS: 'https://example.com',
        LOG_LEVEL: 'loud',
        DATA_DIR: tempDir(),
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual([
      'NODE_ENV', 'PORT', 'PUBLIC_URL', 'DATABASE_URL', 'APP_SECRET', 'TRUST_PROXY', 'ALLOWED_EXTENSION_ORIGINS', 'LOG_LEVEL',
    ]);
    expect(problems).toContain('PORT must be between 0 and 65535');
    expect(problems).toContain('ALLOWED_EXTENSION_ORIGINS has entries that are not chrome-extension://ID or moz-extension://ID origins: https://example.com');
    for (const problem of problems) expect(message).toContain(problem);
  });

  it('production requires APP_SECRET (no default secrets), and says how to make one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tempDir() })).toThrow(/APP_SECRET is required when NODE_ENV=production/);
  });

  it('development generates a secret once into DATA_DIR/secret (mode 0600) and reuses it', () => {
    const dataDir = tempDir();
    const first = loadConfig({ DATA_DIR: dataDir });
    const second = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' });
    expect(first.appSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.appSecret).toBe(first.appSecret);
    const file = join(dataDir, 'secret');
    expect(readFileSync(file, 'utf8')).toBe(first.appSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: tempDir() }).appSecret).not.toBe(first.appSecret);
  });

  it('treats an empty variable as unset', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: '', DATA_DIR: tempDir(), APP_SECRET: '' });
    expect(config.port).toBe(8787);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.appSecretSource).toBe('file');
  });

  it('follows PORT in the default PUBLIC_URL', () => {
    expect(loadConfig({ PORT: '9000', DATA_DIR: tempDir() }).publicUrl).toBe('http://localhost:9000');
  });

  it('CONFIG_VARIABLES documents every variable it reads, secrets marked', () => {
    // Documented ⇔ read: a variable added to the schema without a README row (or the reverse) fails here.
    expect(CONFIG_VARIABLES.map((variable) => variable.name).sort()).toEqual(Object.keys(Env.shape).sort());
    const secrets = CONFIG_VARIABLES.filter((variable) => variable.secret).map((variable) => variable.name);
    expect(secrets).toEqual(expect.arrayContaining(['DATABASE_URL', 'APP_SECRET', 'RESEND_API_KEY', 'GOOGLE_CLIENT_SECRET', 'S3_SECRET_ACCESS_KEY']));
    for (const variable of CONFIG_VARIABLES) {
      expect(variable.description.length).toBeGreaterThan(10);
      expect(variable.default.length).toBeGreaterThan(0);
    }
  });
});
