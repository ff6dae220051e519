import type { Knex } from 'knex';

/** One verdict of the run, from a query. */
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * What must hold after the run, all from the database and the X simulator's own record:
 * no accepted capture lost, no post published twice, nothing due left behind, every failure explained
 * and emailed.
 */
export async function runChecks(knex: Knex, accepted: Set<string>, xPosts: { id: string; text: string }[]): Promise<Check[]> {
  const checks: Check[] = [];
  const ids = [...accepted];
  const found = Number((await knex('posts').whereIn('id', ids).count({ n: '*' }))[0]!.n);
  checks.push({ name: 'every accepted capture is stored', ok: found === ids.length, detail: `${found} of ${ids.length} captures answered 201 are in posts` });

  const sameRemote = await knex('postTargets').whereNotNull('remoteId').groupBy('remoteId').havingRaw('count(*) > 1').select('remoteId');
  const textCounts = new Map<string, number>();
  for (const post of xPosts) textCounts.set(post.text, (textCounts.get(post.text) ?? 0) + 1);
  const twiceAtX = [...textCounts.values()].filter((count) => count > 1).length;
  const shared = sameRemote.slice(0, 3).map((row: { remoteId: string }) => row.remoteId).join(', ');
  checks.push({ name: 'no post published twice', ok: sameRemote.length === 0 && twiceAtX === 0, detail: `${twiceAtX} texts more than once at X, ${sameRemote.length} remote ids on two targets${shared ? ` (${shared})` : ''}` });

  const published = await knex('postTargets').where({ status: 'published' }).select('remoteId');
  const atX = new Set(xPosts.map((post) => post.id));
  const missing = published.filter((row: { remoteId: string }) => !atX.has(row.remoteId)).length;
  checks.push({ name: 'every target marked published is at X', ok: missing === 0, detail: `${published.length} published, ${missing} not found at X` });

  const byStatus = Object.fromEntries(
    ((await knex('postTargets').whereNotNull('dueAt').groupBy('status').select('status').count({ n: '*' })) as Array<{ status: string; n: string }>).map((row) => [row.status, Number(row.n)]),
  );
  const pending = (byStatus.scheduled ?? 0) + (byStatus.publishing ?? 0) + (byStatus.unconfirmed ?? 0);
  checks.push({ name: 'nothing due left behind', ok: pending === 0, detail: JSON.stringify(byStatus) });

  const unexplained = Number((await knex('postTargets').where({ status: 'failed' }).where((q) => q.whereNull('failureKind').orWhereNull('failureMessage')).count({ n: '*' }))[0]!.n);
  checks.push({ name: 'every failed target has its reason', ok: unexplained === 0, detail: `${byStatus.failed ?? 0} failed, ${unexplained} without kind and message` });

  const notEmailed = await knex('postTargets as t')
    .where('t.status', 'failed')
    .whereNotExists((q) => q.select(knex.raw('1')).from('emailOutbox as e').whereRaw("e.dedupe_key = 'post-failed:' || t.post_id"))
    .distinct('t.postId');
  checks.push({ name: 'every failed post has its alert email', ok: notEmailed.length === 0, detail: `${notEmailed.length} failed posts without a post-failed email in the outbox` });
  return checks;
}

/** Lateness of every published target: published_at − due_at, in ms, sorted. */
export async function publishLateness(knex: Knex): Promise<number[]> {
  const rows = await knex('postTargets').where({ status: 'published' }).select(knex.raw('extract(epoch from (published_at - due_at)) * 1000 as ms'));
  return rows.map((row: { ms: string }) => Number(row.ms)).sort((a, b) => a - b);
}

/** Targets still due and not done (scheduled, publishing, unconfirmed) with due_at in the past. */
export async function stillDue(knex: Knex): Promise<number> {
  return Number((await knex('postTargets').whereIn('status', ['scheduled', 'publishing', 'unconfirmed']).where('dueAt', '<=', knex.fn.now()).count({ n: '*' }))[0]!.n);
}
