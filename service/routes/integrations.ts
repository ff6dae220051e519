import { disconnectIntegration } from '../actions/disconnect-integration.js';
import { openDrivePickerLink } from '../actions/open-drive-picker-link.js';
import { listIntegrations } from '../actions/list-integrations.js';
import { startIntegrationConnect } from '../actions/start-integration-connect.js';
import { presentIntegrations } from '../presenters/integration.js';
import type { Handlers } from './types.js';

/** The signed-in person's own Canva and Google Drive connections. */
export const integrationHandlers = {
  listIntegrations: async ({ knex, config, auth }) => ({ items: presentIntegrations(config, await listIntegrations(knex, auth.user.id)) }),
  startIntegrationConnect: async ({ knex, config, auth, input }) => {
    const started = await startIntegrationConnect(knex, config, { userId: auth.user.id, provider: input.params.provider, access: input.body.access });
    return { authorizeUrl: started.authorizeUrl, expiresAt: started.expiresAt.toISOString(), sandbox: started.sandbox };
  },
  disconnectIntegration: async ({ knex, config, log, auth, input }) => disconnectIntegration(knex, config, log, { userId: auth.user.id, provider: input.params.provider }),
  createDrivePickerLink: async ({ knex, config, auth, input }) => {
    const link = await openDrivePickerLink(knex, config, { userId: auth.user.id, fileId: input.body.fileId });
    return { url: link.url, expiresAt: link.expiresAt.toISOString() };
  },
} satisfies Partial<Handlers>;
