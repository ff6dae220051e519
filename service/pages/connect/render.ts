import { PLATFORM_NAMES, type PlatformId } from '#shared/platforms.js';
import type { ConnectedAccount } from '../../models/connected-account.js';
import type { AccountProfile } from '../../platforms/types.js';
import { escapeHtml } from '../layout.js';

const sandboxNote = (sandbox: boolean) =>
  sandbox ? '<p><span class="badge">SANDBOX</span> This is a sandbox account: posts to it are simulated and go nowhere.</p>' : '';

const label = (account: { name: string; username: string | null }) =>
  account.username ? `${escapeHtml(account.name)} (@${escapeHtml(account.username)})` : escapeHtml(account.name);

/** "Connected": what was connected, to which workspace, and that the tab can be closed. */
export function renderConnected(platform: PlatformId, accounts: ConnectedAccount[], workspaceName: string, sandbox: boolean): { title: string; body: string } {
  const network = PLATFORM_NAMES[platform];
  const title = `${network} connected`;
  return {
    title,
    body: `<h1>${escapeHtml(title)}</h1>
${sandboxNote(sandbox)}
<p class="success" role="status">Minopa can now publish to ${accounts.map(label).join(', ')} in the workspace “${escapeHtml(workspaceName)}”.</p>
<p>You can close this tab and go back to Minopa.</p>`,
  };
}

/** Choose which of the network's accounts (Pages, organizations …) to connect. */
export function renderChoice(view: { platform: PlatformId; requestId: string; csrf: string; profiles: AccountProfile[]; workspaceName: string; sandbox: boolean; error?: string }): { title: string; body: string } {
  const network = PLATFORM_NAMES[view.platform];
  const title = `Choose ${network} accounts`;
  const options = view.profiles
    .map(
      (profile, index) =>
        `<p><label><input type="checkbox" name="remoteId" value="${escapeHtml(profile.remoteId)}"${index === 0 ? ' checked' : ''}> ${label(profile)} <small>${escapeHtml(profile.kind)}</small></label></p>`,
    )
    .join('\n');
  return {
    title,
    body: `<h1>${escapeHtml(title)}</h1>
${sandboxNote(view.sandbox)}
${view.error ? `<p class="error" role="alert">${escapeHtml(view.error)}</p>` : ''}
<p>Your ${escapeHtml(network)} login reaches several accounts. Pick the ones the workspace “${escapeHtml(view.workspaceName)}” should publish to.</p>
<form method="post" action="/api/v1/connect/${view.platform}/choose">
<input type="hidden" name="requestId" value="${escapeHtml(view.requestId)}">
<input type="hidden" name="csrf" value="${escapeHtml(view.csrf)}">
${options}
<button type="submit">Connect</button>
</form>`,
  };
}
