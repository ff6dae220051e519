import type Router from '@koa/router';
import { LegalKind } from '#shared/api/legal.js';
import { findLegalDocument, listLegalVersions } from '../actions/get-legal-documents.js';
import type { AppContext, AppDeps, AppState } from '../context.js';
import { escapeHtml, renderLegalPage } from '../legal/render.js';
import { analyticsPageParts, withAnalyticsCsp, withAnalyticsMarkup } from '../pages/analytics/page-parts.js';
import { legalDocumentUrl } from '../presenters/legal.js';

/**
 * Readable pages of the legal documents: `/legal/:kind` shows the current version, `/legal/:kind/:version`
 * any published one, so what a person accepted stays readable after a change (P33).
 */
export function registerLegalPages(router: Router<AppState>, deps: AppDeps): void {
  const show = async (ctx: AppContext) => {
    const kind = LegalKind.safeParse(ctx.params.kind);
    const document = kind.success ? await findLegalDocument(deps.db.knex, kind.data, ctx.params.version) : undefined;
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    if (!kind.success || !document) {
      ctx.status = 404;
      ctx.body = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Not found</title><p>There is no such document${
        kind.success ? ` (${escapeHtml(kind.data)} version ${escapeHtml(ctx.params.version ?? '')})` : ''
      }.</p></html>\n`;
      return;
    }
    const versions = await listLegalVersions(deps.db.knex, document.kind);
    // With analytics configured the page differs per visitor (consent, nonce): never cached then (P21).
    const analytics = analyticsPageParts(ctx);
    ctx.set('Content-Security-Policy', withAnalyticsCsp("default-src 'none'; style-src 'unsafe-inline'", analytics));
    ctx.set('Cache-Control', analytics ? 'no-store' : 'public, max-age=300');
    ctx.body = withAnalyticsMarkup(renderLegalPage(
      document,
      versions.length > 1
        ? versions.map((v) => ({ version: v.version, lastUpdated: v.lastUpdated, url: legalDocumentUrl(deps.config.publicUrl, v) }))
        : [],
    ), analytics);
  };
  router.get('/legal/:kind', show);
  router.get('/legal/:kind/:version', show);
}
