/**
 * One process per PGlite data folder. The holder writes `server.lock` in
 * DATA_DIR (created exclusively, mode 0600): its pid, and for the server its
 * port and a random admin secret, with which `npm run agency` talks to it on
 * loopback instead of opening the folder a second time. A lock whose process
 * is gone is stale and taken over.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { join } from 'node:path';

export interface LockInfo {
  pid: number;
  role: 'server' | 'cli';
  /** Set by the server once it listens. */
  port?: number;
  host?: string;
  /** For the loopback admin endpoint; only the server has one. */
  secret?: string;
}

export const lockPath = (dataDir: string) => join(dataDir, 'server.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed process whose parent has not reaped it yet (a zombie) still answers kill(0) on Linux.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (not Linux): trust kill(0)
  }
}

/** The live holder of the folder, or null (no lock, a stale one, or an unreadable one being written). */
export function readLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    return typeof info.pid === 'number' && alive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

export interface HeldLock {
  info: LockInfo;
  /** Rewrites the lock (e.g. with the port once listening), atomically. */
  update(info: Partial<LockInfo>): void;
  release(): void;
}

/** Takes the folder's lock, or returns the live holder's info when another process has it. */
export function tryLock(dataDir: string, role: LockInfo['role']): HeldLock | { heldBy: LockInfo } {
  mkdirSync(dataDir, { recursive: true });
  const path = lockPath(dataDir);
  for (let attempt = 0; attempt < 5; attempt++) {
    const info: LockInfo = {
      pid: process.pid,
      role,
      ...(role === 'server' ? { secret: randomBytes(32).toString('base64url') } : {}),
    };
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeFileSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      return {
        info,
        update(more) {
          Object.assign(info, more);
          const tmp = `${path}.${process.pid}.tmp`;
          writeFileSync(tmp, JSON.stringify(info), { mode: 0o600 });
          renameSync(tmp, path);
        },
        release() {
          if (released) return;
          released = true;
          // Only our own lock: never remove one a later process took over.
          if (readLock(dataDir)?.pid === process.pid) rmSync(path, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(dataDir);
      if (holder) return { heldBy: holder };
      // Stale (its process is gone) or half-written: look again after a moment.
      let raw: string;
      try {
        raw = readFileSync(path, 'utf8');
      } catch {
        continue;
      }
      if (raw.trim() === '' && attempt < 2) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
        continue;
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not take the lock ${path}`);
}

/** Waits up to `ms` for the lock (another short-lived command may hold it). */
export async function waitForLock(
  dataDir: string,
  role: LockInfo['role'],
  ms: number,
  stopWaiting: (holder: LockInfo) => boolean = () => false,
): Promise<HeldLock | { heldBy: LockInfo }> {
  const until = Date.now() + ms;
  for (;;) {
    const got = tryLock(dataDir, role);
    if (!('heldBy' in got) || stopWaiting(got.heldBy) || Date.now() > until) return got;
    await new Promise((r) => setTimeout(r, 200));
  }
}
