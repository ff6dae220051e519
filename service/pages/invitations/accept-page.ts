import type Router from '@koa/router';
import { currentLegalDocuments } from '../../actions/get-legal-documents.js';
import { joinWithLogIn, joinWithSignUp } from '../../actions/join-with-account.js';
import { openInvitation, type OpenInvitation } from '../../actions/open-invitation.js';
import type { AppContext, AppDeps, AppState } from '../../context.js';
import { HttpError } from '../../errors.js';
import { clientInfo } from '../../lib/client-info.js';
import { legalDocumentUrl } from '../../presenters/legal.js';
import { checkCsrf, csrfToken } from '../csrf.js';
import { readForm } from '../form-body.js';
import { sendPage } from '../layout.js';
import { readSignUpForm } from './form-input.js';
import { type AcceptPageView, type PageContent, renderAcceptPage, renderInvitationProblem, renderJoined } from './render.js';

const FORM = 'invitation-accept';
/** Refusals that end the visit: the link itself is no good (or already did its job). */
const LINK_PROBLEMS = new Set(['invitation_not_found', 'invitation_expired', 'invitation_revoked', 'invitation_used', 'already_member']);

const send = (ctx: AppContext, status: number, page: PageContent) => sendPage(ctx, status, page.title, page.body);

/**
 * The page an invitation email links to: GET /invitations/accept?token=… shows workspace, inviter and
 * role, with a sign-in form when the invited address has an account and a sign-up form otherwise;
 * POST /invitations/accept joins. Every form carries a CSRF token bound to a cookie (P25); sign-up
 * goes through the shared account creation (P31, P12). Refusals are pages with a sentence.
 */
export function registerInvitationPages(router: Router<AppState>, deps: AppDeps): void {
  const { knex } = deps.db;
  const { appSecret, publicUrl } = deps.config;

  const formPage = async (ctx: AppContext, invitation: OpenInvitation, token: string, extra: Partial<AcceptPageView> = {}) => {
    const hasAccount = await knex('users').where('email', invitation.email).first('id');
    const documents = await currentLegalDocuments(knex);
    const link = (kind: 'terms' | 'privacy') => ({
      title: documents[kind].title,
      version: documents[kind].version,
      url: legalDocumentUrl(publicUrl, documents[kind]),
    });
    return renderAcceptPage({
      invitation,
      token,
      csrf: csrfToken(ctx, appSecret, FORM),
      mode: hasAccount ? 'sign-in' : 'sign-up',
      legal: { terms: link('terms'), privacy: link('privacy') },
      ...extra,
    });
  };

  /** The open invitation behind `token`, or null after answering with the page that says why not. */
  const open = async (ctx: AppContext, token: string): Promise<OpenInvitation | null> => {
    try {
      return await openInvitation(knex, appSecret, token);
    } catch (error) {
      if (!(error instanceof HttpError) || !LINK_PROBLEMS.has(error.code)) throw error;
      send(ctx, error.status, renderInvitationProblem(error.message, error.code));
      return null;
    }
  };

  router.get('/invitations/accept', async (ctx) => {
    const token = typeof ctx.query.token === 'string' ? ctx.query.token : '';
    const invitation = await open(ctx, token);
    if (invitation) send(ctx, 200, await formPage(ctx, invitation, token));
  });

  router.post('/invitations/accept', async (ctx) => {
    const fields = await readForm(ctx);
    const token = fields.token ?? '';
    const invitation = await open(ctx, token);
    if (!invitation) return;
    const values = { firstName: fields.firstName ?? '', lastName: fields.lastName ?? '', email: fields.email ?? '' };
    const again = async (error: HttpError, extra: Partial<AcceptPageView> = {}) =>
      send(ctx, error.status, await formPage(ctx, invitation, token, { values, formError: error.message, ...extra }));
    try {
      checkCsrf(ctx, appSecret, FORM, fields.csrf);
      const client = clientInfo(ctx.request);
      let joined;
      if (fields.intent === 'sign-in') {
        const email = values.email.trim().toLowerCase();
        const password = fields.password ?? '';
        if (!email || !password) {
          return await again(new HttpError('validation_failed', { en: 'Enter your email and password.', de: 'Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.' }), {
            fieldErrors: { ...(email ? {} : { email: 'Enter your email.' }), ...(password ? {} : { password: 'Enter your password.' }) },
          });
        }
        joined = await joinWithLogIn(knex, appSecret, token, { email, password }, client);
      } else {
        const form = readSignUpForm(fields);
        if (!form.ok) return await again(new HttpError('validation_failed'), { fieldErrors: form.errors, mode: 'sign-up' });
        joined = await joinWithSignUp(knex, appSecret, token, form.input, client);
      }
      ctx.state.log.info('invitation accepted', { workspaceId: joined.workspace.id });
      send(ctx, 200, renderJoined(joined.workspace.name, joined.role, joined.email));
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      if (LINK_PROBLEMS.has(error.code)) return send(ctx, error.status, renderInvitationProblem(error.message, error.code));
      // The form again with the sentence; after email_taken it is the sign-in form (the account exists now).
      await again(error);
    }
  });
}
