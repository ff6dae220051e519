import type { Metrics, PlatformContext, AccountHandle } from '../types.js';

/**
 * A Pin's lifetime numbers (`GET /v5/pins/{id}?pin_metrics=true`): reactions as likes, comments, saves as
 * shares, impressions. Pinterest offers no separate view count for image Pins.
 */
export async function pinMetrics(context: PlatformContext, account: AccountHandle, pinId: string): Promise<Metrics> {
  const response = await context.http.request({ method: 'GET', url: `${context.settings.apiUrl}/pins/${pinId}`, bearer: account.tokens.accessToken, query: { pin_metrics: true } });
  const lifetime = (response.json as { pin_metrics?: { lifetime_metrics?: Record<string, number> } | null }).pin_metrics?.lifetime_metrics ?? {};
  const number = (key: string) => (typeof lifetime[key] === 'number' ? lifetime[key] : null);
  return { likes: number('reaction'), comments: number('comment'), shares: number('save'), impressions: number('impression') };
}
