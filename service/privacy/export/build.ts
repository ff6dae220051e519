import { PassThrough, Readable } from 'node:stream';
import yazl from 'yazl';
import type { Knex } from 'knex';
import type { BlobStorage } from '../../storage/index.js';
import { exportSections, type ExportSection } from './sections.js';

/** How the archive's build is going: items (JSON files and media files) written of all. */
export type ExportProgress = (done: number, total: number) => Promise<void>;

/**
 * Streams a person's export into storage as one ZIP (yazl, MIT: streaming, so media files of any size
 * pass through without being held in memory): a README describing every file, the JSON sections, and
 * their media files under `media/`. A media file gone from storage is listed in the README rather than
 * failing the whole export. Reports progress per item. Returns the archive's size.
 */
export async function buildExportArchive(deps: { knex: Knex; storage: BlobStorage }, userId: string, key: string, progress: ExportProgress): Promise<{ size: number; items: number }> {
  const { sections, media } = await exportSections(deps.knex, userId);
  const total = sections.length + media.length + 1;
  let done = 0;
  const step = async () => {
    done += 1;
    await progress(done, total);
  };
  await progress(0, total);

  const zip = new yazl.ZipFile();
  const missing: string[] = [];
  const body = Readable.from(zip.outputStream as AsyncIterable<Buffer>);
  // Storage removes the partial object when the body fails (BlobStorage.put).
  const stored = deps.storage.put(key, body, 'application/zip');
  try {
    for (const section of sections) {
      zip.addBuffer(Buffer.from(`${JSON.stringify(section.rows, null, 2)}\n`), section.path);
      await step();
    }
    for (const file of media) {
      const read = await deps.storage.get(file.storageKey);
      if (!read) {
        missing.push(file.path);
      } else {
        // One file at a time: wait until yazl has consumed this one before opening the next.
        const finished = new Promise<void>((resolve, reject) => {
          read.body.once('end', resolve);
          read.body.once('error', reject);
        });
        const through = new PassThrough();
        read.body.pipe(through);
        zip.addReadStream(through, file.path, { size: read.size, compress: false });
        await finished;
      }
      await step();
    }
    zip.addBuffer(Buffer.from(readme(sections, missing)), 'README.md');
    zip.end();
    const { size } = await stored;
    await step();
    return { size, items: total };
  } catch (error) {
    body.destroy(error as Error);
    await stored.catch(() => undefined);
    throw error;
  }
}

function readme(sections: ExportSection[], missing: string[]): string {
  const lines = [
    '# Your Minopa data',
    '',
    `Exported ${new Date().toISOString()}. Every file is JSON (UTF-8); times are ISO 8601 in UTC.`,
    '',
    ...sections.map((section) => `- \`${section.path}\`: ${section.describes}`),
    '- `media/`: the files you uploaded or captured, named by their id (see `media.json`).',
    '',
    'Not included: your password (we only keep a salted hash of it), access tokens of connected accounts, and content other members of your workspaces created.',
  ];
  if (missing.length > 0) lines.push('', `These files could not be read from storage and are missing: ${missing.join(', ')}.`);
  return `${lines.join('\n')}\n`;
}
