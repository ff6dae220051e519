import type { Knex } from 'knex';

/** The tables whose rows hold tokens refreshed under a lease (columns refresh_lease_owner, refresh_lease_expires_at). */
export type LeasedTokenTable = 'connected_accounts' | 'integration_connections';

/**
 * How long a refresh may hold its row. Longer than a vendor call may take (the HTTP client gives up
 * after 30 s), so a live refresh never loses its lease; short enough that a worker that died mid-refresh
 * holds up the next one only briefly.
 */
export const REFRESH_LEASE_MS = 2 * 60_000;

/**
 * One refresh at a time per row of tokens, across instances, with no transaction open while the vendor
 * is called (DESIGN.md §5, claim → call → record) — because single-use refresh tokens (X, TikTok,
 * Canva) must never be spent twice:
 * - `claim` leases rows in one short statement (`FOR UPDATE SKIP LOCKED` over those whose lease is free
 *   or ran out) and answers them as they are now;
 * - the caller then calls the vendor, and writes the new tokens through `held` — which matches the row
 *   only while the lease is still this owner's — before anything else, clearing the lease with them;
 * - `release` gives a row back when there is nothing to store.
 * A worker that dies mid-refresh gives its rows back when the lease runs out.
 */
export function refreshLease(knex: Knex, table: LeasedTokenTable, owner: string) {
  const held = (id: string) => knex(table).where({ id, refreshLeaseOwner: owner });
  return {
    owner,
    /**
     * Leases up to `limit` rows that `candidates` narrows down (and orders), skipping those another
     * worker holds; answers the `columns` of each row leased.
     */
    async claim<Row>(candidates: (query: Knex.QueryBuilder) => void, limit: number, columns: string[]): Promise<Row[]> {
      const free = knex(table)
        .select('id')
        .where((query) => query.whereNull('refreshLeaseExpiresAt').orWhere('refreshLeaseExpiresAt', '<', knex.fn.now()))
        .modify(candidates)
        .limit(limit)
        .forUpdate()
        .skipLocked();
      return (await knex(table)
        .whereIn('id', free)
        .update({ refreshLeaseOwner: owner, refreshLeaseExpiresAt: knex.raw('now() + make_interval(secs => ?)', [REFRESH_LEASE_MS / 1000]) })
        .returning(columns)) as Row[];
    },
    /** The row while this owner holds its lease: update through it (adding `released`) to store new tokens. */
    held,
    /** The columns that end a lease, to add to the update that stores the new tokens. */
    released: { refreshLeaseOwner: null, refreshLeaseExpiresAt: null },
    /** Gives the row back without storing anything (a vendor that is down; nothing due after all). */
    async release(id: string): Promise<void> {
      await held(id).update({ refreshLeaseOwner: null, refreshLeaseExpiresAt: null });
    },
  };
}

export type RefreshLease = ReturnType<typeof refreshLease>;
