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

/** A current document and where the signed-in person stands with it. */
export const LegalDocumentStanding = LegalDocumentSummary.extend({
  material: z.boolean().meta({ description: 'A material change: whoever accepted an earlier version must accept this one.' }),
  changes: z.string().nullable().meta({ description: 'What changed in this version, as the operator summarised it.' }),
  acceptedAt: z.iso.datetime({ offset: true }).nullable(),
}).meta({ id: 'LegalDocumentStanding' });

export const LegalStanding = z
  .object({
    acceptanceDue: z.boolean().meta({ description: 'True while publishing and inviting wait for the person to accept the current versions (P12).' }),
    terms: LegalDocumentStanding,
    privacy: LegalDocumentStanding,
  })
  .meta({ id: 'LegalStanding' });
export type LegalStanding = z.output<typeof LegalStanding>;

export const AcceptLegalDocumentsInput = z
  .strictObject({
    terms: z.string().min(1).max(40).meta({ description: 'The version of the Terms the person was shown and accepts.' }),
    privacy: z.string().min(1).max(40).meta({ description: 'The version of the Privacy Policy the person was shown and accepts.' }),
  })
  .meta({ id: 'AcceptLegalDocumentsInput' });
