import type { z } from 'zod';
import type { Role } from '../roles.js';
import { AuthResult, LogInInput, Me, SessionList, SessionParams, SignUpInput, UpdateMeInput } from './auth.js';
import { CaptureInput } from './captures.js';
import { WorkspaceParams } from './common.js';
import { CurrentLegalDocuments } from './legal.js';
import { CaptureResult, ListPostsQuery, Post, PostPage, PostParams, UpdatePostInput } from './posts.js';
import { MemberList, Workspace, WorkspaceList, WorkspaceNameInput } from './workspaces.js';

/**
 * One HTTP endpoint of the service's JSON API. The service builds its router, its input validation and
 * its OpenAPI description from these; the extension's API client calls them by name. `auth: 'member'`
 * endpoints live under `/workspaces/:workspaceId` and require at least `role` in that workspace.
 */
export interface Endpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: `/api/v1/${string}`;
  summary: string;
  tag: 'auth' | 'me' | 'workspaces' | 'posts' | 'legal';
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

export const endpoints = {
  getLegalDocuments: {
    method: 'GET', path: '/api/v1/legal', tag: 'legal', auth: 'none',
    summary: 'The current Terms of Service and Privacy Policy a person accepts at sign-up.',
    response: CurrentLegalDocuments,
  },
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
  listWorkspaces: {
    method: 'GET', path: '/api/v1/workspaces', tag: 'workspaces', auth: 'session',
    summary: 'Workspaces you are a member of, with your role.', response: WorkspaceList,
  },
  createWorkspace: {
    method: 'POST', path: '/api/v1/workspaces', tag: 'workspaces', auth: 'session',
    summary: 'Create a workspace; you become its owner.', body: WorkspaceNameInput, response: Workspace, status: 201,
  },
  getWorkspace: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId', tag: 'workspaces', auth: 'member', role: 'viewer',
    summary: 'One workspace.', params: WorkspaceParams, response: Workspace,
  },
  renameWorkspace: {
    method: 'PATCH', path: '/api/v1/workspaces/:workspaceId', tag: 'workspaces', auth: 'member', role: 'admin',
    summary: 'Rename a workspace.', params: WorkspaceParams, body: WorkspaceNameInput, response: Workspace,
  },
  listMembers: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/members', tag: 'workspaces', auth: 'member', role: 'viewer',
    summary: "The workspace's members: name and role.", params: WorkspaceParams, response: MemberList,
  },
  createCapture: {
    method: 'POST', path: '/api/v1/workspaces/:workspaceId/captures', tag: 'posts', auth: 'member', role: 'editor',
    summary: 'Turn a capture (page, selection, link or image) into a draft that keeps its provenance. Idempotent on clientId.',
    params: WorkspaceParams, body: CaptureInput, response: CaptureResult, status: 201,
  },
  listPosts: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/posts', tag: 'posts', auth: 'member', role: 'viewer',
    summary: 'Posts, newest first, optionally of one status; paginated with `cursor`.',
    params: WorkspaceParams, query: ListPostsQuery, response: PostPage,
  },
  getPost: {
    method: 'GET', path: '/api/v1/workspaces/:workspaceId/posts/:postId', tag: 'posts', auth: 'member', role: 'viewer',
    summary: 'One post.', params: PostParams, response: Post,
  },
  updatePost: {
    method: 'PATCH', path: '/api/v1/workspaces/:workspaceId/posts/:postId', tag: 'posts', auth: 'member', role: 'editor',
    summary: "Edit a post's title, text or hashtags.", params: PostParams, body: UpdatePostInput, response: Post,
  },
  archivePost: {
    method: 'POST', path: '/api/v1/workspaces/:workspaceId/posts/:postId/archive', tag: 'posts', auth: 'member', role: 'editor',
    summary: 'Archive a post (it leaves the drafts list; nothing is deleted).', params: PostParams, response: Post,
  },
  unarchivePost: {
    method: 'POST', path: '/api/v1/workspaces/:workspaceId/posts/:postId/unarchive', tag: 'posts', auth: 'member', role: 'editor',
    summary: 'Bring an archived post back as a draft.', params: PostParams, response: Post,
  },
  deletePost: {
    method: 'DELETE', path: '/api/v1/workspaces/:workspaceId/posts/:postId', tag: 'posts', auth: 'member', role: 'editor',
    summary: 'Delete a post for good.', params: PostParams,
  },
} as const satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;

type Infer<E, K extends 'params' | 'query' | 'body', Side extends 'input' | 'output'> = E extends {
  [P in K]: infer S extends z.ZodType;
}
  ? Side extends 'input'
    ? z.input<S>
    : z.output<S>
  : undefined;

/** What a client sends to endpoint N (before validation). */
export interface RequestOf<N extends EndpointName> {
  params: Infer<Endpoints[N], 'params', 'input'>;
  query: Infer<Endpoints[N], 'query', 'input'>;
  body: Infer<Endpoints[N], 'body', 'input'>;
}

/** What the service hands its handler for endpoint N (after validation and defaults). */
export interface InputOf<N extends EndpointName> {
  params: Infer<Endpoints[N], 'params', 'output'>;
  query: Infer<Endpoints[N], 'query', 'output'>;
  body: Infer<Endpoints[N], 'body', 'output'>;
}

/** What endpoint N answers with (`undefined` for 204). */
export type ResponseOf<N extends EndpointName> = Endpoints[N] extends { response: infer S extends z.ZodType }
  ? z.output<S>
  : undefined;
