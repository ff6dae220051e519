import type { Knex } from 'knex';
import { NaturalBatcher, type BatcherOptions } from './natural-batcher.js';
import { runPrepared } from './prepared.js';

/**
 * One prepared statement run for batches of items (NaturalBatcher), with one batcher per database handle
 * so that items of two databases never share a batch. The statement receives the batch as $1, a jsonb
 * array of the items, each with `n`, its place in the batch (read it with jsonb_to_recordset), and answers
 * one row per item, ordered by `n`.
 */
export function batchedStatement<Item extends object, Row>(name: string, sql: string, options: BatcherOptions<Item>): (knex: Knex) => NaturalBatcher<Item, Row> {
  const batchers = new WeakMap<Knex, NaturalBatcher<Item, Row>>();
  return (knex) => {
    let batcher = batchers.get(knex);
    if (!batcher) {
      batcher = new NaturalBatcher((items) => runPrepared<Row>(knex, name, sql, [JSON.stringify(items.map((item, n) => ({ n, ...item })))]), options);
      batchers.set(knex, batcher);
    }
    return batcher;
  };
}
