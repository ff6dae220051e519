import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../config.js';

const base = { NODE_ENV: 'test', APP_SECRET: 'a-secret-that-is-long-enough-for-tests-000' } as const;

describe('email and jobs configuration', () => {
  it('defaults to local capture, Resend’s address, a local sender and running the jobs', () => {
    expect(loadConfig({ ...base })).toMatchObject({
      resendApiKey: undefined,
      resendBaseUrl: 'https://api.resend.com',
      emailFrom: 'Minopa <hello@minopa.localhost>',
      jobsEnabled: true,
    });
  });

  it('reads RESEND_API_KEY, RESEND_BASE_URL, EMAIL_FROM and JOBS_ENABLED', () => {
    const config = loadConfig({ ...base, RESEND_API_KEY: 're_123', RESEND_BASE_URL: 'http://127.0.0.1:4010/', EMAIL_FROM: 'Team <team@minopa.example>', JOBS_ENABLED: 'false' });
    expect(config).toMatchObject({ resendApiKey: 're_123', resendBaseUrl: 'http://127.0.0.1:4010', emailFrom: 'Team <team@minopa.example>', jobsEnabled: false });
    expect(loadConfig({ ...base, EMAIL_FROM: 'team@minopa.example', RESEND_API_KEY: '' })).toMatchObject({ emailFrom: 'team@minopa.example', resendApiKey: undefined });
  });

  it('names each bad value in one sentence', () => {
    let error: unknown;
    try {
      loadConfig({ ...base, RESEND_BASE_URL: 'resend', EMAIL_FROM: 'Minopa', JOBS_ENABLED: 'sometimes' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'RESEND_BASE_URL must be an http:// or https:// address',
      'EMAIL_FROM must be an address or `Name <address>`',
      'JOBS_ENABLED must be true or false',
    ]);
  });

  it('documents the variables, the API key as a secret', () => {
    const documented = new Map(CONFIG_VARIABLES.map((variable) => [variable.name, variable]));
    for (const name of ['RESEND_API_KEY', 'RESEND_BASE_URL', 'EMAIL_FROM', 'JOBS_ENABLED']) expect(documented.has(name), name).toBe(true);
    expect(documented.get('RESEND_API_KEY')!.secret).toBe(true);
    expect(documented.get('EMAIL_FROM')!.secret).toBe(false);
  });
});
