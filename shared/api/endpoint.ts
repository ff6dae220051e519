import type { z } from 'zod';
import type { Role } from '../roles.js';

/**
 * One HTTP endpoint of the service's JSON API. The service builds its router, its input validation and
 * its OpenAPI description from these; the extension's API client calls them by name. `auth: 'member'`
 * endpoints live under `/workspaces/:workspaceId` and require at least `role` in that workspace.
 */
export interface Endpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: `/api/v1/${string}`;
  summary: string;
  tag: 'auth' | 'me' | 'workspaces' | 'members' | 'posts' | 'media' | 'legal' | 'email';
  auth: 'none' | 'session' | 'member';
  role?: Role;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Absent: the endpoint answers 204 with no body. */
  response?: z.ZodType;
  /** Success status when there is a body; 200 unless given. */
  status?: 200 | 201;
}
