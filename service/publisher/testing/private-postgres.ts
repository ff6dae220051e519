import { execFile } from 'node:child_process';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../../test/free-port.js';

const run = promisify(execFile);

/** A PostgreSQL server of a test's own, so it can be restarted without disturbing the other test files. */
export interface PrivatePostgres {
  /** Database `postgres` as the superuser `root`, over TCP on 127.0.0.1. */
  url: string;
  /** Fast restart: every open connection is dropped, in-flight statements fail, then the server is back. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * initdb + pg_ctl from the installed server (`pg_config --bindir`), data in a temporary folder, trust
 * auth, fsync off. PostgreSQL refuses to run as root: when this process is root, the server runs as the
 * `postgres` system user (Debian's packages create it). Null when the binaries are not installed.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres | null> {
  let binDir: string;
  try {
    binDir = (await run('pg_config', ['--bindir'])).stdout.trim();
  } catch {
    return null;
  }
  const asRoot = userInfo().uid === 0;
  const pg = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(binDir, tool), ...args]) : run(path.join(binDir, tool), args);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'minopa-pg-'));
  if (asRoot) {
    const { uid, gid } = await postgresUser();
    await chown(dataDir, uid, gid);
  }
  await pg('initdb', ['-D', dataDir, '-U', 'root', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dataDir} -c fsync=off -c full_page_writes=off`;
  const ctl = (action: string, extra: string[] = []) => pg('pg_ctl', ['-D', dataDir, '-o', options, '-l', path.join(dataDir, 'server.log'), '-w', ...extra, action]);
  await ctl('start');
  return {
    url: `postgres://root@127.0.0.1:${port}/postgres`,
    restart: async () => {
      await ctl('restart', ['-m', 'fast']);
    },
    stop: async () => {
      await ctl('stop', ['-m', 'immediate']).catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}
