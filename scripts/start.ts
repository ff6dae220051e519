/**
 * `npm start`: build the extension, migrate, and start the service with the embedded defaults
 * (PGlite in .data/ unless DATABASE_URL is set), then say where everything is.
 */
import path from 'node:path';
import { build } from 'wxt';
import { ConfigError } from '../service/config.js';
import { startService } from '../service/main.js';

// WXT's build sets NODE_ENV=production in this process; the service must see the environment as given.
const env = { ...process.env };

console.log('Building the extension…');
await build({});
const extensionDir = path.resolve('.output/chrome-mv3');

try {
  const service = await startService({ env });
  console.log(`
  Minopa service   ${service.url}
  Extension folder ${extensionDir}

  Load it in Chromium: open chrome://extensions, turn on Developer mode, choose "Load unpacked" and pick
  the folder above. Then open the extension's options page to sign up. Press Ctrl+C to stop.
`);
  const stop = () => void service.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
