/**
 * `npm run dev`: the service restarting on every change (tsx watch) and the extension rebuilt on every
 * change (wxt, into .output/chrome-mv3-dev — load that folder unpacked, then reload it after edits).
 */
import { spawn } from 'node:child_process';

const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'service/main.ts'], { stdio: 'inherit' }),
  spawn('npx', ['wxt'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => code && code !== 0 && stop());
