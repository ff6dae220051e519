// Pragmas, because tsx (npm run serve) compiles with the root tsconfig, whose JSX setting does not reach here.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { EmailTemplate } from './types.js';
import { Layout, P, Small } from './layout.js';

/** Props of the "reconnect your account" notice. */
export interface AccountReconnectProps {
  firstName: string;
  workspaceName: string;
  /** e.g. "X", "LinkedIn". */
  network: string;
  /** The account as people know it, e.g. "@sandbox_studio". */
  accountName: string;
  /** What went wrong, in a sentence. */
  reason: string;
}

/**
 * Tells owners and admins, once, that a connected account stopped working (its refresh failed, the
 * person revoked access at the network): nothing publishes to it until someone reconnects it.
 */
export const accountReconnect: EmailTemplate<AccountReconnectProps> = {
  kind: 'account',
  requested: false,
  secrets: [],
  subject: (p) => `Reconnect ${p.network} account ${p.accountName} in ${p.workspaceName}`,
  render: (p) => (
    <Layout preview={`${p.network} no longer accepts Minopa's connection to ${p.accountName}.`} heading={`Hi ${p.firstName},`} unsubscribeUrl={p.unsubscribeUrl}>
      <P>
        {p.network} no longer accepts Minopa’s connection to {p.accountName} in the workspace {p.workspaceName}. {p.reason}
      </P>
      <P>Until someone reconnects it, posts scheduled to this account will not be published.</P>
      <Small>To fix it: in the Minopa extension, open Options → Accounts and choose Reconnect next to {p.accountName}.</Small>
    </Layout>
  ),
  preview: { firstName: 'Ada', workspaceName: 'Analytical Engines', network: 'X', accountName: '@sandbox_studio', reason: 'Its access was revoked at X.' },
};
