// Pragmas, because tsx (npm run serve) compiles with the root tsconfig, whose JSX setting does not reach here.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { EmailTemplate } from './types.js';
import { Layout, P, Small } from './layout.js';

/** Props of the "your payment failed" notice to a workspace's owners. */
export interface BillingPaymentFailedProps {
  firstName: string;
  workspaceName: string;
  /** e.g. "Pro". */
  planName: string;
  /** The last day of the grace period, as people read it (e.g. "5 December 2026"). */
  graceEnds: string;
}

/**
 * Tells each owner that Stripe could not collect a payment and until when the paid limits stay. A
 * transactional notice about the contract itself, so an unsubscribe does not hide it.
 */
export const billingPaymentFailed: EmailTemplate<BillingPaymentFailedProps> = {
  kind: 'account',
  requested: false,
  transactional: true,
  secrets: [],
  subject: (p) => `Payment failed for ${p.workspaceName}’s ${p.planName} plan`,
  render: (p) => (
    <Layout preview={`We could not collect the payment for ${p.workspaceName}.`} heading={`Hi ${p.firstName},`} unsubscribeUrl={p.unsubscribeUrl}>
      <P>
        We could not collect the payment for the {p.planName} plan of the workspace {p.workspaceName}. Stripe will try again; you can update the
        card in Minopa’s options under Billing → Manage.
      </P>
      <P>
        The workspace keeps the {p.planName} limits until {p.graceEnds}. If no payment succeeds by then, it falls back to the Free plan’s limits.
        Nothing is deleted: posts, media and accounts stay, and the limits come back with the next successful payment.
      </P>
      <Small>You get this because you own the workspace. Card details are handled by Stripe; Minopa never sees them.</Small>
    </Layout>
  ),
  preview: { firstName: 'Ada', workspaceName: 'Analytical Engines', planName: 'Pro', graceEnds: '5 December 2026' },
};
