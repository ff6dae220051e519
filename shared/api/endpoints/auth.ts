import type { Endpoint } from '../endpoint.js';
import {
  AuthProviders,
  ConfirmEmailChangeInput,
  EmailAccepted,
  GoogleExchangeInput,
  PasswordResetInput,
  PasswordResetRequestInput,
  VerifyEmailInput,
} from '../account.js';
import { AuthResult, LogInInput, SignUpInput } from '../auth.js';

export const authEndpoints = {
  signUp: {
    method: 'POST', path: '/api/v1/auth/sign-up', tag: 'auth', auth: 'none',
    summary: 'Create an account with a personal workspace, and sign in. A link to verify the email address is emailed.',
    body: SignUpInput, response: AuthResult, status: 201,
  },
  logIn: {
    method: 'POST', path: '/api/v1/auth/log-in', tag: 'auth', auth: 'none',
    summary: 'Sign in with email and password; returns a bearer token valid for 30 days.',
    body: LogInInput, response: AuthResult,
  },
  logOut: {
    method: 'POST', path: '/api/v1/auth/log-out', tag: 'auth', auth: 'session',
    summary: 'End the current session.',
  },
  verifyEmail: {
    method: 'POST', path: '/api/v1/auth/verify-email', tag: 'auth', auth: 'none',
    summary: 'Verify an email address with the token of the emailed link (single use, 48 hours).',
    body: VerifyEmailInput,
  },
  requestPasswordReset: {
    method: 'POST', path: '/api/v1/auth/password-reset-requests', tag: 'auth', auth: 'none',
    summary: 'Email a password reset link (valid 1 hour) if the address has an account; the answer is the same either way.',
    body: PasswordResetRequestInput, response: EmailAccepted, status: 202,
  },
  resetPassword: {
    method: 'POST', path: '/api/v1/auth/password-resets', tag: 'auth', auth: 'none',
    summary: 'Set a new password with the token of the emailed link; signs out every session.',
    body: PasswordResetInput,
  },
  confirmEmailChange: {
    method: 'POST', path: '/api/v1/auth/confirm-email-change', tag: 'auth', auth: 'none',
    summary: 'Switch the account to its new email address with the token of the link sent there (single use, 48 hours).',
    body: ConfirmEmailChangeInput,
  },
  authProviders: {
    method: 'GET', path: '/api/v1/auth/providers', tag: 'auth', auth: 'none',
    summary: 'Which sign-in methods besides email and password this service offers.',
    response: AuthProviders,
  },
  googleExchange: {
    method: 'POST', path: '/api/v1/auth/google/exchange', tag: 'auth', auth: 'none',
    summary: 'Trade the one-time code from the Google sign-in redirect for a session (the code works once, for 60 seconds).',
    body: GoogleExchangeInput, response: AuthResult,
  },
} as const satisfies Record<string, Endpoint>;
