import type { LegalDocumentSummary } from '#shared/api/legal.js';
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
