/** What the claim comparison's parent and its worker processes (bench/publisher-claim-worker.ts) share. */

/** The systems compared: the bare ceiling, our claim path (and with the full record path), pg-boss. */
export type ClaimSystem = 'ceiling' | 'claim' | 'claimAndRecord' | 'pgBoss';

/** The ceiling's minimal job table. */
export const CEILING_TABLE = 'bench_ceiling_jobs';

/** pg-boss's queue for the comparison. */
export const PG_BOSS_QUEUE = 'bench-publish';

/** Parent → worker: drain `system`'s due jobs, `batch` at a time. */
export interface ClaimRequest {
  system: ClaimSystem;
  batch: number;
}

/** Worker → parent: how many jobs this worker took and marked done, and how long it ran. */
export interface ClaimReply {
  jobs: number;
  ms: number;
}
