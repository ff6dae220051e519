import type Router from '@koa/router';
import type { AppState } from '../../../context.js';
import type { NetworkSimulator } from '../kit/types.js';
import { authed, type LinkedInWorld, linkedInError } from './world.js';

/**
 * Who the token belongs to: OpenID Connect `GET /v2/userinfo`, the Pages they administer
 * (`GET /rest/organizationAcls?q=roleAssignee`, needs rw_organization_admin) and a Page's name
 * (`GET /rest/organizations/{id}`).
 */
export function registerLinkedInProfile(router: Router<AppState>, sim: Pick<NetworkSimulator, 'store' | 'directory'>, world: LinkedInWorld): void {
  router.get(
    '/api/v2/userinfo',
    authed(sim, (ctx, person, scopes) => {
      if (!scopes.includes('openid')) return linkedInError(ctx, 403, 'ACCESS_DENIED', 'Not enough permissions to access: userinfo.GET.NO_VERSION');
      const [given, ...family] = person.name.split(' ');
      ctx.body = { sub: person.id, name: person.name, given_name: given, family_name: family.join(' '), picture: person.avatarUrl, locale: { country: 'US', language: 'en' } };
    }),
  );

  router.get(
    '/api/rest/organizationAcls',
    authed(sim, (ctx, person, scopes) => {
      if (ctx.query.q !== 'roleAssignee') return linkedInError(ctx, 400, 'ILLEGAL_ARGUMENT', 'Unsupported finder: q must be roleAssignee.');
      if (!scopes.includes('rw_organization_admin')) return linkedInError(ctx, 403, 'ACCESS_DENIED', 'Not enough permissions to access: organizationAcls.FINDER-roleAssignee');
      const organization = world.organizationOf(person);
      ctx.body = {
        paging: { start: 0, count: 10, total: 1 },
        elements: [{ roleAssignee: `urn:li:person:${person.id}`, state: 'APPROVED', role: 'ADMINISTRATOR', organization: organization.urn }],
      };
    }),
  );

  router.get(
    '/api/rest/organizations/:id',
    authed(sim, (ctx) => {
      const organization = world.organizationById(ctx.params.id!);
      if (!organization) return linkedInError(ctx, 404, 'NOT_FOUND', `Organization ${ctx.params.id} does not exist.`);
      ctx.body = { id: Number(organization.id), localizedName: organization.name, vanityName: organization.vanityName };
    }),
  );
}
