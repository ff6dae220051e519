import type { Endpoint } from '../endpoint.js';
import { AuthResult, LogInInput, SignUpInput } from '../auth.js';

export const authEndpoints = {
  signUp: {
    method: 'POST', path: '/api/v1/auth/sign-up', tag: 'auth', auth: 'none',
    summary: 'Create an account with a personal workspace, and sign in.',
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
} as const satisfies Record<string, Endpoint>;
