import { isPlatformError } from '../lib/errors.js';
import type { AccountProfile, PlatformContext, TokenSet } from '../types.js';
import { restRequest } from './api.js';

interface UserInfo {
  sub: string;
  name: string;
  picture?: string;
}

interface OrganizationAcl {
  organization: string;
  role: string;
  state: string;
}

interface Organization {
  id: number;
  localizedName: string;
  vanityName?: string;
}

/**
 * The member, then the Pages (organizations) they administer, to choose from. Ids are URNs
 * (`urn:li:person:…`, `urn:li:organization:…`): the author of a post is exactly that. Only the fields
 * P9 lists are kept. A member whose token may not list Pages (403) just gets their own profile.
 */
export async function listLinkedInAccounts(ctx: PlatformContext, tokens: TokenSet): Promise<AccountProfile[]> {
  const me = (await ctx.http.request({ method: 'GET', url: `${ctx.settings.apiUrl}/v2/userinfo`, bearer: tokens.accessToken })).json as UserInfo;
  const member: AccountProfile = { remoteId: `urn:li:person:${me.sub}`, kind: 'profile', name: me.name, username: null, avatarUrl: me.picture ?? null };
  return [member, ...(await administeredPages(ctx, tokens.accessToken))];
}

async function administeredPages(ctx: PlatformContext, accessToken: string): Promise<AccountProfile[]> {
  let acls: OrganizationAcl[];
  try {
    const response = await ctx.http.request(
      restRequest(ctx, accessToken, { method: 'GET', path: '/organizationAcls', query: { q: 'roleAssignee', role: 'ADMINISTRATOR', state: 'APPROVED' } }),
    );
    acls = (response.json as { elements?: OrganizationAcl[] }).elements ?? [];
  } catch (error) {
    if (isPlatformError(error) && error.details.httpStatus === 403) return [];
    throw error;
  }
  const pages: AccountProfile[] = [];
  for (const acl of acls) {
    const id = acl.organization.split(':').at(-1)!;
    const organization = (await ctx.http.request(restRequest(ctx, accessToken, { method: 'GET', path: `/organizations/${id}` }))).json as Organization;
    pages.push({ remoteId: acl.organization, kind: 'organization', name: organization.localizedName, username: organization.vanityName ?? null, avatarUrl: null });
  }
  return pages;
}
