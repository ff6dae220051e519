import { randomBytes } from 'node:crypto';
import type { OAuthStore } from '../networks/kit/oauth-store.js';

/**
 * Which tokens descend from one authorization: the first pair from a code, then every pair a refresh
 * of that lineage yields. The kit's store revokes one token (or a refresh family's refresh tokens);
 * Canva and Google end the whole grant — every access and refresh token of it — when any one is
 * revoked (or, at Canva, when a spent refresh token is presented again). Also used by the Drive simulator.
 */
export function createLineages(store: Pick<OAuthStore, 'revoke'>) {
  const lineageOf = new Map<string, string>();
  const members = new Map<string, string[]>();
  return {
    /** Records a token pair; `from` is the refresh token it was made from (none for a code exchange). */
    record(tokens: { accessToken: string; refreshToken: string }, from?: string): void {
      const id = (from && lineageOf.get(from)) || randomBytes(9).toString('base64url');
      const list = members.get(id) ?? [];
      list.push(tokens.accessToken, tokens.refreshToken);
      members.set(id, list);
      lineageOf.set(tokens.accessToken, id);
      lineageOf.set(tokens.refreshToken, id);
    },
    /** Revokes every token of `token`'s lineage; returns them ([] for a token it never saw). */
    revokeAll(token: string): string[] {
      const id = lineageOf.get(token);
      const list = id ? (members.get(id) ?? []) : [];
      for (const member of list) store.revoke(member);
      return list;
    },
  };
}
