import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

/**
 * P5: payment card data never touches our database — Stripe's hosted pages collect it. This scans the
 * migrated schema for any column whose name could hold a card number, a security code or an expiry
 * date; adding one fails here.
 */

// Names of card data as people and payment APIs spell them: card number/PAN, CVC/CVV/CSC, expiry month/year.
const CARD_COLUMN = /(^|_)(card|cards|pan|primary_account_number|ccn|cvc|cvc2|cvv|cvv2|csc|security_code|card_code|exp|expiry|expiration|exp_month|exp_year|expiry_month|expiry_year)(_|$)|card_?num|cardholder|last_?4|iin|bin_number/;

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

describe('P5: no column for card data', () => {
  it('the pattern catches card data columns and leaves ordinary ones alone', () => {
    for (const name of ['card_number', 'cardnumber', 'pan', 'cvc', 'cvv2', 'security_code', 'exp_month', 'expiry_year', 'card_exp', 'last4', 'cardholder_name', 'payment_card']) {
      expect(name, name).toMatch(CARD_COLUMN);
    }
    for (const name of ['expires_at', 'stripe_customer_id', 'current_period_end', 'panel', 'scope', 'company', 'discarded_at', 'expected_offset']) {
      expect(name, name).not.toMatch(CARD_COLUMN);
    }
  });

  it('no table of the migrated schema has one', async () => {
    const columns = (await app.db.knex.raw(`select table_name, column_name from information_schema.columns where table_schema = current_schema()`)).rows as { table_name: string; column_name: string }[];
    expect(columns.length).toBeGreaterThan(100);
    expect(columns.map((column) => column.table_name)).toEqual(expect.arrayContaining(['workspace_subscriptions', 'billing_records']));
    expect(columns.filter((column) => CARD_COLUMN.test(column.column_name)).map((column) => `${column.table_name}.${column.column_name}`)).toEqual([]);
  });
});
