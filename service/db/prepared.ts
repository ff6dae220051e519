import type { Knex } from 'knex';

interface PgConnection {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/**
 * Runs a named prepared statement on a connection from knex's pool (or a transaction's connection
 * when `knex` is a transaction). PostgreSQL parses and plans it once per connection instead of on every
 * request, which is what the hot paths (authenticating a request, inserting a capture) spend most of
 * their database time on. Rows come back exactly as PostgreSQL names the columns: alias them in
 * camelCase in the SQL (`user_id as "userId"`), as knex's snake_case mapping does not apply here.
 */
export async function runPrepared<Row>(knex: Knex, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const connection = (await knex.client.acquireConnection()) as PgConnection;
  try {
    const result = await connection.query({ name, text, values });
    return result.rows as Row[];
  } finally {
    await knex.client.releaseConnection(connection);
  }
}
