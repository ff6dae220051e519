import { randomBytes } from 'node:crypto';
import type Router from '@koa/router';
import type { Context } from 'koa';
import type { AppState } from '../../context.js';
import { png } from '../../media/testing/fixtures.js';
import type { Directory } from '../networks/kit/directory.js';
import type { OAuthStore } from '../networks/kit/oauth-store.js';
import { authed } from './auth.js';
import { openDesign } from './designs.js';
import { checkFormat, exportedFile } from './formats.js';
import { CANVA_PATHS } from './paths.js';
import { canvaError, type CanvaExport, type World } from './world.js';

const MESSAGES: Record<string, string> = {
  license_required: 'The design contains premium elements that have not been purchased.',
  approval_required: 'The design requires reviewer approval before it can be exported.',
  internal_failure: 'The service encountered an error when exporting your design.',
};

/**
 * Canva's export jobs (design:content:read): `POST /rest/v1/exports` checks the design and format and
 * answers `in_progress`; `GET /rest/v1/exports/{exportId}` stays in_progress for the world's timing,
 * then answers `success` with one signed, expiring download URL per file, or `failed` with Canva's
 * export error code. The download URLs are served here (as Canva's CDN would) with real bytes of the format.
 */
export function registerExports(router: Router<AppState>, sim: { store: OAuthStore; directory: Directory; world: World }, options: { baseUrl: string; autoCreateDesigns: boolean }): void {
  const { world } = sim;
  // The CDN behind Canva's links answers as S3 does.
  const denied = (ctx: Context, message: string) => {
    ctx.status = 403;
    ctx.type = 'application/xml';
    ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>${message}</Message></Error>`;
  };
  const refused = { forged: 'Request signature does not match', expired: 'Request has expired' } as const;

  const jobJson = (job: CanvaExport) => {
    if (Date.now() < job.readyAt || job.pollsLeft > 0) return { id: job.id, status: 'in_progress' };
    if (job.outcome.status === 'failed') return { id: job.id, status: 'failed', error: { code: job.outcome.code, message: MESSAGES[job.outcome.code] } };
    const expires = Date.now() + world.timing.downloadTtlMs;
    const urls = Array.from({ length: job.outcome.files }, (_, index) => {
      const path = `${CANVA_PATHS.downloads}/${job.id}/${index + 1}`;
      return `${options.baseUrl}${path}?${world.signedQuery(path, expires)}`;
    });
    return { id: job.id, status: 'success', urls };
  };

  router.post(
    '/rest/v1/exports',
    authed(sim, 'design:content:read', (ctx, person) => {
      const body = ((ctx.request as { body?: unknown }).body ?? {}) as { design_id?: unknown; format?: unknown };
      if (typeof body.design_id !== 'string' || !/^[A-Za-z0-9_-]{1,50}$/.test(body.design_id)) return canvaError(ctx, 400, 'invalid_field', "'design_id' must be a design id.");
      const opened = openDesign(world, body.design_id, person.username, options.autoCreateDesigns);
      if ('status' in opened) {
        return opened.status === 404 ? canvaError(ctx, 404, 'design_not_found', `Design with id '${body.design_id}' not found`) : canvaError(ctx, 403, 'permission_denied', 'Not allowed to export this design');
      }
      const checked = checkFormat(body.format, opened.design.pageCount);
      if (typeof checked === 'string') return canvaError(ctx, 400, 'invalid_field', checked);
      const failure = opened.design.failExportsWith;
      // Canva suggests `export_quality: regular` to export a design with unpaid premium elements.
      const fails = failure !== null && !(failure === 'license_required' && checked.format.export_quality === 'regular');
      const job: CanvaExport = {
        id: randomBytes(12).toString('base64url').replace(/[-_]/g, 'e'),
        designId: opened.design.id,
        owner: person.username,
        format: checked.format,
        pages: checked.pages,
        readyAt: Date.now() + world.timing.exportMs,
        pollsLeft: world.timing.exportPolls,
        outcome: fails ? { status: 'failed', code: failure } : { status: 'success', files: checked.files },
      };
      world.exports.set(job.id, job);
      ctx.body = { job: { id: job.id, status: 'in_progress' } };
    }),
  );

  router.get(
    '/rest/v1/exports/:exportId',
    authed(sim, 'design:content:read', (ctx, person) => {
      const job = world.exports.get(ctx.params.exportId ?? '');
      if (!job || job.owner !== person.username) return canvaError(ctx, 404, 'not_found', `Export job with id '${ctx.params.exportId}' not found`);
      const answer = jobJson(job);
      if (job.pollsLeft > 0) job.pollsLeft -= 1;
      ctx.body = { job: answer };
    }),
  );

  router.get(`${CANVA_PATHS.downloads}/thumbnail/:file`, async (ctx) => {
    const signature = world.checkSignature(`${CANVA_PATHS.downloads}/thumbnail/${ctx.params.file}`, ctx.query);
    if (signature !== 'ok') return denied(ctx, refused[signature]);
    ctx.type = 'image/png';
    ctx.body = await png(595, 335);
  });

  router.get(`${CANVA_PATHS.downloads}/:jobId/:index`, async (ctx) => {
    const path = `${CANVA_PATHS.downloads}/${ctx.params.jobId}/${ctx.params.index}`;
    const job = world.exports.get(ctx.params.jobId ?? '');
    const signature = job ? world.checkSignature(path, ctx.query) : 'forged';
    if (!job || signature !== 'ok') return denied(ctx, refused[signature === 'ok' ? 'forged' : signature]);
    const file = await exportedFile(job.format);
    const page = job.pages[Number(ctx.params.index) - 1];
    const damaged = page !== undefined && (world.designs.get(job.designId)?.damagedPages.includes(page) ?? false);
    ctx.type = file.contentType;
    ctx.set('Content-Disposition', `attachment; filename="${job.designId}-${ctx.params.index}.${file.extension}"`);
    ctx.body = damaged ? file.bytes.subarray(0, Math.ceil(file.bytes.length / 2)) : file.bytes;
  });
}
