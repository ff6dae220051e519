// Pragmas, because tsx (npm run serve) compiles with the root tsconfig, whose JSX setting does not reach here.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { EmailTemplate } from './types.js';
import { Layout, P, Small } from './layout.js';

/** Props of the "your account is deleted in a week" reminder. */
export interface AccountDeletionReminderProps {
  firstName: string;
  /** When the account is deleted, written for people (e.g. "1 January 2027"). */
  deletionDate: string;
}

/**
 * Reminds the person, once, a week before the cooling-off period ends (P17): the last chance to export
 * or cancel. About the account itself, so sent even to someone who unsubscribed from account emails.
 */
export const accountDeletionReminder: EmailTemplate<AccountDeletionReminderProps> = {
  kind: 'account',
  requested: false,
  transactional: true,
  secrets: [],
  subject: (p) => `Reminder: your Minopa account will be deleted on ${p.deletionDate}`,
  render: (p) => (
    <Layout preview={`Last chance to download your data or keep your account.`} heading={`Hi ${p.firstName},`} unsubscribeUrl={p.unsubscribeUrl}>
      <P>
        As you asked, your Minopa account will be deleted on {p.deletionDate}, with the workspaces only you belong to, their posts
        and files, and your connections. This cannot be undone.
      </P>
      <P>
        To keep a copy, download your data in Minopa’s settings (“Download your data”) before then. To keep your account, open
        “Delete my account” there and press “Keep my account”.
      </P>
      <Small>This is the only reminder we send.</Small>
    </Layout>
  ),
  preview: { firstName: 'Ada', deletionDate: '1 January 2027' },
};
