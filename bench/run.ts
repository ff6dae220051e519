/**
 * `npm run bench` runs every benchmark; `npm run bench -- NAME [NAME…]` runs the named ones.
 * Each prints a table and then one JSON line per result (`{"bench": …}`) so runs can be compared.
 */
const benchmarks: Record<string, () => Promise<void>> = {
  captures: async () => (await import('./captures.js')).run(),
  upload: async () => (await import('./upload.js')).run(),
  publisher: async () => (await import('./publisher.js')).run(),
};

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = requested.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${Object.keys(benchmarks).join(', ')}.`);
  process.exit(2);
}
for (const name of requested.length > 0 ? requested : Object.keys(benchmarks)) {
  await benchmarks[name]!();
}
