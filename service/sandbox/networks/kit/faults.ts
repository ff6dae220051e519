import type { Context, Next } from 'koa';

/**
 * A fault a simulator injects, as networks misbehave in practice:
 * - status: answer this status (and body) instead of doing the work (a 503, a 429 with Retry-After …);
 * - delay: wait, then do the work normally (slow network);
 * - hang: never answer (the client's timeout fires);
 * - lose-response: DO the work, then drop the connection — the post exists but the caller never hears so
 *   (the case that turns careless retries into duplicates).
 */
export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: 'delay'; ms: number }
  | { kind: 'hang' }
  | { kind: 'lose-response' };

/** Random fault rates (0–1) per request; a seed makes a run repeatable. */
export interface RandomFaults {
  serverError?: number;
  rateLimited?: number;
  hang?: number;
  loseResponse?: number;
  /** Added latency range for every request, in ms. */
  latencyMs?: [number, number];
  seed?: number;
}

/**
 * The faults planned for a simulator. Tests queue exact faults for matching requests (`next`), or set
 * random rates (`random`) for chaos runs; requests whose path does not match a queued fault's pattern
 * are served normally.
 */
export function createFaultPlan() {
  const queue: Array<{ method: string | null; path: RegExp; fault: Fault }> = [];
  let random: RandomFaults | null = null;
  let seed = 1;
  // Mulberry32: small, fast, repeatable.
  const nextRandom = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    /** Queues a fault for the next request matching `path` (and `method`, when given). */
    next(path: RegExp, fault: Fault, method: string | null = null) {
      queue.push({ method, path, fault });
    },
    random(rates: RandomFaults | null) {
      random = rates;
      seed = rates?.seed ?? 1;
    },
    clear() {
      queue.length = 0;
      random = null;
    },
    /** The faults for one request: a queued one first, else the random draw (latency + at most one failure). */
    take(method: string, path: string): Fault[] {
      const index = queue.findIndex((entry) => entry.path.test(path) && (entry.method === null || entry.method === method));
      if (index >= 0) return [queue.splice(index, 1)[0]!.fault];
      if (!random) return [];
      const faults: Fault[] = [];
      if (random.latencyMs) faults.push({ kind: 'delay', ms: random.latencyMs[0] + nextRandom() * (random.latencyMs[1] - random.latencyMs[0]) });
      const roll = nextRandom();
      let edge = 0;
      if (roll < (edge += random.serverError ?? 0)) faults.push({ kind: 'status', status: 503 });
      else if (roll < (edge += random.rateLimited ?? 0)) faults.push({ kind: 'status', status: 429, headers: { 'retry-after': '1' } });
      else if (roll < (edge += random.hang ?? 0)) faults.push({ kind: 'hang' });
      else if (roll < (edge += random.loseResponse ?? 0)) faults.push({ kind: 'lose-response' });
      return faults;
    },
  };
}

export type FaultPlan = ReturnType<typeof createFaultPlan>;

/**
 * Koa middleware applying the plan. `errorBody(status)` writes the network's own error shape for an
 * injected status (Graph's `{error:{code}}`, X's problem JSON …) so adapters classify it as they would
 * the real thing.
 */
export function applyFaults(plan: FaultPlan, errorBody: (status: number) => unknown) {
  return async (ctx: Context, next: Next) => {
    for (const fault of plan.take(ctx.method, ctx.path)) {
      if (fault.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms));
      if (fault.kind === 'hang') {
        // Hold the request until the client gives up; never answer.
        await new Promise<void>((resolve) => ctx.req.socket.once('close', resolve));
        return;
      }
      if (fault.kind === 'status') {
        ctx.status = fault.status;
        for (const [name, value] of Object.entries(fault.headers ?? {})) ctx.set(name, value);
        ctx.body = fault.body ?? errorBody(fault.status);
        return;
      }
      if (fault.kind === 'lose-response') {
        await next();
        ctx.req.socket.destroy();
        ctx.respond = false;
        return;
      }
    }
    await next();
  };
}
