import type { Language } from '#shared/i18n.js';
import { PLATFORM_NAMES, type PlatformId } from '#shared/platforms.js';
import type { ConnectedAccount } from '../../models/connected-account.js';
import type { AccountProfile } from '../../platforms/types.js';
import { escapeHtml } from '../layout.js';

/** The pages' sentences in each language; `{…}` values are already escaped HTML. */
const TEXT = {
  sandbox: {
    en: 'This is a sandbox account: posts to it are simulated and go nowhere.',
    de: 'Dies ist ein Sandbox-Konto: Beiträge dorthin werden nur simuliert und gehen nirgendwohin.',
  },
  connectedTitle: { en: (network: string) => `${network} connected`, de: (network: string) => `${network} verbunden` },
  connected: {
    en: (accounts: string, workspace: string) => `Minopa can now publish to ${accounts} in the workspace “${workspace}”.`,
    de: (accounts: string, workspace: string) => `Minopa kann jetzt im Arbeitsbereich „${workspace}“ auf ${accounts} veröffentlichen.`,
  },
  closeTab: { en: 'You can close this tab and go back to Minopa.', de: 'Sie können diesen Tab schließen und zu Minopa zurückkehren.' },
  chooseTitle: { en: (network: string) => `Choose ${network} accounts`, de: (network: string) => `${network}-Konten auswählen` },
  choose: {
    en: (network: string, workspace: string) => `Your ${network} login reaches several accounts. Pick the ones the workspace “${workspace}” should publish to.`,
    de: (network: string, workspace: string) => `Ihre Anmeldung bei ${network} erreicht mehrere Konten. Wählen Sie die aus, auf denen der Arbeitsbereich „${workspace}“ veröffentlichen soll.`,
  },
  connect: { en: 'Connect', de: 'Verbinden' },
};

const sandboxNote = (sandbox: boolean, language: Language) => (sandbox ? `<p><span class="badge">SANDBOX</span> ${TEXT.sandbox[language]}</p>` : '');

const label = (account: { name: string; username: string | null }) =>
  account.username ? `${escapeHtml(account.name)} (@${escapeHtml(account.username)})` : escapeHtml(account.name);

/** "Connected": what was connected, to which workspace, and that the tab can be closed. */
export function renderConnected(platform: PlatformId, accounts: ConnectedAccount[], workspaceName: string, sandbox: boolean, language: Language): { title: string; body: string } {
  const title = TEXT.connectedTitle[language](PLATFORM_NAMES[platform]);
  return {
    title,
    body: `<h1>${escapeHtml(title)}</h1>
${sandboxNote(sandbox, language)}
<p class="success" role="status">${TEXT.connected[language](accounts.map(label).join(', '), escapeHtml(workspaceName))}</p>
<p>${TEXT.closeTab[language]}</p>`,
  };
}

/** Choose which of the network's accounts (Pages, organizations …) to connect. */
export function renderChoice(view: { platform: PlatformId; requestId: string; csrf: string; profiles: AccountProfile[]; workspaceName: string; sandbox: boolean; language: Language }): {
  title: string;
  body: string;
} {
  const network = PLATFORM_NAMES[view.platform];
  const title = TEXT.chooseTitle[view.language](network);
  const options = view.profiles
    .map(
      (profile, index) =>
        `<p><label><input type="checkbox" name="remoteId" value="${escapeHtml(profile.remoteId)}"${index === 0 ? ' checked' : ''}> ${label(profile)} <small>${escapeHtml(profile.kind)}</small></label></p>`,
    )
    .join('\n');
  return {
    title,
    body: `<h1>${escapeHtml(title)}</h1>
${sandboxNote(view.sandbox, view.language)}
<p>${TEXT.choose[view.language](escapeHtml(network), escapeHtml(view.workspaceName))}</p>
<form method="post" action="/api/v1/connect/${view.platform}/choose">
<input type="hidden" name="requestId" value="${escapeHtml(view.requestId)}">
<input type="hidden" name="csrf" value="${escapeHtml(view.csrf)}">
${options}
<button type="submit">${TEXT.connect[view.language]}</button>
</form>`,
  };
}
