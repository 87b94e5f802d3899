/**
 * The PGlite folder's lock file (src/server/lockFile.ts): a stale lock whose
 * pid now belongs to another live process is taken over, and a takeover never
 * removes a lock another process holds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockPath, processStart, readLock, takeOverStale, tryLock } from '../../../src/server/lockFile';

const linux = process.platform === 'linux';
let other: ChildProcess;
const dirs: string[] = [];

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ita-lock-'));
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  // A live process that is not a server: what a reused pid points at after a crash and reboot.
  other = spawn('sleep', ['60'], { stdio: 'ignore' });
  await new Promise((r) => other.once('spawn', r));
});

afterAll(() => {
  other.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.runIf(linux)('server.lock', () => {
  it('takes over a lock whose pid now belongs to another live process (another start time)', () => {
    const dir = folder();
    writeFileSync(
      lockPath(dir),
      JSON.stringify({ pid: other.pid, role: 'server', port: 8080, started: '1' }),
    );
    const got = tryLock(dir, 'server');
    expect('heldBy' in got).toBe(false);
    expect(JSON.parse(readFileSync(lockPath(dir), 'utf8'))).toMatchObject({
      pid: process.pid,
      started: processStart(process.pid),
    });
    if (!('heldBy' in got)) got.release();
  });

  it('takes over a lock of the older format (no start time) written before its pid’s process started', () => {
    const dir = folder();
    writeFileSync(lockPath(dir), JSON.stringify({ pid: other.pid, role: 'server', port: 8080 }));
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(lockPath(dir), hourAgo, hourAgo);
    const got = tryLock(dir, 'server');
    expect('heldBy' in got).toBe(false);
    if (!('heldBy' in got)) got.release();
  });

  it('respects a lock whose process is still the one that wrote it', () => {
    const dir = folder();
    const info = { pid: other.pid, role: 'server', port: 8080, started: processStart(other.pid!) };
    writeFileSync(lockPath(dir), JSON.stringify(info));
    expect(readLock(dir)).toMatchObject({ pid: other.pid });
    expect(tryLock(dir, 'server')).toEqual({ heldBy: info });
    // The older format too, when the process started before the lock was written.
    writeFileSync(lockPath(dir), JSON.stringify({ pid: other.pid, role: 'server' }));
    expect(tryLock(dir, 'server')).toMatchObject({ heldBy: { pid: other.pid } });
  });

  it('a takeover removes only the stale lock it judged: never one another process has written since', () => {
    const dir = folder();
    const stale = JSON.stringify({ pid: other.pid, role: 'server', started: '1' });
    // Another process took over first and holds the folder now.
    const live = JSON.stringify({ pid: other.pid, role: 'server', started: processStart(other.pid!) });
    writeFileSync(lockPath(dir), live);
    expect(takeOverStale(dir, stale)).toBe(false);
    expect(readFileSync(lockPath(dir), 'utf8')).toBe(live);
    // While another process is in the middle of a takeover, wait for it.
    writeFileSync(lockPath(dir), stale);
    writeFileSync(`${lockPath(dir)}.takeover`, '');
    expect(takeOverStale(dir, stale)).toBe(false);
    expect(readFileSync(lockPath(dir), 'utf8')).toBe(stale);
    rmSync(`${lockPath(dir)}.takeover`);
    expect(takeOverStale(dir, stale)).toBe(true);
    expect(tryLock(dir, 'cli')).toMatchObject({ info: { pid: process.pid, role: 'cli' } });
  });
});
