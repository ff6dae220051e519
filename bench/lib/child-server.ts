import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../test/free-port.js';

export interface ChildServer {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Runs `node --import tsx <script>` as its own process (the load generator must not share its event loop)
 * and waits until `readyPath` answers 200.
 */
export async function startChildServer(script: string, env: Record<string, string>, readyPath = '/healthz'): Promise<ChildServer> {
  const port = await freePort();
  // BENCH_NODE_ARGS passes flags to the servers only, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see
  // where a route spends its time under load (Node refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url + readyPath);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${script} did not become ready within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
