import type { Endpoint } from '../endpoint.js';
import { Me, SessionList, SessionParams, UpdateMeInput } from '../auth.js';

export const meEndpoints = {
  getMe: {
    method: 'GET', path: '/api/v1/me', tag: 'me', auth: 'session',
    summary: 'The signed-in person.', response: Me,
  },
  updateMe: {
    method: 'PATCH', path: '/api/v1/me', tag: 'me', auth: 'session',
    summary: 'Change the default workspace.', body: UpdateMeInput, response: Me,
  },
  listSessions: {
    method: 'GET', path: '/api/v1/me/sessions', tag: 'me', auth: 'session',
    summary: 'Sessions that are still valid, most recently used first.', response: SessionList,
  },
  revokeSession: {
    method: 'DELETE', path: '/api/v1/me/sessions/:sessionId', tag: 'me', auth: 'session',
    summary: 'End one of your sessions (signs that device out).', params: SessionParams,
  },
} as const satisfies Record<string, Endpoint>;
