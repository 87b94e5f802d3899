/**
 * Runs a server test file against each database: PGlite always, and
 * PostgreSQL when one answers at TEST_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/test). Without PostgreSQL the second run
 * is skipped with a message, except in CI (CI=true), where it fails.
 *
 * Per file and database: one server on 127.0.0.1 port 0 (PGlite in a
 * temporary DATA_DIR, PostgreSQL in a schema of its own, so files run in
 * parallel), emptied before each test with TRUNCATE.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/server/app';
import type { ApiOptions } from '../../src/server/api';
import type { Db } from '../../src/server/db';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/main';
import { DATA_TABLES } from '../../src/server/migrations';
import type { LogEntry } from '../../src/server/requestLog';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const pgReachable = await postgresAnswers();

/** A temporary folder; on tmpfs where there is one (PGlite's first start writes ~40 MB with many syncs). */
export function tempDir(prefix: string): string {
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  return mkdtempSync(join(base, `ita-${prefix}-`));
}

/** A stand-in build folder: what `npm start` needs to serve without building. */
export function fakeDist(): string {
  const dir = tempDir('dist');
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>ITA Tracker</title><main><h1>app</h1></main>',
  );
  writeFileSync(join(dir, 'sw.js'), '// service worker');
  return dir;
}

export type DbKind = 'pglite' | 'postgres';

export interface Harness {
  kind: DbKind;
  /** http://127.0.0.1:port of the current server. */
  readonly url: string;
  readonly server: RunningServer;
  readonly db: Db;
  /** The request log of the current test. */
  readonly logs: LogEntry[];
  /** Where the database lives: DATA_DIR, or the PostgreSQL URL and schema. */
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly schema: string | undefined;
  /** Stops the server (closing the database) and starts it again on the same data. */
  restart(): Promise<void>;
  /** Another app on the same database, with its own options (e.g. tight rate limits). */
  extraApp(
    api: Partial<Omit<ApiOptions, 'db' | 'version'>>,
  ): Promise<{ url: string; close(): Promise<void> }>;
}

/** Generous limits for the main server, so tests that fail on purpose don't trip them. */
const NO_LIMIT = { burst: 10_000, perMinute: 10_000 };

function useServer(kind: DbKind): Harness {
  const dataDir = tempDir('data');
  const schema = kind === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : undefined;
  const distDir = fakeDist();
  const logs: LogEntry[] = [];
  let server: RunningServer | null = null;
  const extras: (() => Promise<void>)[] = [];

  const options = (): ServerOptions => ({
    port: 0,
    host: '127.0.0.1',
    distDir,
    dataDir,
    databaseUrl: kind === 'postgres' ? PG_URL : undefined,
    databaseSchema: schema,
    rateLimit: NO_LIMIT,
    failureLimit: NO_LIMIT,
    log: (entry) => logs.push(entry),
  });

  beforeAll(async () => {
    if (schema) {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.end();
    }
    server = await startServer(options());
  }, 60_000);

  beforeEach(async () => {
    await server!.db.exec(`TRUNCATE ${DATA_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
    logs.length = 0;
  });

  afterAll(async () => {
    for (const close of extras) await close();
    await server?.close();
    if (schema) {
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(distDir, { recursive: true, force: true });
  }, 60_000);

  return {
    kind,
    get url() {
      return `http://127.0.0.1:${server!.port}`;
    },
    get server() {
      return server!;
    },
    get db() {
      return server!.db;
    },
    logs,
    dataDir,
    databaseUrl: kind === 'postgres' ? PG_URL : undefined,
    schema,
    async restart() {
      await server!.close();
      server = await startServer(options());
    },
    async extraApp(api) {
      const app = createApp({
        distDir,
        version: 'test',
        log: (entry) => logs.push(entry),
        api: { publicUrl: () => 'http://localhost', ...api, db: server!.db },
      });
      const s = await new Promise<ReturnType<typeof serve>>((resolvePromise) => {
        const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
          resolvePromise(started),
        );
      });
      const close = () =>
        new Promise<void>((done) => {
          s.close(() => done());
          if ('closeAllConnections' in s) s.closeAllConnections();
        });
      extras.push(close);
      return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, close };
    },
  };
}

/**
 * `describe(title)` once per database. `fn` gets the harness; the tests it
 * defines run against that database's server.
 */
export function describeEachDb(title: string, fn: (h: Harness) => void): void {
  describe(`${title} (PGlite)`, () => fn(useServer('pglite')));
  if (pgReachable) {
    describe(`${title} (PostgreSQL)`, () => fn(useServer('postgres')));
  } else if (process.env.CI === 'true' || process.env.CI === '1') {
    describe(`${title} (PostgreSQL)`, () => {
      it(`needs PostgreSQL at ${PG_URL} (CI must provide it: see .ci/run)`, () => {
        throw new Error(`PostgreSQL is not reachable at ${PG_URL}`);
      });
    });
  } else {
    console.warn(`PostgreSQL not reachable at ${PG_URL}: skipping "${title}" on PostgreSQL`);
    describe.skip(`${title} (PostgreSQL: not reachable at ${PG_URL})`, () => {
      it('skipped', () => {});
    });
  }
}
