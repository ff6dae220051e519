import type { Endpoint } from '../endpoint.js';
import { WorkspaceParams } from '../common.js';
import { AccountParams, ConnectedAccountList, ConnectParams, ConnectStart, NetworkList, PinterestBoardList } from '../accounts.js';

/** Networks and the accounts a workspace publishes to. Connecting and disconnecting are for owners and admins. */
export const accountsEndpoints = {
  listNetworks: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/networks', tag: 'accounts', auth: 'member', role: 'viewer',
    summary: 'The networks this service can connect, and whether each runs against the local sandbox.', params: WorkspaceParams, response: NetworkList,
  },
  listAccounts: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/accounts', tag: 'accounts', auth: 'member', role: 'viewer',
    summary: 'Connected accounts (disconnected ones are left out), by network then name.', params: WorkspaceParams, response: ConnectedAccountList,
  },
  startConnect: {
    method: 'POST', path: '/api/v1/workspaces/:workspaceId/connect/:platform', tag: 'accounts', auth: 'member', role: 'admin',
    summary:
      'Starts connecting an account: answers the network’s authorization address (open it in a tab). The network sends the person back to this service, which finishes the connection and shows the result; the `state` is bound to you and this workspace (P25).',
    params: ConnectParams, response: ConnectStart, status: 201,
  },
  disconnectAccount: {
    method: 'DELETE', path: '/api/v1/workspaces/:workspaceId/accounts/:accountId', tag: 'accounts', auth: 'member', role: 'admin',
    summary: 'Disconnects an account: revokes its token at the network where the network allows, deletes the tokens (P18), and cancels its scheduled posts.',
    params: AccountParams,
  },
  listPinterestBoards: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/accounts/:accountId/pinterest-boards', tag: 'accounts', auth: 'member', role: 'editor',
    summary: 'The boards of a connected Pinterest account, read from Pinterest: where a Pin can go (the `boardId` option of its target).',
    params: AccountParams, response: PinterestBoardList,
  },
} as const satisfies Record<string, Endpoint>;
