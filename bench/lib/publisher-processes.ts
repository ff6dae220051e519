import { fork, type ChildProcess } from 'node:child_process';

/** A worker script running in its own process, spoken to over the IPC channel. */
export interface WorkerProcess<Request, Reply> {
  process: ChildProcess;
  /** Sends one request and resolves with the worker's reply (one request at a time per worker). */
  ask(request: Request): Promise<Reply>;
  /** SIGTERM, then waits for the exit (the worker finishes what it holds first). */
  stop(): Promise<void>;
}

/** BENCH_CPU_PROF=<folder>: each worker writes a V8 CPU profile there when it stops (to see where the time goes). */
const profiling = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];

/**
 * Forks `node --import tsx <script>` with `env` added, and waits for its first message (`ready`): the
 * script has opened its connections, so process start-up is never part of a measurement. A reply that
 * carries `error` rejects the request.
 */
export async function startWorker<Request, Reply>(script: string, env: Record<string, string>): Promise<WorkerProcess<Request, Reply>> {
  const child = fork(script, [], { execArgv: ['--import', 'tsx', ...profiling], env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const nextMessage = () =>
    new Promise<unknown>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`${script} exited with code ${code} before answering`));
      child.once('exit', onExit);
      child.once('message', (message) => {
        child.off('exit', onExit);
        resolve(message);
      });
    });
  await nextMessage();
  return {
    process: child,
    async ask(request) {
      const answer = nextMessage();
      child.send(request as object);
      const reply = (await answer) as Reply & { error?: string };
      if (reply.error) throw new Error(`${script}: ${reply.error}`);
      return reply;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}
