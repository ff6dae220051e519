import { z } from 'zod';
import type { PaidPlanId } from '#shared/billing/plans.js';
import type { ConfigVariable } from '../config.js';

/** Stripe as configured. Absent from Config: billing is off and every workspace has the Free plan. */
export interface BillingConfig {
  secretKey: string;
  /** The webhook endpoint's signing secret (`whsec_…`). */
  webhookSecret: string;
  /** The Stripe price of each paid plan. */
  prices: Record<PaidPlanId, string>;
  /** Where the SDK sends its requests; absent parts: Stripe's own (tests point them at service/sandbox/stripe). */
  api: { host?: string; port?: number; protocol?: 'http' | 'https' };
  /** How long a workspace whose payment failed keeps its paid limits. */
  graceDays: number;
  /** How old a webhook's signed timestamp may be (replays of older deliveries are refused). */
  webhookToleranceSeconds: number;
}

const blankIsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** The zod fields of the Stripe variables, spread into config.ts's Env. */
export const BILLING_ENV = {
  STRIPE_SECRET_KEY: blankIsUnset(z.string().trim().regex(/^(sk|rk)_(test|live)_\w+$/, { message: 'must be a Stripe secret key (sk_test_…, sk_live_… or a restricted rk_… key)' })),
  STRIPE_WEBHOOK_SECRET: blankIsUnset(z.string().trim().regex(/^whsec_\w+$/, { message: 'must be a webhook signing secret (whsec_…)' })),
  STRIPE_PRICE_PRO: blankIsUnset(z.string().trim().regex(/^price_\w+$/, { message: 'must be a Stripe price id (price_…)' })),
  STRIPE_PRICE_TEAM: blankIsUnset(z.string().trim().regex(/^price_\w+$/, { message: 'must be a Stripe price id (price_…)' })),
  STRIPE_API_HOST: blankIsUnset(z.string().trim().min(1)),
  STRIPE_API_PORT: blankIsUnset(z.coerce.number({ message: 'must be a number' }).int({ message: 'must be a whole number' }).min(1, { message: 'must be between 1 and 65535' }).max(65535, { message: 'must be between 1 and 65535' })),
  STRIPE_API_PROTOCOL: blankIsUnset(z.enum(['http', 'https'], { message: 'must be http or https' })),
  BILLING_GRACE_DAYS: blankIsUnset(z.coerce.number({ message: 'must be a number' }).int({ message: 'must be a whole number of days' }).min(0, { message: 'must be 0 or more' }).max(60, { message: 'must be at most 60' })),
};

/** The README rows of the Stripe variables, spread into config.ts's CONFIG_VARIABLES. */
export const BILLING_CONFIG_VARIABLES: ConfigVariable[] = [
  {
    name: 'STRIPE_SECRET_KEY',
    default: 'none: billing is off, every workspace has the Free plan and checkout is disabled',
    secret: true,
    description: 'Stripe secret key; with it, owners subscribe through Stripe Checkout and manage their plan in the Billing Portal. Needs `STRIPE_WEBHOOK_SECRET` and both price ids.',
  },
  { name: 'STRIPE_WEBHOOK_SECRET', default: 'none', secret: true, description: 'Signing secret (`whsec_…`) of the webhook endpoint `PUBLIC_URL/api/v1/billing/webhooks/stripe` (events: checkout.session.completed, customer.subscription.*, invoice.paid, invoice.payment_failed).' },
  { name: 'STRIPE_PRICE_PRO', default: 'none', secret: false, description: 'Stripe price id (`price_…`, recurring) of the Pro plan.' },
  { name: 'STRIPE_PRICE_TEAM', default: 'none', secret: false, description: 'Stripe price id (`price_…`, recurring) of the Team plan.' },
  { name: 'STRIPE_API_HOST', default: 'api.stripe.com', secret: false, description: "Host of Stripe's API; tests point it at the local Stripe server (service/sandbox/stripe)." },
  { name: 'STRIPE_API_PORT', default: '443', secret: false, description: "Port of Stripe's API (tests only)." },
  { name: 'STRIPE_API_PROTOCOL', default: 'https', secret: false, description: "`http` or `https` for Stripe's API (tests only)." },
  { name: 'BILLING_GRACE_DAYS', default: '7', secret: false, description: 'Days a workspace keeps its paid limits after a failed payment; then it falls back to the Free limits (nothing is deleted) until a payment succeeds.' },
];

/** Reads the Stripe variables out of the parsed environment; undefined (billing off) without a secret key. */
export function billingConfigFrom(vars: Record<string, unknown>): BillingConfig | undefined {
  const read = (name: string) => vars[name] as string | undefined;
  const secretKey = read('STRIPE_SECRET_KEY');
  const webhookSecret = read('STRIPE_WEBHOOK_SECRET');
  const pro = read('STRIPE_PRICE_PRO');
  const team = read('STRIPE_PRICE_TEAM');
  if (!secretKey || !webhookSecret || !pro || !team) return undefined;
  return {
    secretKey,
    webhookSecret,
    prices: { pro, team },
    api: {
      ...(read('STRIPE_API_HOST') ? { host: read('STRIPE_API_HOST') } : {}),
      ...(vars.STRIPE_API_PORT !== undefined ? { port: vars.STRIPE_API_PORT as number } : {}),
      ...(read('STRIPE_API_PROTOCOL') ? { protocol: read('STRIPE_API_PROTOCOL') as 'http' | 'https' } : {}),
    },
    graceDays: (vars.BILLING_GRACE_DAYS as number | undefined) ?? 7,
    webhookToleranceSeconds: 300,
  };
}

/** Problems across variables (each a sentence starting with the variable's name). */
export function billingConfigProblems(env: NodeJS.ProcessEnv): string[] {
  if (!env.STRIPE_SECRET_KEY) return [];
  const missing = ['STRIPE_WEBHOOK_SECRET', 'STRIPE_PRICE_PRO', 'STRIPE_PRICE_TEAM'].filter((name) => !env[name]);
  return missing.map((name) => `${name} is required when STRIPE_SECRET_KEY is set (billing needs the webhook secret and a price per paid plan)`);
}
