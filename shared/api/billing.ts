import { z } from 'zod';
import { LIMIT_NAMES, PAID_PLAN_IDS, PLAN_IDS } from '../billing/plans.js';
import { zodMessage } from '../i18n.js';
import { Timestamp } from './common.js';

const Limits = z.object(Object.fromEntries(LIMIT_NAMES.map((name) => [name, z.number().int()])) as Record<(typeof LIMIT_NAMES)[number], z.ZodNumber>);

/** The workspace's Stripe subscription as last read from Stripe. */
export const BillingSubscription = z
  .object({
    plan: z.enum(PLAN_IDS).meta({ description: 'The plan paid for.' }),
    status: z.string().meta({ description: "Stripe's subscription status: active, trialing, past_due, unpaid, canceled, incomplete, …" }),
    currentPeriodEnd: Timestamp.nullable(),
    cancelAtPeriodEnd: z.boolean().meta({ description: 'True when it ends at currentPeriodEnd (cancelled in the portal).' }),
    graceEndsAt: Timestamp.nullable().meta({ description: 'After a failed payment: when the paid limits end unless a payment succeeds.' }),
    limitedToFree: z.boolean().meta({ description: 'The grace period ended: the Free limits apply until a payment succeeds. Nothing was deleted.' }),
  })
  .meta({ id: 'BillingSubscription' });

/** A workspace's plan, limits and usage; `enabled: false` when the service runs without Stripe (every workspace is Free). */
export const BillingState = z
  .object({
    enabled: z.boolean(),
    plan: z.enum(PLAN_IDS).meta({ description: 'The plan whose limits apply now.' }),
    limits: Limits.meta({ description: "The limits of that plan (mediaStorageBytes in bytes, scheduledPostsPerMonth per UTC calendar month)." }),
    usage: Limits.meta({ description: 'What the workspace uses of each limit (members include pending invitations).' }),
    subscription: BillingSubscription.nullable(),
  })
  .meta({ id: 'BillingState' });
export type BillingState = z.infer<typeof BillingState>;

export const CheckoutInput = z
  .strictObject({
    plan: z.enum(PAID_PLAN_IDS, { message: zodMessage({ en: `must be one of ${PAID_PLAN_IDS.join(', ')}`, de: `muss einer dieser Werte sein: ${PAID_PLAN_IDS.join(', ')}` }) }),
  })
  .meta({ id: 'CheckoutInput' });

/** A page at Stripe to open in a tab (Checkout or the Billing Portal). */
export const BillingRedirect = z.object({ url: z.string().meta({ description: "Stripe's hosted page; open it in a tab." }) }).meta({ id: 'BillingRedirect' });
