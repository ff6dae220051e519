import type { Knex } from 'knex';
import type { PlatformId } from '#shared/platforms.js';
import type { Config } from '../config.js';
import { HttpError } from '../errors.js';
import type { Logger } from '../logger.js';
import { keyedHash } from '../lib/tokens.js';
import { createSealer } from '../lib/token-crypto.js';
import type { ConnectedAccount } from '../models/connected-account.js';
import { platformAccess, platformDirectory } from '../platforms/directory.js';
import { isPlatformError } from '../platforms/lib/errors.js';
import { platformSettings } from '../platforms/settings.js';
import type { AccountProfile, PlatformContext, TokenSet } from '../platforms/types.js';
import { CONNECT_SEAL_CONTEXT, connectCallbackUrl } from './start-connect.js';
import { saveConnectedAccounts } from './save-connected-accounts.js';

/** A connect request as stored. */
interface ConnectRequestRow {
  id: string;
  workspaceId: string;
  userId: string;
  platform: PlatformId;
  sealedVerifier: string | null;
  sealedChoices: string | null;
  keyId: string;
  expiresAt: Date;
}

/** What the network offered when there is a choice to make: the accounts and the tokens that reach them. */
interface Choices {
  tokens: TokenSet & { expiresAt: string | null };
  profiles: Array<AccountProfile & { tokens?: TokenSet & { expiresAt: string | null } }>;
}

/** The result of a callback: connected right away, or a choice for the person to make. */
export type ConnectOutcome =
  | { kind: 'connected'; accounts: ConnectedAccount[]; workspaceName: string; sandbox: boolean }
  | { kind: 'choose'; requestId: string; profiles: AccountProfile[]; workspaceName: string; sandbox: boolean };

/**
 * The network sent the person back with a code (or an error). The state must match a live request of
 * this network (P25); the code is exchanged on the service, the accounts listed; one account is
 * connected at once, several (Pages, organizations) are offered for choosing. A request is used once.
 */
export async function finishConnect(
  knex: Knex,
  config: Config,
  log: Logger,
  callback: { platform: PlatformId; state?: string; code?: string; error?: string },
): Promise<ConnectOutcome> {
  const request = callback.state ? await takeRequest(knex, config, callback.platform, callback.state) : null;
  if (!request) throw new HttpError('connect_expired');
  if (callback.error || !callback.code) {
    await knex('connect_requests').where('id', request.id).delete();
    throw new HttpError('connect_denied');
  }
  const access = platformAccess(platformDirectory(config), callback.platform, log);
  if (!access) throw new HttpError('network_unavailable');
  const { platform, context } = access;
  const sealer = createSealer(config.tokenKeys);
  const verifier = request.sealedVerifier ? sealer.open<string>({ ciphertext: request.sealedVerifier, keyId: request.keyId }, CONNECT_SEAL_CONTEXT) : null;
  const { tokens, profiles } = await askNetwork(context, log, async () => {
    const tokens = await platform.oauth.exchangeCode(context, { code: callback.code!, redirectUri: connectCallbackUrl(config, callback.platform), codeVerifier: verifier });
    return { tokens, profiles: await platform.listAccounts(context, tokens) };
  });
  const workspaceName = await nameOf(knex, request.workspaceId);
  if (profiles.length === 0) {
    await knex('connect_requests').where('id', request.id).delete();
    throw new HttpError('connect_no_accounts');
  }
  if (profiles.length === 1) {
    await knex('connect_requests').where('id', request.id).delete();
    const accounts = await saveConnectedAccounts(knex, sealer, { ...request, sandbox: context.settings.sandbox, tokens, profiles, plans: config });
    return { kind: 'connected', accounts, workspaceName, sandbox: context.settings.sandbox };
  }
  const sealed = sealer.seal({ tokens, profiles } satisfies { tokens: TokenSet; profiles: AccountProfile[] }, CONNECT_SEAL_CONTEXT);
  await knex('connect_requests').where('id', request.id).update({ sealedChoices: sealed.ciphertext, keyId: sealed.keyId, sealedVerifier: null });
  return { kind: 'choose', requestId: request.id, profiles: profiles.map(withoutTokens), workspaceName, sandbox: context.settings.sandbox };
}

/** Connects the accounts the person picked from the choices a callback stored. */
export async function chooseConnectAccounts(knex: Knex, config: Config, choice: { requestId: string; remoteIds: string[] }): Promise<ConnectOutcome & { kind: 'connected' }> {
  const request = (await knex('connect_requests').where('id', choice.requestId).where('expiresAt', '>', knex.fn.now()).whereNotNull('sealedChoices').first()) as
    | ConnectRequestRow
    | undefined;
  if (!request) throw new HttpError('connect_expired');
  const sealer = createSealer(config.tokenKeys);
  const choices = sealer.open<Choices>({ ciphertext: request.sealedChoices!, keyId: request.keyId }, CONNECT_SEAL_CONTEXT);
  const picked = choices.profiles.filter((profile) => choice.remoteIds.includes(profile.remoteId));
  if (picked.length === 0) throw new HttpError('validation_failed', { en: 'Pick at least one account to connect.', de: 'Wählen Sie mindestens ein Konto zum Verbinden.' });
  // Deleted first: a request connects once, even if the form is sent twice.
  const deleted = await knex('connect_requests').where('id', request.id).delete();
  if (deleted === 0) throw new HttpError('connect_expired');
  const sandbox = platformSettings(config, request.platform)?.sandbox ?? false;
  const accounts = await saveConnectedAccounts(knex, sealer, {
    workspaceId: request.workspaceId,
    userId: request.userId,
    platform: request.platform,
    sandbox,
    tokens: revive(choices.tokens),
    profiles: picked.map((profile) => ({ ...profile, ...(profile.tokens ? { tokens: revive(profile.tokens) } : {}) })),
    plans: config,
  });
  return { kind: 'connected', accounts, workspaceName: await nameOf(knex, request.workspaceId), sandbox };
}

async function takeRequest(knex: Knex, config: Config, platform: PlatformId, state: string): Promise<ConnectRequestRow | null> {
  const row = (await knex('connect_requests')
    .where({ stateHash: keyedHash(config.appSecret, state), platform })
    .where('expiresAt', '>', knex.fn.now())
    .whereNull('sealedChoices')
    .first()) as ConnectRequestRow | undefined;
  return row ?? null;
}

/** Network failures during connecting become one clear error; the vendor's words go to the log, not the page. */
async function askNetwork<T>(context: PlatformContext, log: Logger, ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (!isPlatformError(error)) throw error;
    log.warn('connecting an account failed at the network', { kind: error.kind, ...error.details, sandbox: context.settings.sandbox });
    throw new HttpError('connect_failed');
  }
}

async function nameOf(knex: Knex, workspaceId: string): Promise<string> {
  const row = (await knex('workspaces').where('id', workspaceId).first('name')) as { name: string } | undefined;
  return row?.name ?? '';
}

function withoutTokens(profile: AccountProfile): AccountProfile {
  const { tokens: _tokens, ...rest } = profile;
  return rest;
}

/** Dates do not survive JSON; token sets from a sealed bundle get theirs back. */
function revive(tokens: TokenSet & { expiresAt?: string | Date | null }): TokenSet {
  return { ...tokens, expiresAt: tokens.expiresAt ? new Date(tokens.expiresAt) : null };
}
