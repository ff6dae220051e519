import type { z } from 'zod';
import type { Role } from '../roles.js';

/**
 * One HTTP endpoint of the service's JSON API. The service builds its router, its input validation and
 * its OpenAPI description from these; the extension's API client calls them by name. `auth: 'member'`
 * endpoints live under `/workspaces/:workspaceId` and require at least `role` in that workspace.
 */
export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: `/api/v1/${string}`;
  summary: string;
  tag: 'auth' | 'me' | 'workspaces' | 'members' | 'posts' | 'media' | 'legal' | 'email' | 'accounts' | 'integrations' | 'imports' | 'billing';
  auth: 'none' | 'session' | 'member';
  role?: Role;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Absent: the endpoint answers 204 with no body. */
  response?: z.ZodType;
  /** Success status when there is a body; 200 unless given (202: accepted, the work happens later, e.g. an email). */
  status?: 200 | 201 | 202;
  /**
   * Only for people who verified their email address (publishing, inviting); others get 403
   * email_not_verified. Drafts can be captured before verifying.
   */
  verifiedEmail?: true;
  /**
   * 'binary': the request body is a file's raw bytes (any Content-Type, name in the X-Filename header),
   * streamed to the handler as it arrives: no JSON parsing, no `body` schema.
   */
  upload?: 'binary';
}
