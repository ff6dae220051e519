// Pragmas, because tsx (npm run serve) compiles with the root tsconfig, whose JSX setting does not reach here.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { EmailTemplate } from './types.js';
import { Action, Layout, P, Small } from './layout.js';

/** Props of the email change confirmation (sent to the NEW address). */
export interface EmailChangeProps {
  firstName: string;
  newEmail: string;
  confirmUrl: string;
  expiresInHours: number;
}

/** Asks the new address to confirm it, before the account's email actually changes. */
export const emailChange: EmailTemplate<EmailChangeProps> = {
  kind: 'account',
  requested: true,
  secrets: ['confirmUrl'],
  subject: () => 'Confirm your new email address for Minopa',
  render: (p) => (
    <Layout preview="Confirm your new email address." heading={`Hi ${p.firstName},`} unsubscribeUrl={p.unsubscribeUrl}>
      <P>
        You asked to use {p.newEmail} for your Minopa account. Confirm it and we will send everything here from now on.
      </P>
      <Action href={p.confirmUrl} label="Confirm this address" />
      <Small>
        This link works once and expires in {p.expiresInHours} {p.expiresInHours === 1 ? 'hour' : 'hours'}. Until then your account
        keeps its current address. If you did not ask for this, ignore this email.
      </Small>
    </Layout>
  ),
  preview: { firstName: 'Ada', newEmail: 'ada@example.com', confirmUrl: 'http://localhost:8787/confirm-email?token=example', expiresInHours: 24 },
};
