// Pragmas, because tsx (npm run serve) compiles with the root tsconfig, whose JSX setting does not reach here.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { EmailTemplate } from './types.js';
import { Layout, P, Small } from './layout.js';

/** Props of the "your account will be deleted" confirmation. */
export interface AccountDeletionRequestedProps {
  firstName: string;
  /** When the account is deleted, written for people (e.g. "1 January 2027"). */
  deletionDate: string;
  coolingOffDays: number;
}

/** Confirms a deletion request (P17): the date, what goes, what stays, and how to change one's mind. */
export const accountDeletionRequested: EmailTemplate<AccountDeletionRequestedProps> = {
  kind: 'account',
  requested: true,
  secrets: [],
  subject: (p) => `Your Minopa account will be deleted on ${p.deletionDate}`,
  render: (p) => (
    <Layout preview={`Your account will be deleted on ${p.deletionDate}. You can still cancel.`} heading={`Hi ${p.firstName},`} unsubscribeUrl={p.unsubscribeUrl}>
      <P>
        You asked us to delete your Minopa account. It will be deleted on {p.deletionDate} (at least {p.coolingOffDays} days from your
        request, or when a paid plan you own ends, whichever is later).
      </P>
      <P>
        Until then you can sign in, read and export your data, but not publish or invite; your scheduled posts went back to drafts.
        Changed your mind? Open Minopa’s settings, “Delete my account”, and press “Keep my account”.
      </P>
      <P>
        On that date we revoke Minopa’s access to your connected accounts, Canva and Google Drive, and delete your account, the
        workspaces only you belong to with their posts and files, your connections, sessions and usage records. Workspaces you share
        keep the team’s content. Invoices are kept for tax law, and records of your acceptance of our terms are kept 5 years without
        your name.
      </P>
      <Small>If you did not ask for this, change your password and cancel the deletion in Minopa’s settings.</Small>
    </Layout>
  ),
  preview: { firstName: 'Ada', deletionDate: '1 January 2027', coolingOffDays: 30 },
};
