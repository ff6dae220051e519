import type { DataExport, PrivacyRequest, PrivacyRights } from '#shared/api/rights.js';
import { call } from './api-client.js';

/** The person's objections, restriction and requests to the operator (P29, P30), as the options page shows them. */
export async function getPrivacyRights(): Promise<PrivacyRights> {
  return call('getPrivacyRights', undefined, { timeoutMs: 5_000 });
}

export async function updatePrivacyRights(data: { objectToUsageStatistics?: boolean; objectToMarketing?: boolean; restrictProcessing?: boolean }): Promise<PrivacyRights> {
  return call('updatePrivacyRights', { body: data });
}

export async function createPrivacyRequest(data: { kind: PrivacyRequest['kind']; details: string }): Promise<PrivacyRequest> {
  return call('createPrivacyRequest', { body: data });
}

/** Starts building a download of all the person's data (P27); one at a time. */
export async function requestDataExport(): Promise<DataExport> {
  return call('requestDataExport');
}

/** The person's exports, newest first (the options page polls this while one builds). */
export async function listDataExports(): Promise<DataExport[]> {
  return (await call('listDataExports', undefined, { timeoutMs: 5_000 })).items;
}
