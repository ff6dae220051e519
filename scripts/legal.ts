/**
 * `npm run legal -- list`: every published version of the Terms and the Privacy Policy, current first.
 * `npm run legal -- publish <file.md>`: publishes a new version written as the bundled samples are
 * (service/legal/documents/: front matter `kind`, `version`, `title`, `lastUpdated`, and for a material
 * change `material: true` with a `summary:` of what changed). A material version is announced by email to
 * every account within a minute by the running service, and asked for at their next use (P12, P33).
 */
import { syncLegalDocuments } from '../service/actions/sync-legal-documents.js';
import { type BundledDocument, readDocumentFile } from '../service/legal/bundled.js';
import { publishLegalDocument, PublishRefused } from '../service/legal/publish.js';
import { LegalDocument } from '../service/models/legal-document.js';
import { withDatabase } from './lib/with-database.js';

const [command, file] = process.argv.slice(2).filter((arg) => arg !== '--');
const usage = 'Usage: npm run legal -- list | npm run legal -- publish <file.md>';

if (command !== 'list' && !(command === 'publish' && file)) {
  console.error(usage);
  process.exit(2);
}
let document: BundledDocument | undefined;
try {
  document = command === 'publish' ? readDocumentFile(file!) : undefined;
} catch (error) {
  // A file that is not a legal document as the samples are: say what is wrong with it.
  console.error((error as Error).message);
  process.exit(1);
}

await withDatabase(
  async (db) => {
    // As the service does at boot, so the list shows the bundled samples too.
    await syncLegalDocuments(db.knex);
    if (document) {
      const outcome = await publishLegalDocument(db.knex, document);
      const what = `${document.kind} version ${document.version} (${document.lastUpdated})`;
      console.log(outcome.status === 'unchanged' ? `${what} was already published with this text; nothing changed.` : `Published ${what}${document.material ? ': a material change; every account will be emailed and asked to accept it.' : '.'}`);
    } else {
      const rows = await LegalDocument.query(db.knex).orderBy('kind').orderBy('lastUpdated', 'desc').orderBy('createdAt', 'desc');
      let previousKind = '';
      for (const row of rows) {
        const current = row.kind !== previousKind;
        previousKind = row.kind;
        const announced = row.material ? (row.peopleNotifiedAt ? `, material, announced ${row.peopleNotifiedAt.toISOString()}` : ', material, not announced yet') : '';
        console.log(`${current ? '*' : ' '} ${row.kind.padEnd(7)} ${row.version.padEnd(10)} ${row.lastUpdated}  ${row.title}${announced}`);
      }
      console.log('* = current version');
    }
  },
  { refusals: [PublishRefused] },
);
