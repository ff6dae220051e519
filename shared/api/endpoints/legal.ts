import type { Endpoint } from '../endpoint.js';
import { AcceptLegalDocumentsInput, CurrentLegalDocuments, LegalStanding } from '../legal.js';

export const legalEndpoints = {
  getLegalDocuments: {
    method: 'GET', path: '/api/v1/legal', tag: 'legal', auth: 'none',
    summary: 'The current Terms of Service and Privacy Policy a person accepts at sign-up.',
    response: CurrentLegalDocuments,
  },
  getLegalStanding: {
    method: 'GET', path: '/api/v1/me/legal', tag: 'legal', auth: 'session',
    summary: 'The current Terms and Privacy Policy, what changed, and whether you accepted them (P12).',
    response: LegalStanding,
  },
  acceptLegalDocuments: {
    method: 'POST', path: '/api/v1/me/legal-acceptances', tag: 'legal', auth: 'session',
    summary: 'Accept the current Terms and Privacy Policy (recorded with time, version, IP address and browser, P12).',
    body: AcceptLegalDocumentsInput, response: LegalStanding,
  },
} as const satisfies Record<string, Endpoint>;
