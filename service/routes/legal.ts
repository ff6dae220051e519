import { currentLegalDocuments } from '../actions/get-legal-documents.js';
import { acceptanceDue, acceptLegalDocuments, legalStanding } from '../legal/acceptance.js';
import { presentLegalStanding, presentLegalSummary } from '../presenters/legal.js';
import type { Handlers } from './types.js';

/** The legal documents a person accepts at sign-up, and again after a material change (P12, P33). */
export const legalHandlers = {
  getLegalDocuments: async ({ knex, config }) => {
    const current = await currentLegalDocuments(knex);
    return {
      terms: presentLegalSummary(current.terms, config.publicUrl),
      privacy: presentLegalSummary(current.privacy, config.publicUrl),
    };
  },
  getLegalStanding: async ({ knex, auth, config }) => {
    const standing = await legalStanding(knex, auth.user.id);
    return presentLegalStanding(standing, await acceptanceDue(knex, auth.user.id, standing), config.publicUrl);
  },
  acceptLegalDocuments: async ({ knex, auth, input, client, config }) => {
    const standing = await acceptLegalDocuments(knex, auth.user.id, input.body, client);
    return presentLegalStanding(standing, false, config.publicUrl);
  },
} satisfies Partial<Handlers>;
