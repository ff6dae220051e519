// Pragmas, because tsx (npm run serve) compiles with the root tsconfig, whose JSX setting does not reach here.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { EmailTemplate } from './types.js';
import { Action, Layout, P, Small } from './layout.js';

/** Props of the address verification email (sent at sign-up). */
export interface VerifyEmailProps {
  firstName: string;
  verifyUrl: string;
  expiresInHours: number;
}

/** Confirms that the address given at sign-up belongs to the person. */
export const verifyEmail: EmailTemplate<VerifyEmailProps> = {
  kind: 'account',
  requested: true,
  secrets: ['verifyUrl'],
  subject: () => 'Confirm your email address for Minopa',
  render: (p) => (
    <Layout preview="One click to confirm your email address." heading={`Welcome to Minopa, ${p.firstName}!`} unsubscribeUrl={p.unsubscribeUrl}>
      <P>Please confirm that this is your email address, so you can publish posts and invite your team.</P>
      <Action href={p.verifyUrl} label="Confirm my email address" />
      <Small>
        This link works once and expires in {p.expiresInHours} {p.expiresInHours === 1 ? 'hour' : 'hours'}. If you did not sign up for
        Minopa, you can ignore this email.
      </Small>
    </Layout>
  ),
  preview: { firstName: 'Ada', verifyUrl: 'http://localhost:8787/verify-email?token=example', expiresInHours: 24 },
};
