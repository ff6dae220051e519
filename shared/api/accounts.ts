import { z } from 'zod';
import { ACCOUNT_KINDS, ACCOUNT_STATUSES, PLATFORM_IDS } from '../platforms.js';
import { Id, Timestamp, WorkspaceParams } from './common.js';
import { zodMessage } from '../i18n.js';

export const PlatformIdSchema = z.enum(PLATFORM_IDS, { message: zodMessage({ en: `must be one of ${PLATFORM_IDS.join(', ')}`, de: `muss einer dieser Werte sein: ${PLATFORM_IDS.join(', ')}` }) });

/** A network as this service offers it. */
export const Network = z
  .object({
    id: PlatformIdSchema,
    name: z.string(),
    available: z.boolean().meta({ description: 'False in production when the operator configured no app for this network.' }),
    sandbox: z.boolean().meta({ description: 'True when connections go to the local simulator (no real network involved).' }),
  })
  .meta({ id: 'Network' });
export type Network = z.output<typeof Network>;
export const NetworkList = z.object({ items: z.array(Network) }).meta({ id: 'NetworkList' });

/** A connected account (P9: only the network's id, name, username and avatar are kept). */
export const ConnectedAccount = z
  .object({
    id: Id,
    workspaceId: Id,
    platform: PlatformIdSchema,
    kind: z.enum(ACCOUNT_KINDS),
    remoteId: z.string(),
    name: z.string(),
    username: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    status: z.enum(ACCOUNT_STATUSES),
    statusReason: z.string().nullable().meta({ description: 'Why the account must be reconnected, for people.' }),
    sandbox: z.boolean(),
    connectedAt: Timestamp,
  })
  .meta({ id: 'ConnectedAccount' });
export type ConnectedAccount = z.output<typeof ConnectedAccount>;
export const ConnectedAccountList = z.object({ items: z.array(ConnectedAccount) }).meta({ id: 'ConnectedAccountList' });
export type ConnectedAccountList = z.output<typeof ConnectedAccountList>;

export const ConnectParams = WorkspaceParams.extend({ platform: PlatformIdSchema });
export const AccountParams = WorkspaceParams.extend({ accountId: Id });

/** A board of a connected Pinterest account: the choices of a Pinterest target's `boardId` option. */
export const PinterestBoard = z
  .object({
    id: z.string(),
    name: z.string(),
    privacy: z.string().meta({ description: 'PUBLIC, PROTECTED or SECRET, as Pinterest says.' }),
  })
  .meta({ id: 'PinterestBoard' });
export type PinterestBoard = z.output<typeof PinterestBoard>;
export const PinterestBoardList = z.object({ items: z.array(PinterestBoard) }).meta({ id: 'PinterestBoardList' });
export type PinterestBoardList = z.output<typeof PinterestBoardList>;

/** Where to send the person to connect: the network's authorization page, valid for `expiresAt`. */
export const ConnectStart = z
  .object({ authorizeUrl: z.string(), expiresAt: Timestamp, sandbox: z.boolean() })
  .meta({ id: 'ConnectStart' });
