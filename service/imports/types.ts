import type { DriveAccess } from '#shared/api/integrations.js';
import type { ImportProvider } from '#shared/imports/source-url.js';
import type { HttpClient } from '../platforms/lib/http.js';
import type { IntegrationSettings } from './settings.js';

/** Tokens as the service holds them (sealed at rest, P26). */
export interface IntegrationTokens {
  accessToken: string;
  /** Canva: a new one with every refresh (single-use). Google: the same one for the life of the grant. */
  refreshToken: string | null;
  expiresAt: Date | null;
  scopes: string[];
}

/** What is kept of the person's vendor account (P9) — nothing more is read into the database. */
export interface IntegrationProfile {
  displayName: string | null;
  canvaUserId: string | null;
  canvaTeamId: string | null;
  email: string | null;
  storageLimit: number | null;
  storageUsage: number | null;
}

/** What a provider call needs: the resolved settings and the one HTTP client (timeouts, error kinds). */
export interface IntegrationContext {
  settings: IntegrationSettings;
  http: HttpClient;
}

/**
 * One vendor behind a small interface: how to send the person there, exchange the code, refresh,
 * revoke, and read the P9 fields. Failures are PlatformErrors (platforms/lib/errors.ts): `auth` means
 * the vendor no longer accepts the grant.
 */
export interface IntegrationAdapter {
  id: ImportProvider;
  /** PKCE S256 on the authorization request (Canva requires it; Google supports it). */
  pkce: boolean;
  /** The scopes to ask for; `access` is Drive's choice. */
  scopes(access: DriveAccess): string[];
  authorizeUrl(settings: IntegrationSettings, request: { state: string; redirectUri: string; codeChallenge: string | null; scopes: string[] }): string;
  exchangeCode(context: IntegrationContext, request: { code: string; redirectUri: string; codeVerifier: string | null }): Promise<IntegrationTokens>;
  /** Canva answers a new refresh token and the old one is dead: store the result before anything else. */
  refresh(context: IntegrationContext, tokens: IntegrationTokens): Promise<IntegrationTokens>;
  /** Ends the grant at the vendor (an already dead token is no error). */
  revoke(context: IntegrationContext, tokens: IntegrationTokens): Promise<void>;
  readProfile(context: IntegrationContext, tokens: IntegrationTokens): Promise<IntegrationProfile>;
}
