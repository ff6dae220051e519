import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  entrypoint: string;
  files: string[];
  rawKb: number;
  gzipKb: number;
}

const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;

/**
 * The JavaScript each entrypoint of a built extension loads before it can run: an HTML page's module
 * scripts and preloads and everything they import statically, or the background's script. Dynamic
 * imports are left out (they load later, on demand). Sizes in KB, gzipped at the default level.
 */
export async function bundleSizes(extensionDir: string): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const name of (await readdir(extensionDir)).filter((file) => file.endsWith('.html')).sort()) {
    const html = await readFile(join(extensionDir, name), 'utf8');
    const roots = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((match) => join(extensionDir, match[1]!.replace(/^\//, '')));
    sizes.push(await measure(extensionDir, name.replace(/\.html$/, ''), roots));
  }
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as { background?: { service_worker?: string } };
  if (manifest.background?.service_worker) sizes.push(await measure(extensionDir, 'background', [join(extensionDir, manifest.background.service_worker)]));
  return sizes;
}

async function measure(extensionDir: string, entrypoint: string, roots: string[]): Promise<BundleSize> {
  const seen = new Set<string>();
  const queue = [...roots];
  let raw = 0;
  let gzip = 0;
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = await readFile(file);
    raw += code.length;
    gzip += gzipSync(code).length;
    for (const match of code.toString('utf8').matchAll(STATIC_IMPORT)) queue.push(resolve(dirname(file), match[1]!));
  }
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  return { entrypoint, files: [...seen].map((file) => relative(extensionDir, file)).sort(), rawKb: kb(raw), gzipKb: kb(gzip) };
}
