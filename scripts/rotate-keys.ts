/**
 * `npm run rotate-keys`: seals every stored network and integration token again with the current key,
 * the first of TOKEN_ENCRYPTION_KEYS (P26). Rotation: put a new `id:key` first and keep the old one after
 * it, restart the service, run this, then remove the old key (this says when it is no longer used).
 * Safe while the service runs; run it again after a failure.
 */
import { reencryptTokens } from '../service/actions/reencrypt-tokens.js';
import { withDatabase } from './lib/with-database.js';

await withDatabase(async (db, config) => {
  console.log(`Re-encrypting stored tokens with key "${config.tokenKeys[0]!.id}"…`);
  const result = await reencryptTokens(db.knex, config.tokenKeys, ({ table, done, total }) => {
    console.log(`  ${table}: ${done}/${total}`);
  });
  const count = Object.values(result.reencrypted).reduce((sum, n) => sum + n, 0);
  console.log(`Re-encrypted ${count} row(s)${result.skipped > 0 ? `; ${result.skipped} changed meanwhile (already on the current key or gone)` : ''}.`);
  for (const problem of result.problems) console.error(`  ${problem.code} ${problem.table} ${problem.id}: ${problem.message}`);
  const unused = config.tokenKeys.slice(1).map((key) => key.id).filter((id) => !result.stillUsed.includes(id));
  if (result.stillUsed.length > 0) console.log(`Still in use, keep in TOKEN_ENCRYPTION_KEYS: ${result.stillUsed.join(', ')}.`);
  if (unused.length > 0) console.log(`No longer used, safe to remove from TOKEN_ENCRYPTION_KEYS: ${unused.join(', ')}.`);
  if (result.problems.length > 0) process.exitCode = 1;
});
