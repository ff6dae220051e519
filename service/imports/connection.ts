import type { Knex } from 'knex';
import type { ImportProvider } from '#shared/imports/source-url.js';
import { HttpError } from '../errors.js';
import type { IntegrationConnection } from '../models/integration-connection.js';
import { integrationSettings, type SettingsConfig } from './settings.js';
import { notConnectedText } from './failures.js';
import { driveAccessOf } from './google-drive/index.js';

/**
 * The person's working connection to `provider`, or the 409 to answer at once: not connected (a sentence
 * naming the provider and Options → Connections), reconnect needed (its own code), or 404
 * integration_unavailable when this service does not offer the provider.
 */
export async function usableConnection(knex: Knex, config: SettingsConfig, userId: string, provider: ImportProvider): Promise<IntegrationConnection> {
  if (!integrationSettings(config, provider)) throw new HttpError('integration_unavailable');
  const row = (await knex('integration_connections').where({ userId, provider }).first()) as IntegrationConnection | undefined;
  if (!row) throw new HttpError('integration_not_connected', notConnectedText(provider));
  if (row.status !== 'connected') throw new HttpError('integration_reconnect_needed');
  return row;
}

/** Drive under drive.file: only picked files are reachable (and Drive answers 404 for the rest). */
export function driveFileOnly(connection: Pick<IntegrationConnection, 'provider' | 'scopes'>): boolean {
  return connection.provider === 'google_drive' && driveAccessOf(connection.scopes) === 'file';
}
