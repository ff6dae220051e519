// Pragmas, because tsx (npm run serve) compiles with the root tsconfig, whose JSX setting does not reach here.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { EmailTemplate } from './types.js';
import { Layout, P, Small } from './layout.js';

/** Props of the "your password was changed" notice. */
export interface PasswordChangedProps {
  firstName: string;
  /** When it happened, already written for people (e.g. "28 November 2026, 14:05 UTC"). */
  changedAt: string;
}

/** Tells the owner of an account that its password changed, so a stranger's change does not go unnoticed. */
export const passwordChanged: EmailTemplate<PasswordChangedProps> = {
  kind: 'security',
  requested: false,
  secrets: [],
  subject: () => 'Your Minopa password was changed',
  render: (p) => (
    <Layout preview="Your password was just changed." heading={`Hi ${p.firstName},`} unsubscribeUrl={p.unsubscribeUrl}>
      <P>The password of your Minopa account was changed on {p.changedAt}. Your other sessions were signed out.</P>
      <P>If this was you, there is nothing else to do.</P>
      <Small>
        If it was not you, reset your password right away from the sign-in page (&quot;Forgot your password?&quot;) and tell your
        workspace owner.
      </Small>
    </Layout>
  ),
  preview: { firstName: 'Ada', changedAt: '28 November 2026, 14:05 UTC' },
};
