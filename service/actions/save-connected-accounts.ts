import type { Knex } from 'knex';
import { PLATFORM_NAMES, type PlatformId } from '#shared/platforms.js';
import type { ConnectedAccount } from '../models/connected-account.js';
import { sealTokens } from '../platforms/credentials.js';
import type { AccountProfile, TokenSet } from '../platforms/types.js';
import type { Sealer } from '../lib/token-crypto.js';
import { recordAuditEvent } from './record-audit-event.js';
import { assertCanConnectAccounts, type PlanSettings } from '../billing/limits.js';

/**
 * Connects (or reconnects) accounts to a workspace in one transaction. Reconnecting an account the
 * workspace already has replaces its tokens and profile and makes it active again, so its scheduled
 * posts keep their channel. Only P9's fields are kept; the tokens are sealed (P26).
 */
export async function saveConnectedAccounts(
  knex: Knex,
  sealer: Sealer,
  request: { workspaceId: string; userId: string; platform: PlatformId; sandbox: boolean; tokens: TokenSet; profiles: AccountProfile[]; plans: PlanSettings },
): Promise<ConnectedAccount[]> {
  return await knex.transaction(async (trx) => {
    // The plan's limit of connected accounts (402 plan_limit_reached); reconnecting never counts.
    await assertCanConnectAccounts(trx, request.plans, request.workspaceId, request.platform, request.profiles.map((profile) => profile.remoteId));
    const saved: ConnectedAccount[] = [];
    for (const profile of request.profiles) {
      const sealed = sealTokens(sealer, profile.tokens ?? request.tokens);
      const columns = {
        kind: profile.kind,
        name: profile.name,
        username: profile.username,
        avatarUrl: profile.avatarUrl,
        status: 'active',
        statusReason: null,
        sandbox: request.sandbox,
        ...sealed,
        reconnectNotifiedAt: null,
        connectedBy: request.userId,
      };
      const [row] = (await trx('connected_accounts')
        .insert({ workspaceId: request.workspaceId, platform: request.platform, remoteId: profile.remoteId, ...columns })
        .onConflict(['workspace_id', 'platform', 'remote_id'])
        .merge({ ...columns, updatedAt: trx.fn.now() })
        .returning('*')) as ConnectedAccount[];
      await recordAuditEvent(trx, {
        workspaceId: request.workspaceId,
        actorId: request.userId,
        action: 'account.connected',
        details: { network: PLATFORM_NAMES[request.platform], name: profile.username ? `@${profile.username}` : profile.name, accountId: row!.id },
      });
      saved.push(row!);
    }
    return saved;
  });
}
