// Pragmas, because tsx (npm run serve) compiles with the root tsconfig, whose JSX setting does not reach here.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { EmailTemplate } from './types.js';
import { Action, Layout, P, Small } from './layout.js';

/** Props of the password reset email. */
export interface ResetPasswordProps {
  firstName: string;
  resetUrl: string;
  expiresInMinutes: number;
}

/** The link to choose a new password, sent when someone asks for it. */
export const resetPassword: EmailTemplate<ResetPasswordProps> = {
  kind: 'account',
  requested: true,
  secrets: ['resetUrl'],
  subject: () => 'Reset your Minopa password',
  render: (p) => (
    <Layout preview="Choose a new password for your Minopa account." heading={`Hi ${p.firstName},`} unsubscribeUrl={p.unsubscribeUrl}>
      <P>Someone — hopefully you — asked to reset the password of your Minopa account. Choose a new one here:</P>
      <Action href={p.resetUrl} label="Choose a new password" />
      <Small>
        This link works once and expires in {p.expiresInMinutes} minutes. If you did not ask for it, ignore this email: your password
        stays as it is.
      </Small>
    </Layout>
  ),
  preview: { firstName: 'Ada', resetUrl: 'http://localhost:8787/reset-password?token=example', expiresInMinutes: 60 },
};
