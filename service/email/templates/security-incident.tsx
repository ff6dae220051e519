// Pragmas, because tsx (npm run serve) compiles with the root tsconfig, whose JSX setting does not reach here.
/** @jsxRuntime automatic */
/** @jsxImportSource react */
import type { EmailTemplate } from './types.js';
import { Layout, P, Small } from './layout.js';

/** Props of the breach notification (P32). */
export interface SecurityIncidentProps {
  firstName: string;
  title: string;
  /** When it was detected, written for people (e.g. "28 November 2026, 10:00 UTC"). */
  detectedAt: string;
  whatHappened: string;
  measuresTaken: string;
}

/**
 * Tells a person that a breach affected their data: what happened and what was done (P32). About their
 * security, so it reaches everyone concerned whatever they unsubscribed from.
 */
export const securityIncident: EmailTemplate<SecurityIncidentProps> = {
  kind: 'security',
  requested: false,
  transactional: true,
  secrets: [],
  subject: (p) => `Security notice: ${p.title}`,
  render: (p) => (
    <Layout preview="A security incident affected your Minopa data. What happened and what we did." heading={`Hi ${p.firstName},`} unsubscribeUrl={p.unsubscribeUrl}>
      <P>We are writing to tell you about a security incident that affected your data, detected on {p.detectedAt}.</P>
      <P>
        <strong>What happened.</strong> {p.whatHappened}
      </P>
      <P>
        <strong>What we did.</strong> {p.measuresTaken}
      </P>
      <Small>If you have questions, reply to this email. We are sorry for the trouble.</Small>
    </Layout>
  ),
  preview: {
    firstName: 'Ada',
    title: 'Unauthorised access to a backup',
    detectedAt: '28 November 2026, 10:00 UTC',
    whatHappened: 'A copy of our database backup from 27 November was reachable without a password for about two hours. It contained names, email addresses and post texts; no passwords (we keep only salted hashes) and no payment data (we never hold any).',
    measuresTaken: 'We closed the access, rotated every key, confirmed the copy was downloaded once, and reported the incident to the supervisory authority.',
  },
};
