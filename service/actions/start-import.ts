import type { Knex } from 'knex';
import type { z } from 'zod';
import type { StartImportInput } from '#shared/api/imports.js';
import type { Config } from '../config.js';
import { usableConnection } from '../imports/connection.js';
import type { ImportRow } from '../imports/import-row.js';

type Input = z.output<typeof StartImportInput>;

/**
 * Queues an import for the `run-imports` job and answers its row. Refused at once, with no row, when the
 * person has no working connection to the provider (409). Idempotent on the client's id per person and
 * workspace: a repeat answers the import the first call made, whatever it carries.
 */
export async function startImport(knex: Knex, config: Config, who: { userId: string; workspaceId: string }, input: Input): Promise<ImportRow> {
  const existing = await findByClientId(knex, who, input.clientId);
  if (existing) return existing;
  await usableConnection(knex, config, who.userId, input.source.provider);
  const source = input.source;
  const [row] = (await knex('imports')
    .insert({
      workspaceId: who.workspaceId,
      userId: who.userId,
      clientId: input.clientId,
      provider: source.provider,
      sourceId: source.provider === 'canva' ? source.designId : source.fileId,
      sourceUrl: input.sourceUrl ?? null,
      format: source.provider === 'canva' ? source.format : (source.exportAs ?? null),
      pages: source.provider === 'canva' && source.pages?.length ? source.pages : null,
      createDraft: input.createDraft,
    })
    .onConflict(['userId', 'workspaceId', 'clientId'])
    .ignore()
    .returning('*')) as ImportRow[];
  // Two identical requests at once: the second inserted nothing and answers the first's row.
  return row ?? (await findByClientId(knex, who, input.clientId))!;
}

function findByClientId(knex: Knex, who: { userId: string; workspaceId: string }, clientId: string): Promise<ImportRow | undefined> {
  return knex('imports').where({ userId: who.userId, workspaceId: who.workspaceId, clientId }).first();
}
