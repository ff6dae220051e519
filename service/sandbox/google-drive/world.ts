import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import { pdf } from '../../media/testing/fixtures.js';
import { googleErrorBody } from '../networks/youtube/world.js';
import { generatedMd5 } from './content.js';

/** A made-up Google account of the Drive simulator. */
export interface DrivePerson {
  email: string;
  displayName: string;
  /** Drive's stable per-user id in permissions (digits, like the real ones). */
  permissionId: string;
}

/** Google Workspace ("Docs Editors") types, which are exported, never downloaded. */
export const WORKSPACE_TYPES = {
  document: 'application/vnd.google-apps.document',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
  presentation: 'application/vnd.google-apps.presentation',
  drawing: 'application/vnd.google-apps.drawing',
} as const;

/** A file in the simulated Drive. */
export interface DriveFile {
  id: string;
  /** Owner's email. */
  owner: string;
  name: string;
  mimeType: string;
  /**
   * The bytes: held (small files), generated on demand from a seed (large files, never held), or none
   * (Workspace files, which only export).
   */
  content: { kind: 'bytes'; bytes: Buffer } | { kind: 'generated'; size: number; seed: number } | { kind: 'workspace' };
  /** Emails the file is shared with (they see it too, under drive.readonly or once picked under drive.file). */
  sharedWith: string[];
  /** false: the owner stopped viewers downloading (capabilities.canDownload; 403 cannotDownloadFile). */
  canDownload: boolean;
  /** A Workspace file whose export exceeds Drive's 10 MB limit (403 exportSizeLimitExceeded). */
  exportTooLarge: boolean;
  /** Whether Drive made a thumbnail of it (`hasThumbnail`; Drive makes none for some types). */
  hasThumbnail: boolean;
  createdTime: Date;
  modifiedTime: Date;
}

/** Drive's error shape (`{error: {code, message, errors: [{message, domain, reason, location?, locationType?}]}}`). */
export function driveError(ctx: Context, status: number, reason: string, message: string, location?: { location: string; locationType: 'parameter' | 'header' }): void {
  const body = googleErrorBody(status, reason, message);
  if (location) Object.assign(body.error.errors[0]!, location);
  ctx.status = status;
  ctx.body = body;
}

/** What Google answers for an injected fault status. */
export function faultBody(status: number) {
  if (status === 401) return googleErrorBody(401, 'authError', 'Invalid Credentials');
  if (status === 429) return googleErrorBody(429, 'userRateLimitExceeded', 'User Rate Limit Exceeded');
  if (status === 403) return googleErrorBody(403, 'rateLimitExceeded', 'Rate Limit Exceeded');
  return googleErrorBody(status, 'backendError', 'Backend Error');
}

/** Drive file ids: 33 URL-safe characters starting with 1, like the real ones. */
export function newFileId(): string {
  return `1${randomBytes(24).toString('base64url').slice(0, 32)}`;
}

/**
 * The simulated Drive's data and levers: people (made when someone approves the consent page or by
 * `person`), files (added by tests, a sample set per person in sandbox mode), the files each person
 * picked for the app (what drive.file may reach), every API request seen, and revoked tokens.
 */
export function createWorld() {
  const people = new Map<string, DrivePerson>();
  const files = new Map<string, DriveFile>();
  const picked = new Map<string, Set<string>>();
  const md5s = new Map<string, Promise<string>>();
  const world = {
    people,
    files,
    requests: [] as Array<{ method: string; path: string; query: Record<string, unknown> }>,
    /** Tokens revoked through POST /revoke (with the rest of their grant), in order. */
    revokedTokens: [] as string[],
    /** The person behind `email`, made on first sight (name from the email unless given). */
    person(email: string, displayName?: string): DrivePerson {
      const key = email.toLowerCase();
      const known = people.get(key);
      if (known) return known;
      const digits = BigInt(`0x${createHash('sha256').update(key).digest('hex').slice(0, 15)}`).toString().padStart(20, '0');
      const person = { email: key, displayName: displayName?.trim() || key.split('@')[0]!, permissionId: digits };
      people.set(key, person);
      return person;
    },
    /** Adds a file owned by `owner` (an email); returns it. */
    addFile(owner: string, patch: Partial<Omit<DriveFile, 'owner'>> & Pick<DriveFile, 'name' | 'mimeType' | 'content'>): DriveFile {
      const now = new Date();
      const file: DriveFile = { id: newFileId(), owner: owner.toLowerCase(), sharedWith: [], canDownload: true, exportTooLarge: false, hasThumbnail: true, createdTime: now, modifiedTime: now, ...patch };
      files.set(file.id, file);
      return file;
    },
    /**
     * The file `id` as `email` asks for it. In sandbox mode (`autoCreate`) a well-formed id that nobody has
     * becomes a PDF of theirs — not picked for the app, so under drive.file it stays "File not found"
     * until they choose it in the picker, as a real file they never picked would.
     */
    fileFor(id: string, email: string, autoCreate: boolean): DriveFile | undefined {
      const found = files.get(id);
      if (found || !autoCreate || !/^[A-Za-z0-9_-]{25,100}$/.test(id)) return found;
      return world.addFile(email, { id, name: `Sandbox file ${id.slice(0, 8)}.pdf`, mimeType: 'application/pdf', content: { kind: 'bytes', bytes: pdf() } });
    },
    /** A large binary file generated on demand (e.g. 200 MB of video) that is never held in memory. */
    addLargeFile(owner: string, size: number, name = 'large-video.mp4', mimeType = 'video/mp4'): DriveFile {
      return world.addFile(owner, { name, mimeType, content: { kind: 'generated', size, seed: randomBytes(4).readUInt32BE() } });
    },
    /** A Google Doc, Sheet, Slides deck or Drawing. */
    addWorkspaceFile(owner: string, kind: keyof typeof WORKSPACE_TYPES, name: string): DriveFile {
      return world.addFile(owner, { name, mimeType: WORKSPACE_TYPES[kind], content: { kind: 'workspace' } });
    },
    /** The person picked `fileId` in the Google Picker (or opened it with the app): drive.file now reaches it. */
    pick(email: string, fileId: string): void {
      const key = email.toLowerCase();
      picked.set(key, (picked.get(key) ?? new Set()).add(fileId));
    },
    picked(email: string, fileId: string): boolean {
      return picked.get(email.toLowerCase())?.has(fileId) ?? false;
    },
    /** A file's size in bytes (null for Workspace files, as Drive omits it). */
    sizeOf(file: DriveFile): number | null {
      return file.content.kind === 'bytes' ? file.content.bytes.length : file.content.kind === 'generated' ? file.content.size : null;
    },
    /** The MD5 of a binary file's content, computed once (streaming, for a generated file). */
    md5Of(file: DriveFile): Promise<string> | null {
      const content = file.content;
      if (content.kind === 'workspace') return null;
      let md5 = md5s.get(file.id);
      if (!md5) {
        md5 = content.kind === 'bytes' ? Promise.resolve(createHash('md5').update(content.bytes).digest('hex')) : generatedMd5(content.seed, content.size);
        md5s.set(file.id, md5);
      }
      return md5;
    },
    /** How many API requests matched `method` and `path` (a pattern over the path below /drive/v3). */
    calls(method: string, path: RegExp): number {
      return world.requests.filter((request) => request.method === method && path.test(request.path)).length;
    },
  };
  return world;
}

export type World = ReturnType<typeof createWorld>;
