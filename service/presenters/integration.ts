import { INTEGRATION_NAMES, type Integration, type IntegrationConnection as WireConnection } from '#shared/api/integrations.js';
import { IMPORT_PROVIDERS } from '#shared/imports/source-url.js';
import { driveAccessOf } from '../imports/google-drive/index.js';
import { integrationSettings, type SettingsConfig } from '../imports/settings.js';
import type { IntegrationConnection } from '../models/integration-connection.js';

const bytes = (value: string | number | null) => (value === null ? null : Number(value));

/** A connection as the person sees it: the P9 fields, status and scopes — never the tokens. */
export function presentIntegrationConnection(row: IntegrationConnection): WireConnection {
  return {
    status: row.status,
    displayName: row.displayName,
    email: row.email,
    canvaUserId: row.canvaUserId,
    canvaTeamId: row.canvaTeamId,
    storageLimit: bytes(row.storageLimit),
    storageUsage: bytes(row.storageUsage),
    access: row.provider === 'google_drive' ? driveAccessOf(row.scopes) : null,
    scopes: row.scopes,
    connectedAt: row.connectedAt.toISOString(),
  };
}

/** Every provider, in a fixed order, with whether it is offered here and the person's connection. */
export function presentIntegrations(config: SettingsConfig, rows: IntegrationConnection[]): Integration[] {
  return IMPORT_PROVIDERS.map((provider) => {
    const settings = integrationSettings(config, provider);
    const row = rows.find((candidate) => candidate.provider === provider);
    return {
      provider,
      name: INTEGRATION_NAMES[provider],
      available: settings !== null,
      sandbox: settings?.sandbox ?? false,
      connection: row ? presentIntegrationConnection(row) : null,
    };
  });
}
