/**
 * `npm run build`: the compiled service in dist/ (run with plain `node`, no TypeScript at run time) and the
 * extension's store zips for Chrome and Firefox in .output/ (versioned from package.json's version).
 * `--service` builds only the service, `--extension` only the zips.
 *
 * The service is compiled file by file, keeping the source tree (dist/service, dist/shared, dist/scripts,
 * dist/migrations) rather than bundled into one file: code that finds files next to itself through
 * `import.meta.url` (migrations/, the bundled legal documents) then finds them in dist/ the same way.
 * Packages stay in node_modules (deploy the repository's node_modules next to dist/, `npm ci --omit=dev`).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { MIGRATION_FILE } from '../service/db/migration-source.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = join(ROOT, 'dist');

/** What production runs: the service and the operator's commands (see README "Scripts" and "Deploy"). */
export const SERVICE_ENTRY_POINTS = [
  'service/main.ts',
  'scripts/migrate.ts',
  'scripts/legal.ts',
  'scripts/breach.ts',
  'scripts/privacy-requests.ts',
  'scripts/rotate-keys.ts',
];

/** Files read at run time by path, copied as they are (relative to the repository). */
const ASSETS = ['service/legal/documents'];

/**
 * Compiles the service into `outDir` (default dist/, emptied first); returns how many files it wrote.
 * Outside the repository, `outDir` needs a node_modules (e.g. a link to the repository's) next to it or above.
 */
export async function buildService(outDir: string = DIST): Promise<number> {
  rmSync(outDir, { recursive: true, force: true });
  // 1. Which of our files production loads: esbuild follows the imports (and `#shared/*`) without writing.
  const graph = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: SERVICE_ENTRY_POINTS,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    write: false,
    metafile: true,
    outdir: outDir,
    logLevel: 'error',
  });
  const sources = Object.keys(graph.metafile.inputs).filter((file) => /^(service|shared|scripts)\/.*\.tsx?$/.test(file));
  // 2. Every migration (loaded by name from migrations/, so no import leads to them).
  const migrations = readdirSync(join(ROOT, 'migrations'))
    .filter((file) => MIGRATION_FILE.test(file))
    .map((file) => `migrations/${file}`);
  // 3. Each file compiled on its own, same relative place; imports already name `.js` files (NodeNext).
  await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [...sources, ...migrations],
    outbase: '.',
    outdir: outDir,
    bundle: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    sourcemap: 'linked',
    logLevel: 'error',
  });
  for (const asset of ASSETS) cpSync(join(ROOT, asset), join(outDir, asset), { recursive: true });
  // dist/ is its own package: ES modules, and `#shared/*` pointing at the compiled shared code.
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; imports: Record<string, string> };
  writeFileSync(
    join(outDir, 'package.json'),
    `${JSON.stringify({ name: `${pkg.name}-service`, version: pkg.version, private: true, type: 'module', imports: pkg.imports }, null, 2)}\n`,
  );
  return sources.length + migrations.length;
}

/**
 * `wxt zip` for Chrome and Firefox (Firefox also gets the sources zip AMO asks for), as the stores take
 * them: without the manifest `key` the Chrome Web Store refuses (see wxt.config.ts).
 */
export function buildExtension(): void {
  for (const args of [['zip'], ['zip', '-b', 'firefox']]) {
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), ...args], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, MINOPA_STORE_BUILD: '1' },
    });
    if (run.status !== 0) throw new Error(`wxt ${args.join(' ')} failed (exit ${run.status ?? run.signal})`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const onlyService = process.argv.includes('--service');
  const onlyExtension = process.argv.includes('--extension');
  const unknown = process.argv.slice(2).filter((arg) => !['--', '--service', '--extension'].includes(arg));
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown.join(' ')}. Usage: npm run build [-- --service | --extension]`);
    process.exit(2);
  }
  if (!onlyExtension) {
    const started = Date.now();
    const files = await buildService();
    console.log(`Service: ${files} files compiled into ${relative(process.cwd(), DIST) || '.'}/ in ${Date.now() - started} ms (run: node dist/service/main.js)`);
  }
  if (!onlyService) buildExtension();
}
