import { isIP } from 'node:net';

/** What we record about the device behind a request (sessions, legal acceptances: P12). */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/**
 * Reads the client's IP (X-Forwarded-For only when TRUST_PROXY is on, which Koa's `app.proxy` handles)
 * and user agent, bounded to what the columns hold. A forwarded value that is not an IP is dropped.
 */
export function clientInfo(request: { ip: string; get(field: string): string }): ClientInfo {
  const userAgent = request.get('user-agent').slice(0, 512);
  return { ip: isIP(request.ip) ? request.ip : null, userAgent: userAgent || null };
}
