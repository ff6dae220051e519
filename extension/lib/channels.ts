import type { PlatformId } from '#shared/platforms.js';
import { browser } from 'wxt/browser';
import { call } from './api-client.js';
import type { ChannelsPanelData } from './messaging/protocol.js';

/**
 * Connected network accounts ("channels") of a workspace, as the options page manages them. Connecting
 * opens the network's authorization page in a tab; the service finishes the connection there and shows
 * the result, and the panel reloads when the person comes back.
 */

/** The networks the service offers and the workspace's connected accounts. */
export async function getChannels(data: { workspaceId: string }): Promise<ChannelsPanelData> {
  const params = { workspaceId: data.workspaceId };
  const [networks, accounts] = await Promise.all([call('listNetworks', { params }), call('listAccounts', { params })]);
  return { networks: networks.items, accounts: accounts.items };
}

/** Starts connecting: opens the network's authorization page in a new tab and answers where it went. */
export async function connectChannel(data: { workspaceId: string; platform: PlatformId }): Promise<{ authorizeUrl: string; sandbox: boolean }> {
  const started = await call('startConnect', { params: data });
  await browser.tabs.create({ url: started.authorizeUrl });
  return { authorizeUrl: started.authorizeUrl, sandbox: started.sandbox };
}

/** Disconnects an account (the service revokes its token where the network allows) and answers the panel's data. */
export async function disconnectChannel(data: { workspaceId: string; accountId: string }): Promise<ChannelsPanelData> {
  await call('disconnectAccount', { params: data });
  return getChannels(data);
}
