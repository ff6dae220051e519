import { escapeHtml, renderPage } from '../../pages/layout.js';

/** The authorization parameters carried through the sandbox's consent form. */
export const CARRIED_PARAMS = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method'] as const;

/**
 * The sandbox's sign-in page, clearly labelled as such: the person types any email and name (nobody's
 * real Google account is involved), then Continue redirects back with a code, Cancel with access_denied.
 */
export function authorizePage(action: string, params: Record<string, string>, csrf: string, error?: string): string {
  const hidden = CARRIED_PARAMS.filter((name) => params[name] !== undefined)
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params[name]!)}">`)
    .join('\n');
  return renderPage(
    'Sandbox Google sign-in',
    `<div class="sandbox">
<p><span class="badge">SANDBOX</span></p>
<h1>Sandbox Google sign-in</h1>
<p>This is <strong>not Google</strong>. It is Minopa's local stand-in, used because no Google client is configured. Type any
email and name: the account is made up, and no Google data is involved.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
${hidden}
<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<label for="email">Email</label>
<input id="email" name="email" type="email" required autocomplete="off" value="${escapeHtml(params.login_hint ?? '')}">
<label for="given_name">First name</label>
<input id="given_name" name="given_name" type="text">
<label for="family_name">Last name</label>
<input id="family_name" name="family_name" type="text">
<p><label><input type="checkbox" name="email_verified" value="true" checked> Google has verified this email address</label></p>
<button type="submit" name="decision" value="approve">Continue</button>
<button type="submit" name="decision" value="deny" class="secondary" formnovalidate>Cancel</button>
</form>
</div>`,
  );
}
