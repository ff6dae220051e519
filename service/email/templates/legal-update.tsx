// Pragmas, because tsx (npm run serve) compiles with the root tsconfig, whose JSX setting does not reach here.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { EmailTemplate } from './types.js';
import { Layout, P, Small } from './layout.js';

/** Props of the "our Terms or Privacy Policy changed" notice. */
export interface LegalUpdateProps {
  firstName: string;
  /** e.g. "Privacy Policy". */
  documentTitle: string;
  version: string;
  /** The "Last Updated" date, written for people (e.g. "1 January 2027"). */
  lastUpdated: string;
  /** What changed, as the operator wrote it. */
  summary: string;
  /** Where the new version can be read. */
  documentUrl: string;
}

/**
 * Tells every account of a material change to the Terms or Privacy Policy (P12, P33) and that it must be
 * accepted at the next use. About the contract itself, so sent even to someone who unsubscribed from
 * account emails.
 */
export const legalUpdate: EmailTemplate<LegalUpdateProps> = {
  kind: 'account',
  requested: false,
  transactional: true,
  // Not a credential, but no link is kept in a sent row (the document stays readable on its page).
  secrets: ['documentUrl'],
  subject: (p) => `We updated our ${p.documentTitle}`,
  render: (p) => (
    <Layout preview={`What changes in our ${p.documentTitle}, and what to do.`} heading={`Hi ${p.firstName},`} unsubscribeUrl={p.unsubscribeUrl}>
      <P>
        We changed our {p.documentTitle} (version {p.version}, last updated {p.lastUpdated}). In short:
      </P>
      <P>{p.summary}</P>
      <P>
        Read the whole text at <a href={p.documentUrl}>{p.documentUrl}</a>. The next time you use Minopa, we will ask you to accept it;
        until then you can read, capture and export your data, but not publish or invite.
      </P>
      <Small>Earlier versions stay readable on the same page, so you can compare.</Small>
    </Layout>
  ),
  preview: {
    firstName: 'Ada',
    documentTitle: 'Privacy Policy',
    version: '2.0',
    lastUpdated: '1 January 2027',
    summary: 'Usage statistics are now kept 26 months instead of 24, and we added Microsoft Clarity as an optional analytics provider.',
    documentUrl: 'https://minopa.example/legal/privacy/2.0',
  },
};
