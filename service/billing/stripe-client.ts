import Stripe from 'stripe';
import { HttpError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { BillingConfig } from './config.js';

const clients = new WeakMap<BillingConfig, Stripe>();

/**
 * The real Stripe SDK for this configuration, made once. Host, port and protocol are configuration so
 * tests point it at the local Stripe server (service/sandbox/stripe); the SDK's own retries (with its
 * idempotency keys) absorb short outages.
 */
export function stripeClient(billing: BillingConfig): Stripe {
  let client = clients.get(billing);
  if (!client) {
    client = new Stripe(billing.secretKey, { ...billing.api, maxNetworkRetries: 2, timeout: 20_000, appInfo: { name: 'Minopa' } });
    clients.set(billing, client);
  }
  return client;
}

/**
 * Runs one Stripe call; any failure becomes 502 billing_unavailable for the person (Stripe's own message
 * can name internals such as price ids) while the log keeps Stripe's type, code and request id.
 */
export async function callStripe<T>(log: Logger, what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError)) throw error;
    log.error('stripe call failed', { what, type: error.type, code: error.code, status: error.statusCode, requestId: error.requestId, message: error.message });
    throw new HttpError('billing_unavailable');
  }
}
