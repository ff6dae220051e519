import { randomBytes } from 'node:crypto';
import type Router from '@koa/router';
import type { Bilingual, Language } from '#shared/i18n.js';
import { DRIVE_PICKER_PATH } from '../../actions/open-drive-picker-link.js';
import { openedDrivePickerLink, useDrivePickerLink, type DrivePickerLink } from '../../actions/use-drive-picker-link.js';
import type { AppContext, AppDeps, AppState } from '../../context.js';
import { HttpError } from '../../errors.js';
import { requestLanguage } from '../../lib/accept-language.js';
import { checkCsrf, csrfToken } from '../../pages/csrf.js';
import { readForm } from '../../pages/form-body.js';
import { escapeHtml, messagePage, sendPage } from '../../pages/layout.js';
import { DRIVE_PATHS } from '../../sandbox/google-drive/paths.js';
import { usableConnection } from '../connection.js';
import { withFreshAccessToken } from '../fresh-token.js';
import { integrationSettings } from '../settings.js';

/** The only origins the real picker page loads from: Google's script loader and the Picker's frame. */
export const PICKER_SCRIPT_ORIGIN = 'https://apis.google.com';
export const PICKER_FRAME_ORIGIN = 'https://docs.google.com';

const TEXT = {
  title: { en: 'Choose the file in Google Drive', de: 'Datei in Google Drive auswählen' },
  intro: {
    en: 'Minopa may only import the Drive files you choose. Choose this file, then go back to Minopa and press Import again.',
    de: 'Minopa darf nur die Drive-Dateien importieren, die Sie auswählen. Wählen Sie diese Datei aus, gehen Sie dann zurück zu Minopa und drücken Sie erneut auf Importieren.',
  },
  choose: { en: 'Choose this file', de: 'Diese Datei auswählen' },
  sandbox: {
    en: 'This is the sandbox Google Drive: there is no Google Picker, and the files are made up.',
    de: 'Dies ist das Sandbox-Google-Drive: Es gibt keinen Google Picker, und die Dateien sind erfunden.',
  },
  doneTitle: { en: 'Done', de: 'Fertig' },
  done: { en: 'Done — go back to Minopa and press Import again.', de: 'Fertig – gehen Sie zurück zu Minopa und drücken Sie erneut auf Importieren.' },
  failedTitle: { en: 'Not chosen', de: 'Nicht ausgewählt' },
  expired: {
    en: 'This link has expired or was already used. In Minopa, press “Choose this file in Google Drive” again.',
    de: 'Dieser Link ist abgelaufen oder wurde schon benutzt. Drücken Sie in Minopa erneut auf „Diese Datei in Google Drive auswählen“.',
  },
  notFound: {
    en: 'Your connected Google account cannot see this file. Ask its owner to share it with you.',
    de: 'Ihr verbundenes Google-Konto sieht diese Datei nicht. Bitten Sie die Eigentümerin oder den Eigentümer, sie mit Ihnen zu teilen.',
  },
} satisfies Record<string, Bilingual>;

/**
 * The page where a person chooses one Drive file for Minopa (drive.file reaches only picked files):
 * GET /integrations/google_drive/picker?fileId=…&token=… spends a single-use picker link. With
 * GOOGLE_PICKER_API_KEY against the real Google it shows Google's Picker with the file preselected;
 * otherwise, outside production, the simulator's stand-in (a "Choose this file" form, labelled SANDBOX,
 * posting back here). Every refusal is a page with a sentence in the browser's language.
 */
export function registerDrivePickerPage(router: Router<AppState>, deps: AppDeps): void {
  router.get(DRIVE_PICKER_PATH, async (ctx) => {
    const language = requestLanguage(ctx.get('accept-language'));
    const token = typeof ctx.query.token === 'string' ? ctx.query.token : undefined;
    const link = await useDrivePickerLink(deps.db.knex, deps.config, token);
    if (!link) return messagePage(ctx, 410, TEXT.failedTitle[language], TEXT.expired[language], 'error');
    await answering(ctx, language, async () => {
      const mode = pickerMode(deps);
      if (mode === 'google') return googlePicker(ctx, deps, link, language);
      const title = TEXT.title[language];
      sendPage(
        ctx,
        200,
        title,
        `<h1>${escapeHtml(title)}</h1>
<div class="sandbox">
<p><span class="badge">SANDBOX</span> ${escapeHtml(TEXT.sandbox[language])}</p>
<p>${escapeHtml(TEXT.intro[language])}</p>
<p class="muted">${escapeHtml(link.fileId)}</p>
<form method="post" action="${DRIVE_PICKER_PATH}">
<input type="hidden" name="link" value="${escapeHtml(link.id)}">
<input type="hidden" name="csrf" value="${escapeHtml(csrfToken(ctx, deps.config.appSecret, formName(link)))}">
<button type="submit">${escapeHtml(TEXT.choose[language])}</button>
</form>
</div>`,
      );
    });
  });

  router.post(DRIVE_PICKER_PATH, async (ctx) => {
    const language = requestLanguage(ctx.get('accept-language'));
    await answering(ctx, language, async () => {
      if (pickerMode(deps) !== 'simulator') throw new HttpError('not_found');
      const form = await readForm(ctx);
      const link = await openedDrivePickerLink(deps.db.knex, form.link);
      if (!link) return messagePage(ctx, 410, TEXT.failedTitle[language], TEXT.expired[language], 'error');
      checkCsrf(ctx, deps.config.appSecret, formName(link), form.csrf);
      const connection = await usableConnection(deps.db.knex, deps.config, link.userId, 'google_drive');
      const status = await withFreshAccessToken({ knex: deps.db.knex, config: deps.config, logger: deps.logger }, connection, async (accessToken, context) => {
        const base = context.settings.apiUrl.slice(0, -DRIVE_PATHS.api.length);
        const answer = await fetch(`${base}${DRIVE_PATHS.pick}?${new URLSearchParams({ fileId: link.fileId })}`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` } });
        return answer.status;
      });
      if (status === 404) return messagePage(ctx, 404, TEXT.failedTitle[language], TEXT.notFound[language], 'error');
      if (status !== 204) throw new HttpError('network_failed');
      messagePage(ctx, 200, TEXT.doneTitle[language], TEXT.done[language], 'success');
    });
  });
}

/** Google's Picker (a browser API key is configured and Drive is the real Google), the simulator's stand-in (outside production), or none. */
function pickerMode(deps: AppDeps): 'google' | 'simulator' | null {
  const settings = integrationSettings(deps.config, 'google_drive');
  if (!settings) return null;
  const drive = deps.config.imports?.googleDrive;
  if (!settings.sandbox && drive?.pickerApiKey && drive.projectNumber) return 'google';
  return deps.config.env === 'production' ? null : 'simulator';
}

/** The CSRF form name: bound to the one link, so a token of another link's page does not fit. */
const formName = (link: Pick<DrivePickerLink, 'id'>) => `drive-picker:${link.id}`;

/** Runs `render`, answering a refusal (HttpError) as a page with its sentence in `language`. */
async function answering(ctx: AppContext, language: Language, render: () => Promise<void>): Promise<void> {
  try {
    await render();
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    messagePage(ctx, error.status, TEXT.failedTitle[language], error.text[language] ?? error.message, 'error');
  }
}

/** Google's Picker, the file preselected; the access token is the person's own drive.file token. */
async function googlePicker(ctx: AppContext, deps: AppDeps, link: DrivePickerLink, language: Language): Promise<void> {
  if (pickerMode(deps) !== 'google') throw new HttpError('integration_unavailable');
  const drive = deps.config.imports!.googleDrive;
  const connection = await usableConnection(deps.db.knex, deps.config, link.userId, 'google_drive');
  const accessToken = await withFreshAccessToken({ knex: deps.db.knex, config: deps.config, logger: deps.logger }, connection, async (token) => token);
  const nonce = randomBytes(16).toString('base64');
  const settings = { token: accessToken, key: drive.pickerApiKey, appId: drive.projectNumber, fileId: link.fileId, done: TEXT.done[language] };
  // `<` escaped so nothing in the JSON can close the script element.
  const json = JSON.stringify(settings).replace(/</g, '\\u003c');
  const title = TEXT.title[language];
  const body = `<h1>${escapeHtml(title)}</h1>
<p id="intro">${escapeHtml(TEXT.intro[language])}</p>
<p id="done" class="success" role="status" hidden>${escapeHtml(TEXT.done[language])}</p>
<script type="application/json" id="picker-settings">${json}</script>
<script nonce="${nonce}" src="${PICKER_SCRIPT_ORIGIN}/js/api.js"></script>
<script nonce="${nonce}">${PICKER_SCRIPT}</script>`;
  sendPage(ctx, 200, title, body, language);
  ctx.set(
    'Content-Security-Policy',
    `default-src 'none'; script-src 'nonce-${nonce}' ${PICKER_SCRIPT_ORIGIN}; frame-src ${PICKER_FRAME_ORIGIN}; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'`,
  );
}

/** Opens the Picker with the one file (DocsView.setFileIds); on PICKED, says "Done". */
const PICKER_SCRIPT = `(function () {
  var s = JSON.parse(document.getElementById('picker-settings').textContent);
  gapi.load('picker', function () {
    var view = new google.picker.DocsView(google.picker.ViewId.DOCS).setFileIds(s.fileId).setMode(google.picker.DocsViewMode.LIST);
    new google.picker.PickerBuilder()
      .addView(view)
      .setOAuthToken(s.token)
      .setDeveloperKey(s.key)
      .setAppId(s.appId)
      .setCallback(function (data) {
        if (data[google.picker.Response.ACTION] === google.picker.Action.PICKED) {
          document.getElementById('intro').hidden = true;
          document.getElementById('done').hidden = false;
        }
      })
      .build()
      .setVisible(true);
  });
})();`;
