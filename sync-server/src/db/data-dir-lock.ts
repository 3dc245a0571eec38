/**
 * PGlite allows one process on a data directory; a second one would corrupt it. The server
 * holds `<DATA_DIR>/server.lock` while it runs (pid, URL and a per-run admin token, mode
 * 0600), so the admin CLI knows to send its commands to the running server instead of opening
 * the files itself. A lock whose process is gone is stale and taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '@pls/shared/domain';

export interface LockInfo {
  readonly pid: number;
  /** Set once the server listens; absent while it starts, and for the admin CLI's own lock. */
  readonly url?: string;
  readonly adminToken?: string;
}

function lockPath(dataDir: string): string {
  return join(dataDir, 'server.lock');
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(dataDir: string): LockInfo | undefined {
  try {
    const parsed = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { pid, url, adminToken } = parsed as Record<string, unknown>;
    if (typeof pid !== 'number') return undefined;
    return {
      pid,
      ...(typeof url === 'string' ? { url } : {}),
      ...(typeof adminToken === 'string' ? { adminToken } : {}),
    };
  } catch {
    return undefined;
  }
}

/** The live holder of the lock, if any. */
export function lockHolder(dataDir: string): LockInfo | undefined {
  const info = readLock(dataDir);
  return info && info.pid !== process.pid && processAlive(info.pid) ? info : undefined;
}

export interface HeldLock {
  readonly release: () => void;
  readonly update: (info: LockInfo) => void;
}

/** The lock, or who holds it. */
export type AcquireResult = Result<HeldLock, LockInfo>;

export function acquireLock(dataDir: string): AcquireResult {
  mkdirSync(dataDir, { recursive: true });
  const path = lockPath(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeFileSync(fd, JSON.stringify({ pid: process.pid }));
      closeSync(fd);
      let released = false;
      return ok({
        update: (info) => writeFileSync(path, JSON.stringify(info), { mode: 0o600 }),
        release: () => {
          if (released) return;
          released = true;
          if (readLock(dataDir)?.pid === process.pid) rmSync(path, { force: true });
        },
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = lockHolder(dataDir);
      if (holder) return err(holder);
      // Stale: its process is gone (crash, kill -9). Remove and try once more.
      rmSync(path, { force: true });
    }
  }
  const holder = readLock(dataDir);
  return err(holder ?? { pid: -1 });
}
