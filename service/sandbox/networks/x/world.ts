import type { Context } from 'koa';
import type { SimPerson } from '../kit/directory.js';
import type { NetworkSimulator } from '../kit/types.js';

/** A chunked upload (`/2/media/upload/initialize` → append → finalize), as X keeps it. */
export interface SimUpload {
  id: string;
  mediaKey: string;
  owner: string;
  mediaType: string;
  category: string;
  totalBytes: number;
  /** Bytes received per segment index. */
  segments: Map<number, number>;
  /** When finalize was called; null while appending. */
  finalizedAt: number | null;
  expiresAt: number;
}

/** How long an upload stays usable (X: `expires_after_secs` = 24 h). */
export const UPLOAD_TTL_SECONDS = 86_400;

/** An RFC 7807 problem, X API v2's error shape. `type` is a problem name (`usage-capped`) or about:blank. */
export function xProblem(ctx: Context, status: number, title: string, detail: string, type = 'about:blank'): void {
  ctx.status = status;
  ctx.type = 'application/problem+json';
  ctx.body = { title, detail, type: type === 'about:blank' ? type : `https://api.x.com/2/problems/${type}`, status };
}

/** The body of an injected fault, as X would answer that status. */
export function faultBody(status: number): unknown {
  const titles: Record<number, string> = { 401: 'Unauthorized', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };
  const title = titles[status] ?? 'Error';
  return { title, detail: title, type: 'about:blank', status };
}

/**
 * The simulated X's data besides the posts: uploads, and ids shaped like X's (19-digit snowflakes,
 * `^[0-9]{1,19}$` in the spec), increasing with time as snowflakes do.
 */
export function createXWorld(options: { videoProcessingMs: number }) {
  const uploads = new Map<string, SimUpload>();
  let next = 1_900_000_000_000_000_000n;
  return {
    uploads,
    videoProcessingMs: options.videoProcessingMs,
    newId: () => (next += 1_031n).toString(),
    /** pending/in_progress/succeeded for videos and GIFs, which X transcodes; null (nothing to wait for) for images. */
    processingState(upload: SimUpload): 'in_progress' | 'succeeded' | null {
      if (upload.category === 'tweet_image') return null;
      return upload.finalizedAt !== null && Date.now() - upload.finalizedAt >= options.videoProcessingMs ? 'succeeded' : 'in_progress';
    },
  };
}

export type XWorld = ReturnType<typeof createXWorld>;

/**
 * Wraps an API handler: the bearer token must be live and carry `scope`; the handler gets the person.
 * A dead token gets X's 401 problem; a token without the scope the 403 X answers for it.
 */
export function authed(sim: Pick<NetworkSimulator, 'store' | 'directory'>, scope: string, handler: (ctx: Context, person: SimPerson) => unknown) {
  return async (ctx: Context) => {
    const auth = sim.store.authenticate(ctx.get('authorization'));
    const person = auth.ok ? sim.directory.get(auth.grant.subject) : undefined;
    if (!auth.ok || !person) return xProblem(ctx, 401, 'Unauthorized', 'Unauthorized');
    if (!auth.grant.scopes.includes(scope)) {
      return xProblem(ctx, 403, 'Unsupported Authentication', `This endpoint needs the ${scope} scope, which the token was not granted.`, 'unsupported-authentication');
    }
    await handler(ctx, person);
  };
}
