import { createPrivacyRequest, privacyRights, updatePrivacyRights } from '../privacy/rights.js';
import { findExport, listExports, presentExport, requestExport } from '../privacy/export/exports.js';
import type { Handlers } from './types.js';

/** Objection, restriction and requests to the operator (P29, P30); downloads of all one's data (P27). */
export const rightsHandlers = {
  getPrivacyRights: async ({ knex, auth }) => privacyRights(knex, auth.user.id),
  updatePrivacyRights: async ({ knex, auth, input }) => updatePrivacyRights(knex, auth.user.id, input.body),
  createPrivacyRequest: async ({ knex, auth, input }) => createPrivacyRequest(knex, auth.user.id, input.body),
  requestDataExport: async ({ knex, auth, storage }) => presentExport(storage, await requestExport(knex, auth.user.id)),
  listDataExports: async ({ knex, auth, storage }) => ({ items: await Promise.all((await listExports(knex, auth.user.id)).map((row) => presentExport(storage, row))) }),
  getDataExport: async ({ knex, auth, storage, input }) => presentExport(storage, await findExport(knex, auth.user.id, input.params.exportId)),
} satisfies Partial<Handlers>;
