import type Router from '@koa/router';
import type { AppState } from '../../../context.js';
import { escapeHtml, renderPage } from '../../../pages/layout.js';
import { readForm } from '../../../pages/form-body.js';
import { type OAuthStore, SimOAuthError } from './oauth-store.js';
import type { Directory } from './directory.js';

/** How a network names its authorization parameters and joins scopes. */
export interface ConsentOptions {
  networkName: string;
  /** Path of the authorize endpoint inside the simulator's router (GET shows the page, POST decides). */
  path: string;
  store: OAuthStore;
  directory: Directory;
  /** ' ' for most networks, ',' for Meta and TikTok. */
  scopeSeparator: string;
  /** TikTok calls the client id `client_key`. */
  clientIdParam?: string;
}

const CARRIED = ['client_id', 'client_key', 'redirect_uri', 'response_type', 'scope', 'state', 'code_challenge', 'code_challenge_method'];

/**
 * The network's "Allow access?" page, clearly labelled SANDBOX: the person names the made-up account to
 * connect (a username and a display name) and approves or cancels; the simulator then redirects to the
 * redirect URI with `code` and `state`, or `error=access_denied`, as the real network does.
 */
export function registerConsent(router: Router<AppState>, options: ConsentOptions): void {
  const clientIdParam = options.clientIdParam ?? 'client_id';
  const check = (params: Record<string, string | undefined>) =>
    options.store.checkAuthorizeRequest({
      clientId: params[clientIdParam],
      redirectUri: params.redirect_uri,
      codeChallenge: params.code_challenge,
      codeChallengeMethod: params.code_challenge_method,
    });

  router.get(options.path, (ctx) => {
    const params = ctx.query as Record<string, string | undefined>;
    try {
      check(params);
    } catch (error) {
      if (!(error instanceof SimOAuthError)) throw error;
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = renderPage(`${options.networkName} (sandbox)`, `<h1>Request refused</h1><p>${escapeHtml(error.description)}</p>`);
      return;
    }
    const hidden = CARRIED.filter((name) => params[name] !== undefined)
      .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params[name]!)}">`)
      .join('\n');
    ctx.type = 'html';
    ctx.body = renderPage(
      `Sandbox ${options.networkName}`,
      `<div class="sandbox">
<p><span class="badge">SANDBOX</span></p>
<h1>Connect a sandbox ${escapeHtml(options.networkName)} account</h1>
<p>This is <strong>not ${escapeHtml(options.networkName)}</strong>: it is Minopa's local stand-in, used because no
${escapeHtml(options.networkName)} app is configured. Posts “published” here go nowhere.</p>
<form method="post" action="${escapeHtml(ctx.path)}">
${hidden}
<label for="username">Username</label>
<input id="username" name="username" required value="sandbox_studio" pattern="[A-Za-z0-9_.]{1,30}">
<label for="display_name">Display name</label>
<input id="display_name" name="display_name" required value="Sandbox Studio">
<p>Minopa asks for: ${escapeHtml((params.scope ?? '').split(options.scopeSeparator).filter(Boolean).join(', ') || 'basic access')}</p>
<button type="submit" name="decision" value="approve">Allow</button>
<button type="submit" name="decision" value="deny" class="secondary" formnovalidate>Cancel</button>
</form>
</div>`,
    );
  });

  router.post(options.path, async (ctx) => {
    const form = (await readForm(ctx)) as Record<string, string | undefined>;
    const client = check(form);
    const redirect = new URL(form.redirect_uri!);
    if (form.state !== undefined) redirect.searchParams.set('state', form.state);
    if (form.decision !== 'approve') {
      redirect.searchParams.set('error', 'access_denied');
      redirect.searchParams.set('error_description', 'The person cancelled.');
      ctx.redirect(redirect.toString());
      return;
    }
    const person = options.directory.upsert(form.username ?? 'sandbox_studio', form.display_name ?? 'Sandbox Studio');
    const code = options.store.issueCode({
      subject: person.username,
      clientId: client.clientId,
      scopes: (form.scope ?? '').split(options.scopeSeparator).filter(Boolean),
      redirectUri: form.redirect_uri!,
      codeChallenge: form.code_challenge ?? null,
      codeChallengeMethod: form.code_challenge_method ?? null,
    });
    redirect.searchParams.set('code', code);
    ctx.redirect(redirect.toString());
  });
}
