import type { LegalDocumentSummary, LegalKind, LegalStanding } from '#shared/api/legal.js';
import type { DocumentStanding } from '../legal/acceptance.js';
import type { LegalDocument } from '../models/legal-document.js';

/** Where a document version can be read: a stable URL per version, so what was accepted stays readable (P33). */
export function legalDocumentUrl(publicUrl: string, document: Pick<LegalDocument, 'kind' | 'version'>): string {
  return `${publicUrl}/legal/${document.kind}/${encodeURIComponent(document.version)}`;
}

/** A document's summary (no body) with the URL of its readable page. */
export function presentLegalSummary(document: LegalDocument, publicUrl: string): LegalDocumentSummary {
  return {
    kind: document.kind,
    version: document.version,
    title: document.title,
    lastUpdated: document.lastUpdated,
    url: legalDocumentUrl(publicUrl, document),
  };
}

/** The current documents with the person's acceptance (the options page asks for it when due). */
export function presentLegalStanding(standing: Record<LegalKind, DocumentStanding>, acceptanceDue: boolean, publicUrl: string): LegalStanding {
  const present = ({ document, acceptedAt }: DocumentStanding) => ({
    ...presentLegalSummary(document, publicUrl),
    material: document.material,
    changes: document.summary,
    acceptedAt: acceptedAt?.toISOString() ?? null,
  });
  return { acceptanceDue, terms: present(standing.terms), privacy: present(standing.privacy) };
}
