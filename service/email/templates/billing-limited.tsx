// Pragmas, because tsx (npm run serve) compiles with the root tsconfig, whose JSX setting does not reach here.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { EmailTemplate } from './types.js';
import { Layout, P, Small } from './layout.js';

/** Props of the "your workspace now has the Free limits" notice. */
export interface BillingLimitedProps {
  firstName: string;
  workspaceName: string;
  planName: string;
}

/** Tells each owner that the grace period after a failed payment ended (transactional, like the failure notice). */
export const billingLimited: EmailTemplate<BillingLimitedProps> = {
  kind: 'account',
  requested: false,
  transactional: true,
  secrets: [],
  subject: (p) => `${p.workspaceName} now has the Free plan’s limits`,
  render: (p) => (
    <Layout preview={`No payment for ${p.workspaceName}'s ${p.planName} plan succeeded in time.`} heading={`Hi ${p.firstName},`} unsubscribeUrl={p.unsubscribeUrl}>
      <P>
        No payment for the {p.planName} plan of the workspace {p.workspaceName} succeeded during the grace period, so it now has the Free plan’s
        limits. Nothing was deleted; what goes beyond the limits stays, but nothing more can be added.
      </P>
      <P>Update the card in Minopa’s options under Billing → Manage: the {p.planName} limits come back with the next successful payment.</P>
      <Small>You get this because you own the workspace.</Small>
    </Layout>
  ),
  preview: { firstName: 'Ada', workspaceName: 'Analytical Engines', planName: 'Pro' },
};
