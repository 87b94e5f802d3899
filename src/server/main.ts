/**
 * Starts the server: the built app and the API on one port, on the embedded
 * database (PGlite in DATA_DIR, which this process then holds through the
 * lock file) or on PostgreSQL (`DATABASE_URL`). Migrations run before the
 * port opens. Configuration comes in as options; src/cli/start.ts reads the
 * environment.
 */
import { serve, type ServerType } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { enrolKey } from './agencies';
import { createApp } from './app';
import { DEFAULT_DB_TIMEOUT_MS, withTimeout, type Db } from './db';
import { DEFAULT_MIN_FREE_MB } from './disk';
import { waitForLock, type HeldLock } from './lockFile';
import { migrate } from './migrations';
import { openPglite } from './pgliteDb';
import { openPostgres } from './postgresDb';
import type { RateLimit } from './rateLimit';
import type { Logger } from './requestLog';
import type { ProxyTrust } from './trustProxy';

export interface DatabaseOptions {
  /** The embedded database's folder (DATA_DIR); its files are in `pglite/` inside it. */
  dataDir: string;
  /** A real PostgreSQL instead (DATABASE_URL). */
  databaseUrl?: string | undefined;
  /** PostgreSQL schema to use instead of public (tests). */
  databaseSchema?: string | undefined;
  /** How long a query or transaction may take (DB_TIMEOUT_MS); default 15 s. */
  dbTimeoutMs?: number | undefined;
}

/** Opens the configured database and brings its schema up to date. Does not take the folder's lock. */
export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  const timeoutMs = options.dbTimeoutMs ?? DEFAULT_DB_TIMEOUT_MS;
  const db = options.databaseUrl
    ? await openPostgres({ connectionString: options.databaseUrl, schema: options.databaseSchema, timeoutMs })
    : await openPglite(join(options.dataDir, 'pglite'));
  try {
    // Migrations may rewrite tables: no time limit for them.
    await migrate(db);
    // A SERVER_SECRET that is not the one the codes were made with stops the start, not each enrolment.
    await enrolKey(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  // Above pg's own timeouts (which drop the stalled connection first); PGlite's only guard.
  return withTimeout(db, db.kind === 'postgres' ? timeoutMs + 2_000 : timeoutMs);
}

export interface ServerOptions extends DatabaseOptions {
  port: number;
  host: string;
  distDir: string;
  /** Where people open the app (PUBLIC_URL), for enrol links; default http://localhost:PORT. */
  publicUrl?: string | undefined;
  corsOrigins?: string[];
  /** The reverse proxy's addresses (TRUST_PROXY); true: one on this machine. */
  trustProxy?: ProxyTrust;
  rateLimit?: RateLimit;
  failureLimit?: RateLimit;
  /** Evidence file storage per agency; default FILES_QUOTA_MB from the environment, else 2048. */
  filesQuotaMb?: number | undefined;
  /** Free space PGlite's DATA_DIR must keep (MIN_FREE_MB, default 100); 0 turns the check off. */
  minFreeMb?: number | undefined;
  log?: Logger;
}

/** FILES_QUOTA_MB when it is a positive number. */
function quotaFromEnv(): number | undefined {
  const mb = Number(process.env.FILES_QUOTA_MB);
  return process.env.FILES_QUOTA_MB && mb > 0 ? mb : undefined;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  /** Stops listening, closes the database and gives up the folder. */
  close(): Promise<void>;
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  let lock: HeldLock | null = null;
  if (!options.databaseUrl) {
    // `npm run agency` may hold the folder for a moment; another server holds it for good.
    const got = await waitForLock(options.dataDir, 'server', 15_000, (h) => h.role === 'server');
    if ('heldBy' in got) {
      throw new Error(
        `DATA_DIR ${options.dataDir} is in use by process ${got.heldBy.pid}` +
          (got.heldBy.port ? ` (a server on port ${got.heldBy.port})` : ''),
      );
    }
    lock = got;
  }
  const releaseOnExit = () => lock?.release();
  process.once('exit', releaseOnExit);
  let db: Db;
  try {
    db = await openDatabase(options);
  } catch (err) {
    lock?.release();
    throw err;
  }

  let port = options.port;
  const filesQuotaMb = options.filesQuotaMb ?? quotaFromEnv();
  const minFreeMb = options.minFreeMb ?? DEFAULT_MIN_FREE_MB;
  const app = createApp({
    distDir: options.distDir,
    version: packageVersion(),
    ...(options.log ? { log: options.log } : {}),
    api: {
      db,
      publicUrl: () => options.publicUrl ?? `http://localhost:${port}`,
      ...(lock?.info.secret ? { adminSecret: lock.info.secret } : {}),
      ...(options.corsOrigins ? { corsOrigins: options.corsOrigins } : {}),
      ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
      ...(options.failureLimit ? { failureLimit: options.failureLimit } : {}),
      ...(filesQuotaMb ? { filesQuotaBytes: Math.floor(filesQuotaMb * 1024 * 1024) } : {}),
      // PostgreSQL's disk is the database server's; its disk_full errors still answer 507.
      ...(!options.databaseUrl && minFreeMb > 0
        ? { diskSpace: { dir: options.dataDir, minFreeBytes: Math.floor(minFreeMb * 1024 * 1024) } }
        : {}),
    },
  });

  let server: ServerType;
  try {
    server = await new Promise<ServerType>((resolvePromise, reject) => {
      const s = serve(
        { fetch: app.fetch, port: options.port, hostname: options.host },
        (info: AddressInfo) => {
          port = info.port;
          resolvePromise(s);
        },
      );
      s.once('error', reject);
    });
  } catch (err) {
    await db.close();
    lock?.release();
    throw err;
  }
  lock?.update({ port, host: options.host });

  let closing: Promise<void> | null = null;
  const shown = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`,
    port,
    db,
    close() {
      closing ??= (async () => {
        // Let requests in flight finish (a phone's upload) for a few seconds, then cut the rest.
        await new Promise<void>((done) => {
          const force = setTimeout(() => {
            if ('closeAllConnections' in server) server.closeAllConnections();
          }, 5_000);
          server.close(() => {
            clearTimeout(force);
            done();
          });
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        await db.close();
        lock?.release();
        process.removeListener('exit', releaseOnExit);
      })();
      return closing;
    },
  };
}
