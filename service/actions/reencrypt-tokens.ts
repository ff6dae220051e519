import type { Knex } from 'knex';
import type { TokenKey } from '../config.js';
import { openIntegrationTokens, sealIntegrationTokens } from '../imports/credentials.js';
import { createSealer, type Sealer } from '../lib/token-crypto.js';
import { openTokens, sealTokens } from '../platforms/credentials.js';
import { CONNECT_REQUEST_SEAL_CONTEXT } from './connect-requests.js';

/** A table holding sealed values (P26): which columns, and which column names the key that sealed them. */
interface SealedTable {
  table: string;
  keyColumn: string;
  columns: string[];
  /** Opens the row's values (any configured key) and seals them again with the current key. */
  reseal(sealer: Sealer, row: Record<string, string | null>): Record<string, string | null>;
}

/**
 * A table whose `credentials` column is sealed under the key named in `credentialsKeyId`, opened and sealed
 * by its own module (each seals with its own context).
 */
function credentialsTable<T>(
  table: string,
  open: (sealer: Sealer, row: { credentials: string; credentialsKeyId: string }) => T,
  seal: (sealer: Sealer, tokens: T) => { credentials: string; credentialsKeyId: string },
): SealedTable {
  return {
    table,
    keyColumn: 'credentialsKeyId',
    columns: ['credentials'],
    reseal(sealer, row) {
      const sealed = seal(sealer, open(sealer, { credentials: row.credentials!, credentialsKeyId: row.credentialsKeyId! }));
      return { credentials: sealed.credentials, credentialsKeyId: sealed.credentialsKeyId };
    },
  };
}

/** Every place a sealed value is stored; a new sealed column belongs here too, or rotation would miss it. */
export const SEALED_TABLES: SealedTable[] = [
  credentialsTable('connectedAccounts', openTokens, sealTokens),
  credentialsTable('integrationConnections', openIntegrationTokens, sealIntegrationTokens),
  {
    // Connections in progress (minutes long), rotated anyway so the old key can go as soon as this ends.
    table: 'connectRequests',
    keyColumn: 'keyId',
    columns: ['sealedVerifier', 'sealedChoices'],
    reseal(sealer, row) {
      const again = (ciphertext: string | null) =>
        ciphertext === null ? null : sealer.seal(sealer.open<unknown>({ ciphertext, keyId: row.keyId! }, CONNECT_REQUEST_SEAL_CONTEXT), CONNECT_REQUEST_SEAL_CONTEXT).ciphertext;
      return { sealedVerifier: again(row.sealedVerifier ?? null), sealedChoices: again(row.sealedChoices ?? null), keyId: sealer.currentKeyId };
    },
  },
];

/** A row that could not be re-encrypted (it keeps its old key; nothing else is affected). */
export interface ReencryptProblem {
  table: string;
  id: string;
  /** `token_key_missing`: its key id is not in TOKEN_ENCRYPTION_KEYS; `token_unreadable`: the key does not open it. */
  code: 'token_key_missing' | 'token_unreadable';
  message: string;
}

export interface ReencryptProgress {
  table: string;
  /** Rows handled so far in this table (re-encrypted, skipped or failed). */
  done: number;
  /** Rows on another key when the table was started. */
  total: number;
}

export interface ReencryptResult {
  currentKeyId: string;
  /** Per table: rows sealed again with the current key. */
  reencrypted: Record<string, number>;
  /** Rows changed or deleted while being handled (a writer sealed them with the current key, or removed them). */
  skipped: number;
  problems: ReencryptProblem[];
  /** Key ids still in use by some row after this run (the current one excepted): these must stay configured. */
  stillUsed: string[];
}

const BATCH = 200;

/**
 * Seals every stored token again with the current key (the first of TOKEN_ENCRYPTION_KEYS); the other
 * configured keys open the old ones. Safe while the service runs: each row is updated only if it still
 * holds what was read (a token refresh meanwhile wins, and already used the current key). Re-runnable.
 */
export async function reencryptTokens(
  knex: Knex,
  keys: readonly TokenKey[],
  onProgress: (progress: ReencryptProgress) => void = () => {},
): Promise<ReencryptResult> {
  const sealer = createSealer(keys);
  const configured = new Set(keys.map((key) => key.id));
  const result: ReencryptResult = { currentKeyId: sealer.currentKeyId, reencrypted: {}, skipped: 0, problems: [], stillUsed: [] };
  for (const spec of SEALED_TABLES) {
    const pending = knex(spec.table).whereNotNull(spec.keyColumn).whereNot(spec.keyColumn, sealer.currentKeyId);
    const [counted] = (await pending.clone().count({ count: '*' })) as Array<{ count: string | number }>;
    const total = Number(counted?.count ?? 0);
    let done = 0;
    let lastId = '';
    result.reencrypted[spec.table] = 0;
    onProgress({ table: spec.table, done, total });
    for (;;) {
      // Paging by id (not "whatever is still on an old key") so a row that fails is not read again forever.
      const page = pending.clone();
      if (lastId) page.where('id', '>', lastId);
      const rows = (await page
        .orderBy('id')
        .limit(BATCH)
        .select('id', spec.keyColumn, ...spec.columns)) as Array<Record<string, string | null> & { id: string }>;
      if (rows.length === 0) break;
      for (const row of rows) {
        lastId = row.id;
        done += 1;
        const keyId = row[spec.keyColumn]!;
        if (!configured.has(keyId)) {
          result.problems.push({ table: spec.table, id: row.id, code: 'token_key_missing', message: `Sealed with key "${keyId}", which is not in TOKEN_ENCRYPTION_KEYS: add it back (after the current key) and run again.` });
          continue;
        }
        let next: Record<string, string | null>;
        try {
          next = spec.reseal(sealer, row);
        } catch (error) {
          result.problems.push({ table: spec.table, id: row.id, code: 'token_unreadable', message: `Key "${keyId}" does not open it (${error instanceof Error ? error.message : String(error)}): the key's value changed, or the row was altered.` });
          continue;
        }
        const unchanged = knex(spec.table).where('id', row.id).where(spec.keyColumn, keyId);
        for (const column of spec.columns) unchanged.where(column, row[column] ?? null);
        const updated = await unchanged.update(next);
        if (updated === 1) result.reencrypted[spec.table]! += 1;
        else result.skipped += 1;
      }
      onProgress({ table: spec.table, done, total });
    }
    const used = (await knex(spec.table).whereNotNull(spec.keyColumn).whereNot(spec.keyColumn, sealer.currentKeyId).distinct(spec.keyColumn)) as Array<Record<string, string>>;
    for (const row of used) if (!result.stillUsed.includes(row[spec.keyColumn]!)) result.stillUsed.push(row[spec.keyColumn]!);
  }
  return result;
}
