import type Router from '@koa/router';
import type { Context } from 'koa';
import type { AppState } from '../../context.js';
import { jpeg, pdf, png } from '../../media/testing/fixtures.js';
import type { OAuthStore } from '../networks/kit/oauth-store.js';
import { generatedRange, parseRange } from './content.js';
import { selectFields } from './fields.js';
import { DRIVE_PATHS, DRIVE_SCOPES } from './paths.js';
import { driveError, type DriveFile, type DrivePerson, WORKSPACE_TYPES, type World } from './world.js';

const API = DRIVE_PATHS.api;
const GB = 1024 ** 3;
const SEES_ALL: string[] = [DRIVE_SCOPES.full, DRIVE_SCOPES.readonly, DRIVE_SCOPES.metadataReadonly];
const READS_CONTENT: string[] = [DRIVE_SCOPES.full, DRIVE_SCOPES.readonly, DRIVE_SCOPES.file];

/** What each Workspace type exports to here (a subset of Drive's exportFormats: the ones served as real bytes). */
const EXPORTS: Record<string, string[]> = {
  [WORKSPACE_TYPES.document]: ['application/pdf', 'text/plain'],
  [WORKSPACE_TYPES.spreadsheet]: ['application/pdf', 'text/csv'],
  [WORKSPACE_TYPES.presentation]: ['application/pdf', 'image/png', 'image/jpeg', 'image/svg+xml'],
  [WORKSPACE_TYPES.drawing]: ['application/pdf', 'image/png', 'image/jpeg', 'image/svg+xml'],
};

interface Caller {
  person: DrivePerson;
  scopes: string[];
}

/** Wraps a Drive handler: a live bearer token with some Drive scope, else Google's 401 authError / 403 insufficientPermissions. */
function authed(sim: { store: OAuthStore; world: World }, handler: (ctx: Context, caller: Caller) => unknown) {
  return async (ctx: Context) => {
    const auth = sim.store.authenticate(ctx.get('authorization'));
    if (!auth.ok) {
      ctx.set('WWW-Authenticate', 'Bearer realm="https://accounts.google.com/", error="invalid_token"');
      return driveError(ctx, 401, 'authError', 'Invalid Credentials', { location: 'Authorization', locationType: 'header' });
    }
    if (!auth.grant.scopes.some((scope) => SEES_ALL.includes(scope) || scope === DRIVE_SCOPES.file)) {
      return driveError(ctx, 403, 'insufficientPermissions', 'Request had insufficient authentication scopes.');
    }
    await handler(ctx, { person: sim.world.person(auth.grant.subject), scopes: auth.grant.scopes });
  };
}

/**
 * The file `id` as `caller` may reach it: owned by or shared with them, and — when drive.file is their
 * only Drive scope — picked by them for the app. Anything else is "File not found", as Drive answers.
 */
function reach(world: World, caller: Caller, id: string, autoCreate = false): DriveFile | null {
  const file = world.fileFor(id, caller.person.email, autoCreate);
  if (!file || (file.owner !== caller.person.email && !file.sharedWith.includes(caller.person.email))) return null;
  if (!caller.scopes.some((scope) => SEES_ALL.includes(scope)) && !world.picked(caller.person.email, id)) return null;
  return file;
}

const notFound = (ctx: Context, id: string) => driveError(ctx, 404, 'notFound', `File not found: ${id}.`, { location: 'fileId', locationType: 'parameter' });

/** Applies `fields` as Google does; false (and a 400 sent) when the selector is malformed. */
function respond(ctx: Context, resource: Record<string, unknown>, defaults: string[]): void {
  const fields = typeof ctx.query.fields === 'string' ? ctx.query.fields : null;
  const selected = fields === null ? Object.fromEntries(defaults.filter((name) => name in resource).map((name) => [name, resource[name]])) : selectFields(resource, fields);
  if (!selected) return driveError(ctx, 400, 'invalidParameter', `Invalid field selection ${fields}`, { location: 'fields', locationType: 'parameter' });
  ctx.body = selected;
}

/**
 * Drive v3's about.get (fields required), files.list (what the token reaches; a subset of `q`), files.get (metadata with `fields`, or `alt=media` content with
 * single-range support, streamed — a generated 200 MB file is never held) and files.export (Workspace
 * files to PDF, PNG, JPEG, SVG, text or CSV; 10 MB limit as `exportSizeLimitExceeded`).
 */
export function registerFiles(router: Router<AppState>, sim: { store: OAuthStore; world: World }, options: { baseUrl: string; autoCreateFiles: boolean }): void {
  const { world } = sim;

  const userJson = (person: DrivePerson, me: boolean) => ({ kind: 'drive#user', displayName: person.displayName, emailAddress: person.email, me, permissionId: person.permissionId, photoLink: `${options.baseUrl}/photo/${person.permissionId}.png` });

  const fileJson = async (file: DriveFile, caller: Caller, wantMd5: boolean) => {
    const size = world.sizeOf(file);
    const workspace = file.content.kind === 'workspace';
    const owner = world.person(file.owner);
    const resource: Record<string, unknown> = {
      kind: 'drive#file',
      id: file.id,
      name: file.name,
      mimeType: file.mimeType,
      createdTime: file.createdTime.toISOString(),
      modifiedTime: file.modifiedTime.toISOString(),
      trashed: false,
      owners: [userJson(owner, owner.email === caller.person.email)],
      ownedByMe: owner.email === caller.person.email,
      shared: file.sharedWith.length > 0,
      webViewLink: workspace ? `https://docs.google.com/${file.mimeType.split('.').pop()}/d/${file.id}/edit?usp=drivesdk` : `https://drive.google.com/file/d/${file.id}/view?usp=drivesdk`,
      iconLink: `https://drive-thirdparty.googleusercontent.com/16/type/${file.mimeType}`,
      hasThumbnail: file.hasThumbnail,
      capabilities: { canDownload: file.canDownload, canEdit: false, canCopy: file.canDownload, canShare: false },
    };
    // "Only populated when the requesting app can access the file's content" (files resource, thumbnailLink).
    if (file.hasThumbnail && caller.scopes.some((scope) => READS_CONTENT.includes(scope))) resource.thumbnailLink = `${options.baseUrl}${DRIVE_PATHS.thumbnails}/${file.id}=s220`;
    if (workspace) {
      resource.exportLinks = Object.fromEntries((EXPORTS[file.mimeType] ?? []).map((type) => [type, `https://docs.google.com/feeds/download/export?id=${file.id}&exportFormat=${type.split('/')[1]}`]));
    } else {
      resource.size = String(size);
      resource.webContentLink = `https://drive.google.com/uc?id=${file.id}&export=download`;
      const extension = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1];
      if (extension) Object.assign(resource, { fileExtension: extension, fullFileExtension: extension });
      if (wantMd5) resource.md5Checksum = await world.md5Of(file);
    }
    return resource;
  };

  router.get(
    `${API}/about`,
    authed(sim, (ctx, caller) => {
      if (typeof ctx.query.fields !== 'string' || ctx.query.fields === '') {
        return driveError(ctx, 400, 'required', "The 'fields' parameter is required for this method.", { location: 'fields', locationType: 'parameter' });
      }
      const usage = [...world.files.values()].filter((file) => file.owner === caller.person.email).reduce((sum, file) => sum + (world.sizeOf(file) ?? 0), 0);
      respond(ctx, {
        kind: 'drive#about',
        user: userJson(caller.person, true),
        storageQuota: { limit: String(15 * GB), usage: String(usage), usageInDrive: String(usage), usageInDriveTrash: '0' },
        maxUploadSize: String(5120 * GB),
        appInstalled: true,
      }, []);
    }),
  );

  router.get(
    `${API}/files`,
    authed(sim, async (ctx, caller) => {
      const filter = parseQuery(typeof ctx.query.q === 'string' ? ctx.query.q : '', caller.person.email);
      if (!filter) return driveError(ctx, 400, 'invalid', 'Invalid Value', { location: 'q', locationType: 'parameter' });
      const pageSize = Math.min(1000, Math.max(1, Number(ctx.query.pageSize ?? 100)));
      const offset = typeof ctx.query.pageToken === 'string' ? Number(Buffer.from(ctx.query.pageToken, 'base64url').toString()) : 0;
      if (!Number.isInteger(offset) || offset < 0) return driveError(ctx, 400, 'invalid', 'Invalid Value', { location: 'pageToken', locationType: 'parameter' });
      const reachable = [...world.files.values()]
        .filter((file) => reach(world, caller, file.id) && filter(file))
        .sort((a, b) => b.modifiedTime.getTime() - a.modifiedTime.getTime());
      const page = reachable.slice(offset, offset + pageSize);
      const fields = typeof ctx.query.fields === 'string' ? ctx.query.fields : null;
      const files = await Promise.all(page.map((file) => fileJson(file, caller, /md5Checksum|\*/.test(fields ?? ''))));
      const list: Record<string, unknown> = {
        kind: 'drive#fileList',
        incompleteSearch: false,
        // Without `fields`, Drive lists each file's kind, id, name and mimeType.
        files: fields === null ? files.map((file) => ({ kind: file.kind, id: file.id, name: file.name, mimeType: file.mimeType })) : files,
        ...(offset + pageSize < reachable.length ? { nextPageToken: Buffer.from(String(offset + pageSize)).toString('base64url') } : {}),
      };
      respond(ctx, list, ['kind', 'incompleteSearch', 'files', 'nextPageToken']);
    }),
  );

  router.get(
    `${API}/files/:fileId`,
    authed(sim, async (ctx, caller) => {
      const id = ctx.params.fileId ?? '';
      const file = reach(world, caller, id, options.autoCreateFiles);
      if (!file) return notFound(ctx, id);
      if (ctx.query.alt !== 'media') {
        const fields = typeof ctx.query.fields === 'string' ? ctx.query.fields : '';
        return respond(ctx, await fileJson(file, caller, /md5Checksum|\*/.test(fields)), ['kind', 'id', 'name', 'mimeType']);
      }
      if (!caller.scopes.some((scope) => READS_CONTENT.includes(scope))) return driveError(ctx, 403, 'insufficientPermissions', 'Insufficient Permission: Request had insufficient authentication scopes.');
      if (file.content.kind === 'workspace') {
        return driveError(ctx, 403, 'fileNotDownloadable', 'Only files with binary content can be downloaded. Use Export with Docs Editors files.', { location: 'alt', locationType: 'parameter' });
      }
      if (!file.canDownload) return driveError(ctx, 403, 'cannotDownloadFile', 'The user does not have sufficient permissions to download this file.');
      sendContent(ctx, file);
    }),
  );

  router.get(
    `${API}/files/:fileId/export`,
    authed(sim, async (ctx, caller) => {
      const id = ctx.params.fileId ?? '';
      const file = reach(world, caller, id);
      if (!file) return notFound(ctx, id);
      if (!caller.scopes.some((scope) => READS_CONTENT.includes(scope))) return driveError(ctx, 403, 'insufficientPermissions', 'Insufficient Permission: Request had insufficient authentication scopes.');
      if (file.content.kind !== 'workspace') return driveError(ctx, 403, 'fileNotExportable', 'Export only supports Docs Editors files.');
      const mimeType = String(ctx.query.mimeType ?? '');
      if (!(EXPORTS[file.mimeType] ?? []).includes(mimeType)) {
        return driveError(ctx, 400, 'badRequest', 'The requested conversion is not supported.', { location: 'mimeType', locationType: 'parameter' });
      }
      if (file.exportTooLarge) return driveError(ctx, 403, 'exportSizeLimitExceeded', 'This file is too large to be exported.');
      ctx.type = mimeType;
      ctx.body = await exportBytes(file, mimeType);
    }),
  );

  // A thumbnailLink of a file not shared publicly "must be fetched using a credentialed request": the
  // caller's token must reach the file and read its content, else Google's image host answers 403.
  router.get(`${DRIVE_PATHS.thumbnails}/:thumbnail`, async (ctx) => {
    const auth = sim.store.authenticate(ctx.get('authorization'));
    const id = /^([A-Za-z0-9_-]+)=s\d+$/.exec(ctx.params.thumbnail ?? '')?.[1] ?? '';
    const caller = auth.ok ? { person: world.person(auth.grant.subject), scopes: auth.grant.scopes } : null;
    const file = caller && caller.scopes.some((scope) => READS_CONTENT.includes(scope)) ? reach(world, caller, id) : null;
    if (!file?.hasThumbnail) {
      ctx.status = 403;
      ctx.type = 'text/html';
      ctx.body = '<html><body>Error 403 (Forbidden)</body></html>';
      return;
    }
    ctx.type = 'image/png';
    ctx.set('Cache-Control', 'private, max-age=86400');
    ctx.body = await png(220, 124);
  });
  router.get('/photo/:file', async (ctx) => {
    ctx.type = 'image/png';
    ctx.body = await png(96, 96);
  });
}

/**
 * The subset of Drive's search language (`q`) the simulator understands, clauses joined by `and`:
 * `trashed = false`, `mimeType = '…'` (or `!=`), `mimeType contains '…'`, `name contains '…'`,
 * `'me' in owners` (or an email). Null for anything else (Drive's 400 "Invalid Value").
 */
function parseQuery(q: string, me: string): ((file: DriveFile) => boolean) | null {
  if (q.trim() === '') return () => true;
  const tests: Array<(file: DriveFile) => boolean> = [];
  for (const clause of q.trim().split(/\s+and\s+/i)) {
    let match: RegExpExecArray | null;
    if ((match = /^trashed\s*=\s*(true|false)$/.exec(clause))) {
      const trashed = match[1] === 'true';
      tests.push(() => !trashed);
    } else if ((match = /^mimeType\s*(=|!=)\s*'([^']*)'$/.exec(clause))) {
      const [, op, value] = match;
      tests.push((file) => (file.mimeType === value) === (op === '='));
    } else if ((match = /^(mimeType|name)\s+contains\s+'([^']*)'$/.exec(clause))) {
      const [, field, value] = match;
      tests.push((file) => (field === 'name' ? file.name.toLowerCase().includes(value!.toLowerCase()) : file.mimeType.includes(value!)));
    } else if ((match = /^'([^']+)'\s+in\s+owners$/.exec(clause))) {
      const owner = match[1] === 'me' ? me : match[1]!.toLowerCase();
      tests.push((file) => file.owner === owner);
    } else {
      return null;
    }
  }
  return (file) => tests.every((test) => test(file));
}

/** Streams a binary file's content, whole (200) or one range (206), as Google's media download does. */
function sendContent(ctx: Context, file: DriveFile): void {
  const content = file.content;
  if (content.kind === 'workspace') return;
  const size = content.kind === 'bytes' ? content.bytes.length : content.size;
  const range = parseRange(ctx.get('range') || undefined, size);
  if (range === 'unsatisfiable') {
    ctx.status = 416;
    ctx.set('Content-Range', `bytes */${size}`);
    ctx.body = 'Request range not satisfiable';
    return;
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  ctx.status = range ? 206 : 200;
  if (range) ctx.set('Content-Range', `bytes ${start}-${end}/${size}`);
  ctx.set('Accept-Ranges', 'bytes');
  ctx.type = file.mimeType;
  ctx.length = end - start + 1;
  ctx.body = content.kind === 'bytes' ? content.bytes.subarray(start, end + 1) : generatedRange(content.seed, start, end);
}

async function exportBytes(file: DriveFile, mimeType: string): Promise<Buffer> {
  switch (mimeType) {
    case 'application/pdf':
      return pdf();
    case 'image/png':
      return png(960, 540);
    case 'image/jpeg':
      return jpeg(960, 540);
    case 'image/svg+xml':
      return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540"><rect width="960" height="540" fill="#c85028"/></svg>`);
    case 'text/csv':
      return Buffer.from(`name,value\n${file.name.replaceAll(',', ' ')},1\n`);
    default:
      return Buffer.from(`${file.name}\n\nA sandbox document.\n`);
  }
}
