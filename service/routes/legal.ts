import { currentLegalDocuments } from '../actions/get-legal-documents.js';
import { presentLegalSummary } from '../presenters/legal.js';
import type { Handlers } from './types.js';

/** The legal documents a person accepts at sign-up. */
export const legalHandlers = {
  getLegalDocuments: async ({ knex, config }) => {
    const current = await currentLegalDocuments(knex);
    return {
      terms: presentLegalSummary(current.terms, config.publicUrl),
      privacy: presentLegalSummary(current.privacy, config.publicUrl),
    };
  },
} satisfies Partial<Handlers>;
