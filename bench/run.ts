/**
 * `npm run bench` runs every benchmark; `npm run bench -- NAME [NAME…]` runs the named ones.
 * Each prints a table and then one JSON line per result (`{"bench": …}`) so runs can be compared.
 */
// Module paths, imported only when run. Each type-checks on its own: bench/extension.ts drives Chromium
// and is checked with the end-to-end tests (extension/e2e/tsconfig.json), the rest with the service.
const benchmarks: Record<string, string> = {
  captures: './captures.js',
  upload: './upload.js',
  'drive-import': './drive-import.js',
  publisher: './publisher.js',
  extension: './extension.js',
  sentry: './sentry.js',
  retention: './retention.js',
};

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = requested.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${Object.keys(benchmarks).join(', ')}.`);
  process.exit(2);
}
for (const name of requested.length > 0 ? requested : Object.keys(benchmarks)) {
  const benchmark = (await import(benchmarks[name]!)) as { run(): Promise<void> };
  await benchmark.run();
}
