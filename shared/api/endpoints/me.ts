import type { Endpoint } from '../endpoint.js';
import { ChangeEmailInput, ChangePasswordInput, EmailAccepted, EmailChangeRequested, PasswordChanged, SessionsRevoked } from '../account.js';
import { Me, SessionList, SessionParams, UpdateMeInput } from '../auth.js';

export const meEndpoints = {
  getMe: {
    method: 'GET', path: '/api/v1/me', tag: 'me', auth: 'session',
    summary: 'The signed-in person.', response: Me,
  },
  updateMe: {
    method: 'PATCH', path: '/api/v1/me', tag: 'me', auth: 'session',
    summary: 'Correct your first or last name, or change the default workspace.', body: UpdateMeInput, response: Me,
  },
  resendEmailVerification: {
    method: 'POST', path: '/api/v1/me/email-verification', tag: 'me', auth: 'session',
    summary: 'Email a new link to verify your address (a few per hour).', response: EmailAccepted, status: 202,
  },
  changeEmail: {
    method: 'POST', path: '/api/v1/me/email', tag: 'me', auth: 'session',
    summary: 'Ask to change your email address: a confirmation link goes to the new address, which takes effect once confirmed.',
    body: ChangeEmailInput, response: EmailChangeRequested, status: 202,
  },
  changePassword: {
    method: 'POST', path: '/api/v1/me/password', tag: 'me', auth: 'session',
    summary: 'Change your password; every other session is signed out.',
    body: ChangePasswordInput, response: PasswordChanged,
  },
  listSessions: {
    method: 'GET', path: '/api/v1/me/sessions', tag: 'me', auth: 'session',
    summary: 'Sessions that are still valid, most recently used first, with the device they run on.', response: SessionList,
  },
  revokeSession: {
    method: 'DELETE', path: '/api/v1/me/sessions/:sessionId', tag: 'me', auth: 'session',
    summary: 'End one of your sessions (signs that device out).', params: SessionParams,
  },
  revokeOtherSessions: {
    method: 'POST', path: '/api/v1/me/sessions/revoke-others', tag: 'me', auth: 'session',
    summary: 'End every session except the one making this request.', response: SessionsRevoked,
  },
} as const satisfies Record<string, Endpoint>;
