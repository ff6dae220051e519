/** What the claim comparison's parent and its worker processes (bench/publisher-claim-worker.ts) share. */

/**
 * The systems compared, each draining the same number of due jobs:
 * - `bareClaim`: a bare `FOR UPDATE SKIP LOCKED` claim of the same due post_targets rows (the ceiling);
 * - `minimalClaim`: the same bare claim on a minimal three-column table (what the schema costs);
 * - `claim`: the publisher's claimDueTargets;
 * - `pgBossFetch`: pg-boss's claim (a batch fetch without priority ordering, its cheapest);
 * - `claimAndRecord`: claimDueTargets, then the record path's target update for the batch;
 * - `pgBossFetchAndComplete`: pg-boss's fastest processing loop (batch fetch, bulk complete).
 */
export type ClaimSystem = 'bareClaim' | 'minimalClaim' | 'claim' | 'pgBossFetch' | 'claimAndRecord' | 'pgBossFetchAndComplete';

/** The minimal job table. */
export const MINIMAL_TABLE = 'bench_minimal_jobs';

/** pg-boss's queue for the comparison. */
export const PG_BOSS_QUEUE = 'bench-publish';

/** Parent → worker: drain `system`'s due jobs, `batch` at a time. */
export interface ClaimRequest {
  system: ClaimSystem;
  batch: number;
}

/** Worker → parent: how many jobs this worker took, how long it ran, and the CPU time it used meanwhile. */
export interface ClaimReply {
  jobs: number;
  ms: number;
  cpuMs: number;
}
