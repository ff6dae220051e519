import type Router from '@koa/router';
import Stripe from 'stripe';
import type { AppContext, AppDeps, AppState } from '../context.js';
import { HttpError } from '../errors.js';
import { processStripeEvent } from './events.js';
import { stripeClient } from './stripe-client.js';

/** Stripe's events are a few KB; anything far larger is not from Stripe. */
const MAX_BODY_BYTES = 512 * 1024;

export const STRIPE_WEBHOOK_PATH = '/api/v1/billing/webhooks/stripe';

/**
 * POST /api/v1/billing/webhooks/stripe: Stripe's deliveries. The signature is checked over the raw
 * bytes (never a re-serialised JSON) with the endpoint secret and a timestamp tolerance, so a forged or
 * replayed old delivery is refused with 400 and changes nothing. A verified event answers 200 whether
 * it was processed, already processed (a redelivery) or of a type we ignore; a failure to read Stripe
 * answers 502, which makes Stripe deliver it again later.
 */
export function registerStripeWebhook(router: Router<AppState>, deps: AppDeps): void {
  router.post(STRIPE_WEBHOOK_PATH, async (ctx) => {
    const billing = deps.config.billing;
    if (!billing) throw new HttpError('billing_disabled');
    const raw = await readRaw(ctx);
    let event: Stripe.Event;
    try {
      event = stripeClient(billing).webhooks.constructEvent(raw, ctx.get('stripe-signature'), billing.webhookSecret, billing.webhookToleranceSeconds);
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) throw error;
      ctx.state.log.warn('stripe webhook refused', { reason: error.message });
      throw new HttpError('webhook_signature_invalid');
    }
    const outcome = await processStripeEvent({ knex: deps.db.knex, billing, log: ctx.state.log }, event).catch((error: unknown) => {
      if (!(error instanceof Stripe.errors.StripeError)) throw error;
      ctx.state.log.error('stripe webhook: reading from Stripe failed', { event: event.id, type: error.type, status: error.statusCode });
      throw new HttpError('billing_unavailable');
    });
    ctx.state.log.info('stripe webhook', { event: event.id, type: event.type, outcome });
    ctx.body = { received: true, outcome };
  });
}

async function readRaw(ctx: AppContext): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError('payload_too_large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
