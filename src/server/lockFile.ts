/**
 * One process per PGlite data folder. The holder writes `server.lock` in
 * DATA_DIR (created exclusively, mode 0600): its pid and start time, and for
 * the server its port and a random admin secret, with which `npm run agency`
 * talks to it on loopback instead of opening the folder a second time. A lock
 * whose process is gone is stale and taken over: also one whose pid now
 * belongs to another process (after a reboot or a crash, pids are reused),
 * told apart by the process's start time. A takeover happens under a second,
 * exclusively created file, so two processes starting at once never both
 * take over.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

export interface LockInfo {
  pid: number;
  role: 'server' | 'cli';
  /** Set by the server once it listens. */
  port?: number;
  host?: string;
  /** For the loopback admin endpoint; only the server has one. */
  secret?: string;
  /** The process's start time (Linux: /proc/<pid>/stat, clock ticks since boot), to tell a reused pid. */
  started?: string;
}

export const lockPath = (dataDir: string) => join(dataDir, 'server.lock');

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses), or null. */
function procStat(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** When process `pid` started, in clock ticks since boot (field 22 of /proc/<pid>/stat); null without /proc. */
export function processStart(pid: number): string | null {
  return procStat(pid)?.[19] ?? null;
}

/** Linux's USER_HZ, the unit of /proc's start times: 100 on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

function bootTimeMs(): number | null {
  try {
    const line = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    return line ? Number(line[1]) * 1000 : null;
  } catch {
    return null;
  }
}

/**
 * True when the lock's process runs: its pid answers, is not a zombie, and is
 * the same process (same start time; for a lock written without one, a
 * process that started after the lock was written cannot have written it).
 */
function alive(info: LockInfo, lockWrittenMs: number): boolean {
  try {
    process.kill(info.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(info.pid);
  if (stat === null) return true; // no /proc (not Linux): trust kill(0)
  // A killed process whose parent has not reaped it yet (a zombie) still answers kill(0) on Linux.
  if (stat[0] === 'Z') return false;
  const started = stat[19];
  if (info.started !== undefined) return started === info.started;
  const boot = bootTimeMs();
  if (boot === null || started === undefined) return true;
  const startedMs = boot + (Number(started) * 1000) / TICKS_PER_SECOND;
  return startedMs <= lockWrittenMs + 2_000; // clock ticks and boot time are coarse
}

/** The live holder of the folder, or null (no lock, a stale one, or an unreadable one being written). */
export function readLock(dataDir: string): LockInfo | null {
  try {
    const path = lockPath(dataDir);
    const written = statSync(path).mtimeMs;
    const info = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' && alive(info, written) ? info : null;
  } catch {
    return null;
  }
}

/** A takeover file older than this was left by a process that died taking over. */
const TAKEOVER_STALE_MS = 10_000;

/**
 * Removes the stale lock whose text is `staleText`, unless it changed
 * meanwhile (another process took it over first and holds it now). Runs
 * under `server.lock.takeover`, created exclusively: between reading the lock
 * and removing it, no other process can put its own lock there and lose it.
 * True when the caller may now create the lock (it may still lose that race
 * to another creator, which O_EXCL settles).
 */
export function takeOverStale(dataDir: string, staleText: string): boolean {
  const path = lockPath(dataDir);
  const guard = `${path}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    try {
      if (Date.now() - statSync(guard).mtimeMs > TAKEOVER_STALE_MS) rmSync(guard, { force: true });
    } catch {
      // gone meanwhile
    }
    return false;
  }
  try {
    let current: string;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      return true; // already gone
    }
    if (current !== staleText) return false;
    rmSync(path, { force: true });
    return true;
  } finally {
    closeSync(fd);
    rmSync(guard, { force: true });
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
  const started = processStart(process.pid);
  for (let attempt = 0; attempt < 20; attempt++) {
    const info: LockInfo = {
      pid: process.pid,
      ...(started !== null ? { started } : {}),
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
      // Another process may be taking it over at this moment: look again after a moment.
      if (!takeOverStale(dataDir, raw)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
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
