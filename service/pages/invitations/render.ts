import type { Role } from '#shared/roles.js';
import type { OpenInvitation } from '../../actions/open-invitation.js';
import { escapeHtml } from '../layout.js';

/** The error sentence for one field, tied to its input by id for screen readers. */
function fieldError(id: string, message: string | undefined): string {
  return message ? `<p class="field-error" id="${escapeHtml(id)}-error">${escapeHtml(message)}</p>` : '';
}

/** The attributes that mark an input invalid and point at its error sentence. */
function invalidAttrs(id: string, message: string | undefined): string {
  return message ? ` aria-invalid="true" aria-describedby="${escapeHtml(id)}-error"` : '';
}

/** What each role may do, in the words the page uses. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'everything, including deleting the workspace and billing',
  admin: 'manage members, connected accounts and settings',
  editor: 'create, schedule and publish posts',
  viewer: 'read posts and the calendar',
};

/** A legal document the sign-up form asks the person to accept. */
export interface LegalLink {
  title: string;
  version: string;
  url: string;
}

/** Everything the accept page shows. */
export interface AcceptPageView {
  invitation: OpenInvitation;
  token: string;
  csrf: string;
  /** Sign in when the invited address has an account, else sign up. */
  mode: 'sign-in' | 'sign-up';
  legal: { terms: LegalLink; privacy: LegalLink };
  /** What the person typed last time (never the password). */
  values?: Record<string, string>;
  formError?: string;
  fieldErrors?: Record<string, string>;
}

/** A page's title and body markup (the caller wraps it with `sendPage`). */
export interface PageContent {
  title: string;
  body: string;
}

/** The invitation with a sign-in or sign-up form to accept it. */
export function renderAcceptPage(view: AcceptPageView): PageContent {
  const { invitation } = view;
  const inviter = invitation.inviterName ? escapeHtml(invitation.inviterName) : 'A member';
  const expires = invitation.expiresAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    title: `Join ${invitation.workspaceName}`,
    body: `<h1>Join ${escapeHtml(invitation.workspaceName)}</h1>
<div data-testid="invitation">
<p>${inviter} invited <strong>${escapeHtml(invitation.email)}</strong> to the workspace <strong>${escapeHtml(invitation.workspaceName)}</strong>
as <strong>${escapeHtml(invitation.role)}</strong> (${escapeHtml(ROLE_DESCRIPTIONS[invitation.role])}).</p>
<p class="muted">The invitation works once and expires on ${escapeHtml(expires)}.</p>
</div>
${view.formError ? `<p class="error" role="alert">${escapeHtml(view.formError)}</p>` : ''}
${view.mode === 'sign-in' ? signInForm(view) : signUpForm(view)}`,
  };
}

function hidden(view: AcceptPageView, intent: string): string {
  return `<input type="hidden" name="csrf" value="${escapeHtml(view.csrf)}">
<input type="hidden" name="token" value="${escapeHtml(view.token)}">
<input type="hidden" name="intent" value="${intent}">`;
}

function signInForm(view: AcceptPageView): string {
  const errors = view.fieldErrors ?? {};
  const email = view.values?.email ?? view.invitation.email;
  return `<form method="post" action="/invitations/accept" data-testid="sign-in-form">
<h2>Sign in to accept</h2>
<p class="muted">You already have a Minopa account with this address.</p>
${hidden(view, 'sign-in')}
<label for="email">Email</label>
<input type="email" id="email" name="email" autocomplete="username" required value="${escapeHtml(email)}"${invalidAttrs('email', errors.email)}>
${fieldError('email', errors.email)}
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required${invalidAttrs('password', errors.password)}>
${fieldError('password', errors.password)}
<button type="submit">Sign in and join</button>
</form>`;
}

function signUpForm(view: AcceptPageView): string {
  const errors = view.fieldErrors ?? {};
  const value = (name: string) => escapeHtml(view.values?.[name] ?? '');
  const { terms, privacy } = view.legal;
  const text = (name: string, label: string, autocomplete: string) => `<label for="${name}">${label}</label>
<input type="text" id="${name}" name="${name}" autocomplete="${autocomplete}" required maxlength="100" value="${value(name)}"${invalidAttrs(name, errors[name])}>
${fieldError(name, errors[name])}`;
  return `<form method="post" action="/invitations/accept" data-testid="sign-up-form">
<h2>Create your account</h2>
<p class="muted">Your account will use <strong>${escapeHtml(view.invitation.email)}</strong>; this link proves it is yours.</p>
${hidden(view, 'sign-up')}
<input type="hidden" name="termsVersion" value="${escapeHtml(terms.version)}">
<input type="hidden" name="privacyVersion" value="${escapeHtml(privacy.version)}">
${text('firstName', 'First name', 'given-name')}
${text('lastName', 'Last name', 'family-name')}
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="new-password" required minlength="10"${invalidAttrs('password', errors.password)}>
${fieldError('password', errors.password)}
<label><input type="checkbox" name="ageConfirmed" value="yes"${invalidAttrs('ageConfirmed', errors.ageConfirmed)}> I am 18 or older</label>
${fieldError('ageConfirmed', errors.ageConfirmed)}
<label><input type="checkbox" name="legalAccepted" value="yes"${invalidAttrs('legalAccepted', errors.legalAccepted)}>
<span>I accept the <a href="${escapeHtml(terms.url)}" target="_blank" rel="noopener">${escapeHtml(terms.title)}</a>
and the <a href="${escapeHtml(privacy.url)}" target="_blank" rel="noopener">${escapeHtml(privacy.title)}</a></span></label>
${fieldError('legalAccepted', errors.legalAccepted)}
<button type="submit">Create account and join</button>
</form>`;
}

/** Why a link cannot be used (expired, revoked, used, unknown), with what to do next. */
export function renderInvitationProblem(message: string, code: string): PageContent {
  return {
    title: 'Invitation',
    body: `<h1>This invitation cannot be used</h1>
<p class="error" role="alert" data-testid="invitation-problem">${escapeHtml(message)}</p>
<p class="muted">Reference: <code>${escapeHtml(code)}</code></p>`,
  };
}

/** The person joined. */
export function renderJoined(workspaceName: string, role: Role, email: string): PageContent {
  return {
    title: `Joined ${workspaceName}`,
    body: `<h1>Welcome to ${escapeHtml(workspaceName)}</h1>
<p class="success" role="status" data-testid="joined">You joined ${escapeHtml(workspaceName)} as ${escapeHtml(role)}.</p>
<p>Open the Minopa extension in your browser and sign in as <strong>${escapeHtml(email)}</strong> to start capturing into this workspace.</p>`,
  };
}
