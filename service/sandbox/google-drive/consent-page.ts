import { escapeHtml, renderPage } from '../../pages/layout.js';

/** The authorization parameters carried through the consent form. */
export const CARRIED_PARAMS = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'access_type', 'prompt', 'include_granted_scopes', 'code_challenge', 'code_challenge_method'] as const;

/**
 * The sandbox's "Minopa wants to access your Google Drive" page, clearly labelled: the person types any
 * email and name (no real Google account is involved), ticks the scopes to grant, then Allow redirects back with a code, Cancel with access_denied.
 */
export function consentPage(action: string, params: Record<string, string>, error?: string): string {
  const hidden = CARRIED_PARAMS.filter((name) => params[name] !== undefined)
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params[name]!)}">`)
    .join('\n');
  // Google's granular consent: the person may leave any scope unticked, and the token then lacks it.
  const scopes = (params.scope ?? '')
    .split(' ')
    .filter(Boolean)
    .map((scope) => `<label><input type="checkbox" name="grant" value="${escapeHtml(scope)}" checked> ${escapeHtml(scope.replace('https://www.googleapis.com/auth/', ''))}</label>`)
    .join('\n');
  return renderPage(
    'Sandbox Google Drive',
    `<div class="sandbox">
<p><span class="badge">SANDBOX</span></p>
<h1>Connect a sandbox Google Drive</h1>
<p>This is <strong>not Google</strong>: it is Minopa's local stand-in, used because no Google Drive client is configured.
Type any email: the account and its files are made up.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
${hidden}
<label for="email">Email</label>
<input id="email" name="email" type="email" required autocomplete="off" value="${escapeHtml(params.login_hint ?? 'sandbox.drive@example.com')}">
<label for="name">Name</label>
<input id="name" name="name" type="text" value="Sandbox Drive">
<p>Minopa asks for:</p>
${scopes}
<button type="submit" name="decision" value="approve">Allow</button>
<button type="submit" name="decision" value="deny" class="secondary" formnovalidate>Cancel</button>
</form>
</div>`,
  );
}
