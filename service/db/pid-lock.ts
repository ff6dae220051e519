import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';

/** Held lock on a file; `release()` removes it if it is still ours. */
export interface PidLock {
  release(): void;
}

/**
 * Takes an exclusive pid lock file. Two processes on one PGlite data directory corrupt it, and PGlite has
 * no cross-process lock of its own. A lock whose process is gone (crash, kill -9) is stale and taken over.
 */
export function acquirePidLock(file: string, what: string): PidLock {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      const release = () => {
        process.off('exit', release);
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
      // A process that exits without closing the database still frees the lock for the next start.
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readFileSafe(file), 10);
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
      const who = holder === process.pid ? 'this same process' : `another process (pid ${holder})`;
      throw new Error(
        `${what} is already in use by ${who} (lock file ${file}). Stop that process first, ` +
          'or set DATABASE_URL to use a PostgreSQL server, which any number of processes can share.',
      );
    }
    // Stale: its process is gone. Remove and try again (another starter may win the race; then we loop).
    try {
      unlinkSync(file);
    } catch {
      // Someone else removed it first.
    }
  }
  throw new Error(`Could not take the lock file ${file}; try again.`);
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
