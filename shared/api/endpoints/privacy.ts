import type { Endpoint } from '../endpoint.js';
import { ConsentState, SaveConsentInput } from '../privacy.js';

export const privacyEndpoints = {
  getConsent: {
    method: 'GET', path: '/api/v1/me/consent', tag: 'me', auth: 'session',
    summary: 'Your consent choice in force (P20): missing, current or expired, with its Consent Mode v2 signals.', response: ConsentState,
  },
  saveConsent: {
    method: 'PUT', path: '/api/v1/me/consent', tag: 'me', auth: 'session',
    summary: 'Record a new consent choice; it holds for twelve months. Withdrawing a category takes effect at once (P29).',
    body: SaveConsentInput, response: ConsentState,
  },
} as const satisfies Record<string, Endpoint>;
