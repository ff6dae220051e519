import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { buildService } from '../../scripts/build.js';

/**
 * Compiles the service as `npm run build` does, into a folder of `dir` with the repository's node_modules
 * linked next to it, and returns its main.js: the instances run what the Deploy section runs in
 * production (`node dist/service/main.js`), not TypeScript compiled on the fly by tsx, and a checkout's
 * own dist/ is left alone.
 */
export async function buildLoadService(dir: string): Promise<string> {
  const outDir = path.join(dir, 'dist');
  await buildService(outDir);
  await symlink(path.resolve('node_modules'), path.join(outDir, 'node_modules'), 'dir');
  return path.join(outDir, 'service', 'main.js');
}

/** One service process of the load run. */
export interface Instance {
  readonly name: string;
  readonly url: string;
  /** The running process (a new one after `restart`). */
  process(): ChildProcess;
  /** Resident memory of the process now, in MB (null while it is down). */
  rssMb(): Promise<number | null>;
  /** SIGKILL: a crash, nothing gets to finish. */
  kill(): Promise<void>;
  /** Starts it again with the same environment. */
  restart(): Promise<void>;
  /** SIGTERM and wait (the graceful way). */
  stop(): Promise<void>;
}

/**
 * Starts `node <serviceMain>` (the compiled service, see buildLoadService) with `env` and waits for its
 * "listening" log line. Its log goes to `<logDir>/<name>.log` (appended across restarts).
 */
export async function startInstance(name: string, port: number, serviceMain: string, env: Record<string, string>, logDir: string): Promise<Instance> {
  const log = createWriteStream(path.join(logDir, `${name}.log`), { flags: 'a' });
  let child: ChildProcess;
  const launch = async () => {
    child = spawn(process.execPath, ['--enable-source-maps', serviceMain], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      const onData = (chunk: Buffer) => {
        seen = (seen + chunk.toString()).slice(-4000);
        if (seen.includes('Minopa service listening')) {
          child.stdout!.off('data', onData);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before listening; see ${logDir}/${name}.log`)));
    });
  };
  const exited = () => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
  await launch();
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    process: () => child,
    async rssMb() {
      if (child.exitCode !== null || child.signalCode !== null) return null;
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
      return Number.isFinite(kb) && kb > 0 ? Math.round(kb / 1024) : null;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited();
    },
    restart: launch,
    async stop() {
      child.kill('SIGTERM');
      await exited();
      log.end();
    },
  };
}
