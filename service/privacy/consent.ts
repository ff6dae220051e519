import type { Knex } from 'knex';
import { consentExpiry, consentModeOf, DENIED_CHOICES, type ConsentChoices } from '#shared/privacy/consent.js';
import type { ConsentState } from '#shared/api/privacy.js';
import { currentLegalDocuments } from '../actions/get-legal-documents.js';

/** One stored choice (consent_records). */
interface ConsentRow {
  functional: boolean;
  analytics: boolean;
  marketing: boolean;
  errorReports: boolean;
  policyVersion: string;
  decidedAt: Date;
  expiresAt: Date;
  expiredAt: Date | null;
}

/**
 * The choice in force for a person: the latest record, unless a year has passed (whether or not the
 * expire-consents job has stamped it yet — the clock decides, the job only makes it visible in bulk).
 */
export async function consentOf(knex: Knex, userId: string, now = new Date()): Promise<ConsentState> {
  const row: ConsentRow | undefined = await knex('consentRecords').where({ userId }).orderBy('decidedAt', 'desc').first();
  if (!row) return stateOf('missing', null);
  const expired = row.expiredAt !== null || row.expiresAt <= now;
  return stateOf(expired ? 'expired' : 'current', row);
}

/**
 * Records a new choice under the Privacy Policy version in force, valid twelve months from now. A new
 * row every time: the history of choices is the proof of consent. Withdrawal is a choice like any other
 * and takes effect with this write (P29).
 */
export async function saveConsent(knex: Knex, userId: string, choices: ConsentChoices, source: 'extension' | 'web'): Promise<ConsentState> {
  const { privacy } = await currentLegalDocuments(knex);
  const decidedAt = new Date();
  const [row] = (await knex('consentRecords')
    .insert({ userId, ...pick(choices), policyVersion: privacy.version, source, decidedAt, expiresAt: consentExpiry(decidedAt) })
    .returning(['functional', 'analytics', 'marketing', 'errorReports', 'policyVersion', 'decidedAt', 'expiresAt', 'expiredAt'])) as ConsentRow[];
  return stateOf('current', row!);
}

function pick(choices: ConsentChoices): ConsentChoices {
  const { functional, analytics, marketing, errorReports } = choices;
  return { functional, analytics, marketing, errorReports };
}

function stateOf(status: ConsentState['status'], row: ConsentRow | null): ConsentState {
  const choices = status === 'current' && row ? pick(row) : DENIED_CHOICES;
  return {
    status,
    choices,
    decidedAt: row ? row.decidedAt.toISOString() : null,
    expiresAt: row ? row.expiresAt.toISOString() : null,
    policyVersion: row?.policyVersion ?? null,
    consentMode: consentModeOf(status === 'current' ? choices : null),
  };
}
