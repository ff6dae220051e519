import { PLATFORM_IDS, PLATFORM_NAMES } from '#shared/platforms.js';
import { disconnectAccount } from '../actions/disconnect-account.js';
import { listAccounts } from '../actions/list-accounts.js';
import { listPinterestBoards } from '../actions/list-pinterest-boards.js';
import { startConnect } from '../actions/start-connect.js';
import { platformSettings } from '../platforms/settings.js';
import { presentConnectedAccount } from '../presenters/connected-account.js';
import type { Handlers } from './types.js';

/** Networks and connected accounts of a workspace. */
export const accountHandlers = {
  listNetworks: async ({ config }) => ({
    items: PLATFORM_IDS.map((id) => {
      const settings = platformSettings(config, id);
      return { id, name: PLATFORM_NAMES[id], available: settings !== null, sandbox: settings?.sandbox ?? false };
    }),
  }),
  listAccounts: async ({ knex, auth }) => ({ items: (await listAccounts(knex, auth.workspaceId)).map(presentConnectedAccount) }),
  startConnect: async ({ knex, config, auth, input }) => {
    const started = await startConnect(knex, config, { workspaceId: auth.workspaceId, userId: auth.user.id, platform: input.params.platform });
    return { authorizeUrl: started.authorizeUrl, expiresAt: started.expiresAt.toISOString(), sandbox: started.sandbox };
  },
  disconnectAccount: async ({ knex, config, log, auth, input }) => {
    await disconnectAccount(knex, config, log, { workspaceId: auth.workspaceId, accountId: input.params.accountId, actorId: auth.user.id });
  },
  listPinterestBoards: async ({ knex, config, log, auth, input }) => ({
    items: await listPinterestBoards(knex, config, log, { workspaceId: auth.workspaceId, accountId: input.params.accountId }),
  }),
} satisfies Partial<Handlers>;
