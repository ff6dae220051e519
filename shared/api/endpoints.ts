import type { z } from 'zod';
import type { Endpoint } from './endpoint.js';
import { accountsEndpoints } from './endpoints/accounts.js';
import { integrationsEndpoints } from './endpoints/integrations.js';
import { importsEndpoints } from './endpoints/imports.js';
import { authEndpoints } from './endpoints/auth.js';
import { legalEndpoints } from './endpoints/legal.js';
import { mediaEndpoints } from './endpoints/media.js';
import { mediaUploadEndpoints } from './endpoints/media-uploads.js';
import { meEndpoints } from './endpoints/me.js';
import { membersEndpoints } from './endpoints/members.js';
import { postsEndpoints } from './endpoints/posts.js';
import { publishingEndpoints } from './endpoints/publishing.js';
import { workspacesEndpoints } from './endpoints/workspaces.js';
// dashboard
import { calendarEndpoints } from './endpoints/calendar.js';
import { billingEndpoints } from './endpoints/billing.js';
// privacy
import { privacyEndpoints } from './endpoints/privacy.js';
import { usageEndpoints } from './endpoints/usage.js';
import { rightsEndpoints } from './endpoints/rights.js';
// email preferences
import { emailPreferencesEndpoints } from './endpoints/email-preferences.js';
// account deletion
import { deletionEndpoints } from './endpoints/deletion.js';

export type { Endpoint } from './endpoint.js';

/**
 * Every endpoint of the JSON API, merged from one table per area (shared/api/endpoints/). The service
 * builds its router, validation and OpenAPI description from this; the extension's client calls by name.
 */
export const endpoints = {
  ...legalEndpoints,
  ...authEndpoints,
  ...meEndpoints,
  ...workspacesEndpoints,
  ...membersEndpoints,
  ...postsEndpoints,
  ...publishingEndpoints,
  ...mediaEndpoints,
  ...mediaUploadEndpoints,
  ...accountsEndpoints,
  ...integrationsEndpoints,
  ...importsEndpoints,
  // dashboard
  ...calendarEndpoints,
  ...billingEndpoints,
  // privacy
  ...privacyEndpoints,
  ...usageEndpoints,
  ...rightsEndpoints,
  // email preferences
  ...emailPreferencesEndpoints,
  // account deletion
  ...deletionEndpoints,
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
