import type { Knex } from 'knex';
import type { IntegrationConnection } from '../models/integration-connection.js';

/** The person's Canva and Google Drive connections (at most one per provider). */
export async function listIntegrations(knex: Knex, userId: string): Promise<IntegrationConnection[]> {
  return (await knex('integration_connections').where('userId', userId).orderBy('provider')) as IntegrationConnection[];
}
