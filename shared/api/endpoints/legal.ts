import type { Endpoint } from '../endpoint.js';
import { CurrentLegalDocuments } from '../legal.js';

export const legalEndpoints = {
  getLegalDocuments: {
    method: 'GET', path: '/api/v1/legal', tag: 'legal', auth: 'none',
    summary: 'The current Terms of Service and Privacy Policy a person accepts at sign-up.',
    response: CurrentLegalDocuments,
  },
} as const satisfies Record<string, Endpoint>;
