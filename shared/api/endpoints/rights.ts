import type { Endpoint } from '../endpoint.js';
import { CreatePrivacyRequestInput, DataExport, DataExportList, ExportParams, PrivacyRequest, PrivacyRights, UpdatePrivacyRightsInput } from '../rights.js';

export const rightsEndpoints = {
  getPrivacyRights: {
    method: 'GET', path: '/api/v1/me/privacy', tag: 'me', auth: 'session',
    summary: 'Your objections and restriction (P29) and your requests to the operator with their deadlines (P30).', response: PrivacyRights,
  },
  updatePrivacyRights: {
    method: 'PATCH', path: '/api/v1/me/privacy', tag: 'me', auth: 'session',
    summary: 'Object to usage statistics or marketing, or restrict processing; in force at once. Restricting also asks the operator to review (30 days).',
    body: UpdatePrivacyRightsInput, response: PrivacyRights,
  },
  createPrivacyRequest: {
    method: 'POST', path: '/api/v1/me/privacy-requests', tag: 'me', auth: 'session',
    summary: 'Ask the operator for something about your data; answered within 30 days (P30).',
    body: CreatePrivacyRequestInput, response: PrivacyRequest, status: 201,
  },
  requestDataExport: {
    method: 'POST', path: '/api/v1/me/exports', tag: 'me', auth: 'session',
    summary: 'Start building a ZIP of all your data (JSON and your media files, P27); one at a time.', response: DataExport, status: 202,
  },
  listDataExports: {
    method: 'GET', path: '/api/v1/me/exports', tag: 'me', auth: 'session',
    summary: 'Your exports, newest first, with progress and, when ready, a download link valid 7 days.', response: DataExportList,
  },
  getDataExport: {
    method: 'GET', path: '/api/v1/me/exports/:exportId', tag: 'me', auth: 'session',
    summary: 'One export: its progress, or its download link.', params: ExportParams, response: DataExport,
  },
} as const satisfies Record<string, Endpoint>;
