import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import type { SimPerson } from '../kit/directory.js';
import type { NetworkSimulator } from '../kit/types.js';

/** A Page a simulated member administers (one each, made on first sight). */
export interface SimOrganization {
  id: string;
  urn: string;
  admin: string;
  name: string;
  vanityName: string;
}

/** An image, document or video registered with `initializeUpload`. */
export interface SimAsset {
  urn: string;
  collection: 'images' | 'documents' | 'videos';
  owner: string;
  /** Video: the byte ranges handed out, with the ETag of each part once PUT. */
  parts: Array<{ key: string; firstByte: number; lastByte: number; etag: string | null }>;
  uploadToken: string;
  /** When the bytes were complete (PUT for images/documents, finalize for videos); null before. */
  uploadedAt: number | null;
}

/** LinkedIn's error shape: `{status, code, serviceErrorCode?, message}`. */
export function linkedInError(ctx: Context, status: number, code: string, message: string, serviceErrorCode?: number): void {
  ctx.status = status;
  ctx.body = { status, code, ...(serviceErrorCode ? { serviceErrorCode } : {}), message };
}

/** The body of an injected fault, as LinkedIn would answer that status. */
export function faultBody(status: number): unknown {
  if (status === 401) return { status, serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN', message: 'Invalid access token' };
  if (status === 429) return { status, code: 'TOO_MANY_REQUESTS', message: 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.' };
  return { status, code: 'INTERNAL_SERVER_ERROR', message: 'Internal Server Error' };
}

/** The simulated LinkedIn's data besides the posts. */
export function createLinkedInWorld(options: { baseUrl: string; processingMs: number; videoPartBytes: number }) {
  const organizations = new Map<string, SimOrganization>();
  const assets = new Map<string, SimAsset>();
  const comments = new Map<string, Array<{ urn: string; actor: string; text: string }>>();
  let next = 7_300_000_000_000_000_000n;
  return {
    ...options,
    assets,
    comments,
    newNumber: () => (next += 977n).toString(),
    assetKey: () => randomBytes(12).toString('base64url'),
    organizationOf(person: SimPerson): SimOrganization {
      let organization = organizations.get(person.id);
      if (!organization) {
        const id = String(10_000_000 + (Number(person.id.slice(-7)) % 89_999_999));
        organization = { id, urn: `urn:li:organization:${id}`, admin: person.id, name: `${person.name} Studio`, vanityName: `${person.username.replace(/[^a-z0-9]/gi, '').toLowerCase()}-studio` };
        organizations.set(person.id, organization);
      }
      return organization;
    },
    organizationById(id: string): SimOrganization | undefined {
      return [...organizations.values()].find((organization) => organization.id === id);
    },
    /** WAITING_UPLOAD until the bytes are in, PROCESSING for `processingMs`, then AVAILABLE. */
    statusOf(asset: SimAsset): 'WAITING_UPLOAD' | 'PROCESSING' | 'AVAILABLE' {
      if (asset.uploadedAt === null) return 'WAITING_UPLOAD';
      return Date.now() - asset.uploadedAt >= options.processingMs ? 'AVAILABLE' : 'PROCESSING';
    },
  };
}

export type LinkedInWorld = ReturnType<typeof createLinkedInWorld>;

/** The person behind a request's bearer token and the scopes it carries, or LinkedIn's 401. */
export function authed(sim: Pick<NetworkSimulator, 'store' | 'directory'>, handler: (ctx: Context, person: SimPerson, scopes: string[]) => unknown) {
  return async (ctx: Context) => {
    const auth = sim.store.authenticate(ctx.get('authorization'));
    const person = auth.ok ? sim.directory.get(auth.grant.subject) : undefined;
    if (!auth.ok || !person) {
      if (!auth.ok && auth.reason === 'revoked') return linkedInError(ctx, 401, 'REVOKED_ACCESS_TOKEN', 'The token used in the request has been revoked by the user', 65601);
      if (!auth.ok && auth.reason === 'expired') return linkedInError(ctx, 401, 'EXPIRED_ACCESS_TOKEN', 'The token used in the request has expired', 65602);
      return linkedInError(ctx, 401, 'INVALID_ACCESS_TOKEN', 'Invalid access token', 65600);
    }
    await handler(ctx, person, auth.grant.scopes);
  };
}

/**
 * Whether `person` may act as `author` (a member URN or a Page URN) with these scopes: themselves with
 * w_member_social, a Page they administer with w_organization_social. Answers LinkedIn's 403 otherwise.
 */
export function mayActAs(ctx: Context, world: LinkedInWorld, person: SimPerson, scopes: string[], author: unknown): boolean {
  if (author === `urn:li:person:${person.id}` && scopes.includes('w_member_social')) return true;
  if (author === world.organizationOf(person).urn && scopes.includes('w_organization_social')) return true;
  linkedInError(ctx, 403, 'ACCESS_DENIED', `Not enough permissions to act as ${String(author)}.`);
  return false;
}
