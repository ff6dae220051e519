import { z } from 'zod';

export const LEGAL_KINDS = ['terms', 'privacy'] as const;
export const LegalKind = z.enum(LEGAL_KINDS);
export type LegalKind = z.output<typeof LegalKind>;

export const LegalDocumentSummary = z
  .object({
    kind: LegalKind,
    version: z.string(),
    title: z.string(),
    lastUpdated: z.iso.date(),
    url: z.string().meta({ description: 'Where a person can read it.' }),
  })
  .meta({ id: 'LegalDocumentSummary' });
export type LegalDocumentSummary = z.output<typeof LegalDocumentSummary>;

export const CurrentLegalDocuments = z
  .object({ terms: LegalDocumentSummary, privacy: LegalDocumentSummary })
  .meta({ id: 'CurrentLegalDocuments' });
export type CurrentLegalDocuments = z.output<typeof CurrentLegalDocuments>;
