import { describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig } from '../config.js';

// A fixed secret, so loading writes no file.
const base = { NODE_ENV: 'test', APP_SECRET: 'test-secret-that-is-long-enough-0123456789' };
const stripe = { STRIPE_SECRET_KEY: 'sk_test_abc123', STRIPE_WEBHOOK_SECRET: 'whsec_abc123', STRIPE_PRICE_PRO: 'price_pro1', STRIPE_PRICE_TEAM: 'price_team1' };

describe('billing configuration', () => {
  it('is off without a Stripe key', () => {
    expect(loadConfig(base).billing).toBeUndefined();
  });

  it('reads the keys, the price of each paid plan, the API address for tests and the grace period', () => {
    const config = loadConfig({ ...base, ...stripe, STRIPE_API_HOST: '127.0.0.1', STRIPE_API_PORT: '12111', STRIPE_API_PROTOCOL: 'http', BILLING_GRACE_DAYS: '3' });
    expect(config.billing).toEqual({
      secretKey: 'sk_test_abc123',
      webhookSecret: 'whsec_abc123',
      prices: { pro: 'price_pro1', team: 'price_team1' },
      api: { host: '127.0.0.1', port: 12111, protocol: 'http' },
      graceDays: 3,
      webhookToleranceSeconds: 300,
    });
    expect(loadConfig({ ...base, ...stripe }).billing).toMatchObject({ api: {}, graceDays: 7 });
  });

  it('lists every missing or malformed Stripe variable at once', () => {
    let problems: string[] = [];
    try {
      loadConfig({ ...base, STRIPE_SECRET_KEY: 'sk_test_abc123', STRIPE_PRICE_PRO: 'pro', STRIPE_API_PROTOCOL: 'ftp' });
    } catch (error) {
      problems = (error as ConfigError).problems;
    }
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set/),
        expect.stringMatching(/^STRIPE_PRICE_TEAM is required/),
        expect.stringMatching(/^STRIPE_PRICE_PRO must be a Stripe price id/),
        expect.stringMatching(/^STRIPE_API_PROTOCOL must be http or https/),
      ]),
    );
  });
});
