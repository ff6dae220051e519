/**
 * `npm start`: build the extension, migrate, and start the service with the embedded defaults
 * (PGlite in .data/ unless DATABASE_URL is set), then say where everything is.
 */
import path from 'node:path';
import { build } from 'wxt';
import { startService } from '../service/main.js';

console.log('Building the extension…');
await build({ logger: { ...console, success: console.log, fatal: console.error, level: 3 } as never });
const extensionDir = path.resolve('.output/chrome-mv3');

const service = await startService();
console.log(`
  Minopa service   ${service.url}
  Extension folder ${extensionDir}

  Load it in Chromium: open chrome://extensions, turn on Developer mode, choose "Load unpacked" and pick
  the folder above. Then open the extension's options page to sign up. Press Ctrl+C to stop.
`);
