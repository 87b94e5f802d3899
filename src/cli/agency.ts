/**
 * `npm run agency -- create "<name>"` (and `code`, `revoke-device`, `list`):
 * prints one JSON object on stdout, errors on stderr.
 *
 * PGlite allows one process per data folder. When a live server holds
 * DATA_DIR (its lock file), the command is sent to that server's loopback
 * admin endpoint with the secret from the lock file; otherwise this process
 * takes the lock, opens the folder, runs the command and gives it back. With
 * DATABASE_URL it simply connects.
 */
import { resolve } from 'node:path';
import { checkAdminArgs, runAdmin, type AdminResult } from '../server/admin';
import { waitForLock, type LockInfo } from '../server/lockFile';
import { openDatabase } from '../server/main';

const [command = '', ...args] = process.argv.slice(2);
const env = (name: string) => (process.env[name] ? process.env[name] : undefined);
const dataDir = resolve(env('DATA_DIR') ?? 'data');
const databaseUrl = env('DATABASE_URL');

function loopbackHost(host: string | undefined): string | null {
  if (!host || host === '0.0.0.0' || host === '127.0.0.1' || host === 'localhost') return '127.0.0.1';
  if (host === '::' || host === '::1') return '[::1]';
  return null;
}

async function viaServer(holder: LockInfo): Promise<AdminResult> {
  const host = loopbackHost(holder.host);
  if (!host || !holder.secret) {
    return {
      ok: false,
      status: 400,
      error: 'unreachable',
      message: `the server (process ${holder.pid}) listens on ${holder.host ?? '?'} only; stop it or start it with HOST=0.0.0.0`,
    };
  }
  const res = await fetch(`http://${host}:${holder.port}/api/admin/${encodeURIComponent(command)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-admin-secret': holder.secret },
    body: JSON.stringify({ args }),
  });
  const body = (await res.json()) as { error?: string; message?: string };
  if (res.ok) return { ok: true, result: body };
  return {
    ok: false,
    status: res.status === 404 ? 404 : 400,
    error: body.error ?? 'error',
    message: body.message ?? `server answered ${res.status}`,
  };
}

async function run(): Promise<AdminResult> {
  const publicUrl = env('PUBLIC_URL') ?? `http://localhost:${env('PORT') ?? 8080}`;
  const bad = checkAdminArgs(command, args);
  if (bad) return bad;
  if (databaseUrl) {
    const db = await openDatabase({ dataDir, databaseUrl });
    try {
      return await runAdmin(db, command, args, { publicUrl });
    } finally {
      await db.close();
    }
  }
  // Wait while another command holds the folder, or a server is starting (no port yet).
  const got = await waitForLock(dataDir, 'cli', 30_000, (h) => h.role === 'server' && h.port !== undefined);
  if ('heldBy' in got) {
    if (got.heldBy.role === 'server' && got.heldBy.port !== undefined) return viaServer(got.heldBy);
    throw new Error(`DATA_DIR ${dataDir} stays in use by process ${got.heldBy.pid}`);
  }
  try {
    const db = await openDatabase({ dataDir });
    try {
      return await runAdmin(db, command, args, { publicUrl });
    } finally {
      await db.close();
    }
  } finally {
    got.release();
  }
}

try {
  const result = await run();
  if (result.ok) {
    process.stdout.write(`${JSON.stringify(result.result, null, 2)}\n`);
  } else {
    process.stderr.write(`${result.message}\n`);
    process.exitCode = result.status === 404 ? 3 : 2;
  }
} catch (err) {
  process.stderr.write(`agency: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
