import type { LegalStanding } from '#shared/api/legal.js';
import { call } from './api-client.js';

/** The current Terms and Privacy Policy, what changed, and whether the signed-in person accepted them (P12). */
export async function getLegalStanding(): Promise<LegalStanding> {
  return call('getLegalStanding', undefined, { timeoutMs: 5_000 });
}

/** Accepts the versions the person was shown; the service refuses them if newer ones appeared meanwhile. */
export async function acceptLegalDocuments(data: { terms: string; privacy: string }): Promise<LegalStanding> {
  return call('acceptLegalDocuments', { body: { terms: data.terms, privacy: data.privacy } });
}
