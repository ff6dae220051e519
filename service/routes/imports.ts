import { getImport } from '../actions/get-import.js';
import { listImports } from '../actions/list-imports.js';
import { previewCanvaDesign, previewDriveFile } from '../actions/preview-import-source.js';
import { startImport } from '../actions/start-import.js';
import { presentImport } from '../presenters/import.js';
import type { Handlers } from './types.js';

/** Imports from Canva and Google Drive into a workspace, through the signed-in person's own connections. */
export const importHandlers = {
  startImport: async ({ knex, config, auth, input, language }) =>
    presentImport(await startImport(knex, config, { userId: auth.user.id, workspaceId: auth.workspaceId }, input.body), language),
  listImports: async ({ knex, auth, input, language }) => ({
    items: (await listImports(knex, { userId: auth.user.id, workspaceId: auth.workspaceId }, { active: input.query.active })).map((row) => presentImport(row, language)),
  }),
  getImport: async ({ knex, auth, input, language }) => presentImport(await getImport(knex, { userId: auth.user.id, workspaceId: auth.workspaceId }, input.params.importId), language),
  previewCanvaDesign: async ({ knex, config, log, auth, input }) => previewCanvaDesign({ knex, config, logger: log }, auth.user.id, input.params.designId),
  previewDriveFile: async ({ knex, config, log, auth, input }) => previewDriveFile({ knex, config, logger: log }, auth.user.id, input.params.fileId),
} satisfies Partial<Handlers>;
