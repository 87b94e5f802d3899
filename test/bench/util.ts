/** Small helpers shared by the bench scripts: child processes with a time limit, a static server, figures. */
import { serve, type ServerType } from '@hono/node-server';
import { spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { createApp } from '../../src/server/app';

const children = new Set<ChildProcess>();

/**
 * Runs a command; rejects on a non-zero exit or after `timeoutMs`. With `quiet`,
 * its output is kept back and shown (on stderr) only if it fails.
 */
export function runChild(
  cmd: string,
  args: string[],
  opts: { timeoutMs: number; quiet?: boolean },
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, {
      stdio: ['ignore', opts.quiet ? 'pipe' : 'inherit', opts.quiet ? 'pipe' : 'inherit'],
    });
    children.add(child);
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    const what = [cmd, ...args].join(' ');
    child.on('error', (err) => reject(err));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      if (code === 0) return resolvePromise();
      if (out) process.stderr.write(out);
      reject(new Error(`${what} failed (${signal ? `killed, ${signal}` : `exit ${code}`})`));
    });
  });
}

/** Kills every child still running (the watchdog's last resort). */
export function killChildren(): void {
  for (const child of children) child.kill('SIGKILL');
}

/** Runs `vite build` with the given arguments (node_modules' vite, no npx). */
export function viteBuild(args: string[]): Promise<void> {
  return runChild(process.execPath, ['node_modules/vite/bin/vite.js', 'build', ...args], {
    timeoutMs: 180_000,
    quiet: true,
  });
}

export interface Served {
  url: string;
  close: () => Promise<void>;
}

/** Serves a build folder with the app's own server (src/server/app.ts) on a free 127.0.0.1 port. */
export function serveDir(distDir: string): Promise<Served> {
  const app = createApp({ distDir, version: 'bench' });
  return new Promise((resolvePromise, reject) => {
    const server: ServerType = serve(
      { fetch: app.fetch, port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) => {
        resolvePromise({
          url: `http://127.0.0.1:${info.port}/`,
          close: () =>
            new Promise((done) => {
              if ('closeAllConnections' in server) server.closeAllConnections();
              server.close(() => done());
            }),
        });
      },
    );
    server.on('error', reject);
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One figure in the contract's format: `name: value unit (floor …, ratio …, target ≤ …)`. */
export function figureLine(f: {
  name: string;
  value: number;
  floor: number;
  unit: string;
  digits: number;
  floorNote?: string;
  target: number;
}): string {
  const ratio = f.value / f.floor;
  const fmt = (n: number) => n.toFixed(f.digits);
  const note = f.floorNote ? ` ${f.floorNote}` : '';
  const verdict = ratio <= f.target ? 'met' : 'MISSED';
  return (
    `${f.name}: ${fmt(f.value)} ${f.unit} (floor ${fmt(f.floor)} ${f.unit}${note}, ` +
    `ratio ${ratio.toFixed(2)}, target ≤ ${f.target.toFixed(2)}: ${verdict})`
  );
}

/** Rejects after `ms`, running `onTimeout` first (closing the browser ends whatever waits on it). */
export function deadline<T>(
  work: Promise<T>,
  ms: number,
  what: string,
  onTimeout: () => Promise<void>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void onTimeout().finally(() => reject(new Error(`${what}: still running after ${ms / 1000} s`)));
    }, ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Makes `schema` anew (empty) at `url` for one bench's server; returns null
 * when done, else why PostgreSQL did not answer. Used by the upload, push,
 * load and pull benches.
 */
export async function freshPostgresSchema(url: string, schema: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`CREATE SCHEMA ${schema}`);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Runs the module at `moduleUrl` again on a worker thread with `data` as its
 * workerData, and resolves with the one result it posts ({ ok, result } or
 * { ok: false, error }). Node 20 does not pass tsx's loader on to a worker,
 * so the worker loads the module through tsx's API.
 */
export function runOnWorker<R>(moduleUrl: string, data: unknown, what: string): Promise<R> {
  return new Promise((resolve, reject) => {
    const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const self = JSON.stringify(moduleUrl);
    const worker = new Worker(`import(${api}).then((tsx) => tsx.tsImport(${self}, ${self}))`, {
      eval: true,
      workerData: data,
    });
    let result: { value: R } | null = null;
    worker.on('message', (m: { ok: true; result: R } | { ok: false; error: string }) => {
      if (m.ok) result = { value: m.result };
      else reject(new Error(m.error));
    });
    worker.on('error', reject);
    worker.on('exit', (code) =>
      result ? resolve(result.value) : reject(new Error(`${what} stopped (exit ${code})`)),
    );
  });
}
