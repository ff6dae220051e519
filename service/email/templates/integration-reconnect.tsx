// Pragmas, because tsx (npm run serve) compiles with the root tsconfig, whose JSX setting does not reach here.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { EmailTemplate } from './types.js';
import { Layout, P, Small } from './layout.js';

/** Props of the "reconnect Canva / Google Drive" notice. */
export interface IntegrationReconnectProps {
  firstName: string;
  /** "Canva" or "Google Drive". */
  provider: string;
  /** What went wrong, in a sentence. */
  reason: string;
}

/**
 * Tells a person, once, that their own Canva or Google Drive connection stopped working (a refresh was
 * refused, or they revoked Minopa's access at the vendor): imports from it wait until they reconnect.
 */
export const integrationReconnect: EmailTemplate<IntegrationReconnectProps> = {
  kind: 'account',
  requested: false,
  secrets: [],
  subject: (p) => `Reconnect ${p.provider} to Minopa`,
  render: (p) => (
    <Layout preview={`${p.provider} no longer accepts Minopa's connection.`} heading={`Hi ${p.firstName},`} unsubscribeUrl={p.unsubscribeUrl}>
      <P>
        {p.provider} no longer accepts Minopa’s connection to your account. {p.reason}
      </P>
      <P>Until you reconnect it, Minopa cannot import your files from {p.provider}.</P>
      <Small>To fix it: in the Minopa extension, open Options → Connections and choose Reconnect next to {p.provider}.</Small>
    </Layout>
  ),
  preview: { firstName: 'Ada', provider: 'Canva', reason: 'Its access was revoked at Canva.' },
};
