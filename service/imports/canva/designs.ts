import type { CanvaExportType } from '#shared/api/imports.js';
import type { IntegrationContext } from '../types.js';

/** What is read of a design: its title, pages, thumbnail and view address. */
export interface CanvaDesign {
  id: string;
  title: string | null;
  pageCount: number | null;
  thumbnailUrl: string | null;
  viewUrl: string | null;
}

/** Where an export job stands (Canva's `ExportJob`). */
export type CanvaExportJob =
  | { id: string; status: 'in_progress' }
  | { id: string; status: 'success'; urls: string[] }
  | { id: string; status: 'failed'; errorCode: string | null };

/** `GET /v1/designs/{designId}` (design:meta:read). */
export async function getCanvaDesign(context: IntegrationContext, token: string, designId: string): Promise<CanvaDesign> {
  const response = await context.http.request({ method: 'GET', url: `${context.settings.apiUrl}/v1/designs/${encodeURIComponent(designId)}`, bearer: token });
  const design = ((response.json ?? {}) as { design?: Record<string, unknown> }).design ?? {};
  const thumbnail = design.thumbnail as { url?: unknown } | undefined;
  const urls = design.urls as { view_url?: unknown } | undefined;
  return {
    id: designId,
    title: typeof design.title === 'string' && design.title.trim() ? design.title.trim().slice(0, 500) : null,
    pageCount: typeof design.page_count === 'number' ? design.page_count : null,
    thumbnailUrl: typeof thumbnail?.url === 'string' ? thumbnail.url : null,
    viewUrl: typeof urls?.view_url === 'string' ? urls.view_url : null,
  };
}

/** The export options of each format Minopa asks for (the required ones and sensible qualities). */
function exportFormat(type: CanvaExportType, pages: number[] | null): Record<string, unknown> {
  const options: Record<string, unknown> = { type };
  if (type === 'jpg') options.quality = 90;
  if (type === 'mp4') options.quality = 'horizontal_1080p';
  if (pages && pages.length > 0) options.pages = pages;
  return options;
}

/** `POST /v1/exports` (design:content:read): starts an export job; answers its id. */
export async function createCanvaExport(context: IntegrationContext, token: string, designId: string, type: CanvaExportType, pages: number[] | null): Promise<string> {
  const response = await context.http.request({ method: 'POST', url: `${context.settings.apiUrl}/v1/exports`, bearer: token, json: { design_id: designId, format: exportFormat(type, pages) } });
  const id = ((response.json ?? {}) as { job?: { id?: unknown } }).job?.id;
  if (typeof id !== 'string' || id === '') throw new Error('Canva answered no export job id');
  return id;
}

/** `GET /v1/exports/{exportId}`. */
export async function getCanvaExport(context: IntegrationContext, token: string, exportId: string): Promise<CanvaExportJob> {
  const response = await context.http.request({ method: 'GET', url: `${context.settings.apiUrl}/v1/exports/${encodeURIComponent(exportId)}`, bearer: token });
  const job = ((response.json ?? {}) as { job?: { status?: unknown; urls?: unknown; error?: { code?: unknown } } }).job ?? {};
  if (job.status === 'success') return { id: exportId, status: 'success', urls: Array.isArray(job.urls) ? job.urls.filter((url): url is string => typeof url === 'string') : [] };
  if (job.status === 'failed') return { id: exportId, status: 'failed', errorCode: typeof job.error?.code === 'string' ? job.error.code : null };
  return { id: exportId, status: 'in_progress' };
}

/** Canva's export CDN hosts (the download links its export jobs answer, signed and valid for 24 hours). */
export const CANVA_DOWNLOAD_HOSTS: readonly string[] = ['export-download.canva.com', 'document-export.canva.com'];

/**
 * Whether a download link from Canva's answer may be fetched: https on one of Canva's export hosts, or
 * any path on the host of the configured Canva API (the simulator serves its downloads there). Nothing
 * else — an address in a vendor's answer is still input, and following it blindly would let whoever
 * answers as Canva point the service at its own network (SSRF).
 */
export function isCanvaDownloadUrl(url: string, apiUrl: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.username || target.password) return false;
  const api = new URL(apiUrl);
  if (target.protocol === 'https:' && CANVA_DOWNLOAD_HOSTS.includes(target.hostname.toLowerCase())) return true;
  return target.protocol === api.protocol && target.host === api.host;
}
