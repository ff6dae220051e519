import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';

/** Why Canva says an export failed (spec `ExportErrorCode`, platform-apis.md §9). */
export type CanvaExportErrorCode = 'license_required' | 'approval_required' | 'internal_failure';

/** A design in the simulated Canva, owned by one person (by the username they connected as). */
export interface CanvaDesign {
  id: string;
  owner: string;
  title: string;
  pageCount: number;
  createdAt: Date;
  updatedAt: Date;
  /** Usernames the design is shared with (they may open and export it too). */
  sharedWith: string[];
  /** Set to make every export of this design fail with that code (license_required spares `export_quality: regular`). */
  failExportsWith: CanvaExportErrorCode | null;
  /** Pages (1-based) whose exported file the CDN serves cut short, as a damaged object would arrive. */
  damagedPages: number[];
}

/** An export job as Canva keeps it: in progress until its time is up and it has been polled enough, then done. */
export interface CanvaExport {
  id: string;
  designId: string;
  owner: string;
  format: Record<string, unknown> & { type: string };
  /** 1-based pages in the export (all pages when the request named none). */
  pages: number[];
  readyAt: number;
  pollsLeft: number;
  outcome: { status: 'success'; files: number } | { status: 'failed'; code: CanvaExportErrorCode };
}

/** Canva's API error shape: `{code, message}` (spec `Error`). */
export function canvaError(ctx: Context, status: number, code: string, message: string): void {
  ctx.status = status;
  ctx.body = { code, message };
}

/** The body of an injected fault, as Canva would answer that status. */
export function faultBody(status: number): { code: string; message: string } {
  if (status === 401) return { code: 'invalid_access_token', message: 'Access token is invalid' };
  if (status === 429) return { code: 'too_many_requests', message: 'Too many requests, try again later.' };
  return { code: 'internal_failure', message: 'Something went wrong on our end.' };
}

/** Canva's user and team ids look like `oUnPjZ2k2yuhftbWF7873o`: 22 URL-safe characters, stable per username. */
export function canvaIds(username: string): { userId: string; teamId: string } {
  const id = (salt: string) => `o${createHash('sha256').update(`${salt}:${username}`).digest('base64url').replace(/[-_]/g, 'x').slice(0, 21)}`;
  return { userId: id('user'), teamId: id('team') };
}

/** What tests may tune: how long exports take and how long download links live. */
export interface CanvaTiming {
  /** An export stays in_progress at least this long … */
  exportMs: number;
  /** … and for at least this many status reads. */
  exportPolls: number;
  /** Download URLs expire after this (Canva: 24 h). */
  downloadTtlMs: number;
  /** A design's thumbnail URL expires after this (Canva: 15 minutes). */
  thumbnailTtlMs: number;
}

/**
 * The simulated Canva's data and levers: designs (added by tests, or made on demand in sandbox mode),
 * export jobs, every API request seen (to count calls) and the tokens revoked.
 */
export function createWorld(timing: Partial<CanvaTiming> = {}) {
  const designs = new Map<string, CanvaDesign>();
  const exports = new Map<string, CanvaExport>();
  const requests: Array<{ method: string; path: string }> = [];
  // The CDN's signing key: download and thumbnail links are signed, expiring addresses, as Canva's are.
  const secret = randomBytes(32);
  const signature = (path: string, expires: number) => createHmac('sha256', secret).update(`${path}:${expires}`).digest('base64url');
  const world = {
    designs,
    exports,
    requests,
    timing: { exportMs: 0, exportPolls: 1, downloadTtlMs: 24 * 3600 * 1000, thumbnailTtlMs: 15 * 60 * 1000, ...timing } as CanvaTiming,
    /** The query that signs `path` on the CDN until `expires` (ms since the epoch). */
    signedQuery(path: string, expires: number): string {
      return `expires=${expires}&signature=${signature(path, expires)}`;
    },
    /** Whether a CDN request for `path` carries a valid signature: 'ok', 'forged' or 'expired'. */
    checkSignature(path: string, query: { expires?: unknown; signature?: unknown }): 'ok' | 'forged' | 'expired' {
      const expires = Number(query.expires);
      const given = Buffer.from(String(query.signature ?? ''));
      const wanted = Buffer.from(signature(path, expires));
      if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return 'forged';
      return expires > Date.now() ? 'ok' : 'expired';
    },
    /** Tokens revoked through POST /v1/oauth/revoke, in order. */
    revokedTokens: [] as string[],
    /** A design id like Canva's (`DAFVztcvd9z`: "DA" and 9 URL-safe characters). */
    newDesignId: () => `DA${randomBytes(8).toString('base64url').replace(/[-_]/g, 'Q').slice(0, 9)}`,
    /** Adds a design owned by `owner` (a username); returns it. */
    addDesign(owner: string, patch: Partial<Omit<CanvaDesign, 'owner'>> = {}): CanvaDesign {
      const now = new Date();
      const design: CanvaDesign = { id: world.newDesignId(), owner, title: 'Untitled design', pageCount: 1, createdAt: now, updatedAt: now, sharedWith: [], failExportsWith: null, damagedPages: [], ...patch };
      designs.set(design.id, design);
      return design;
    },
    /** Makes every later export of `designId` fail with `code` (null: succeed again). */
    failExports(designId: string, code: CanvaExportErrorCode | null): void {
      const design = designs.get(designId);
      if (!design) throw new Error(`no design ${designId}`);
      design.failExportsWith = code;
    },
    /**
     * The design `id` as `username` asks for it. In sandbox mode (`autoCreate`) any well-formed id someone
     * pastes that nobody has yet becomes their design, so a made-up canva.com link imports something.
     */
    designFor(id: string, username: string, autoCreate: boolean): CanvaDesign | undefined {
      const found = designs.get(id);
      if (found || !autoCreate || !/^[A-Za-z0-9_-]{5,50}$/.test(id)) return found;
      return world.addDesign(username, { id, title: `Sandbox design ${id}`, pageCount: 2 });
    },
    /** How many API requests matched `method` and `path` (a pattern over the path below /rest, e.g. /^\/v1\/exports\//). */
    calls(method: string, path: RegExp): number {
      return requests.filter((request) => request.method === method && path.test(request.path)).length;
    },
  };
  return world;
}

export type World = ReturnType<typeof createWorld>;
