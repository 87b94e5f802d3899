/**
 * `npm start`: builds the app when the build is missing or older than the
 * sources, then serves it and the API on one port. One command on a fresh
 * machine: the database is embedded (PGlite in DATA_DIR, default ./data)
 * unless DATABASE_URL names a PostgreSQL server.
 *
 * Environment: PORT (8080), HOST (0.0.0.0), DIST_DIR (./dist), DATA_DIR
 * (./data), DATABASE_URL, PUBLIC_URL (for enrol links), CORS_ORIGIN (comma
 * separated), TRUST_PROXY (the TLS proxy's IP addresses, comma separated; 1
 * for one on this machine: X-Forwarded-* is believed only from them),
 * RATE_LIMIT_PER_MINUTE (300), DB_TIMEOUT_MS (15000: a query or transaction
 * that takes longer answers 503), MIN_FREE_MB (100: below it, uploads answer
 * 507 and /api/health 503), LOG=silent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer } from '../server/main';
import { jsonLinesLogger, silentLogger } from '../server/requestLog';
import { parseTrustProxy } from '../server/trustProxy';

const distDir = resolve(process.env.DIST_DIR ?? 'dist');
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newestMtime(join(path, name)));
  return max;
}

function needsBuild(): boolean {
  const index = join(distDir, 'index.html');
  if (!existsSync(index) || !existsSync(join(distDir, 'sw.js'))) return true;
  if (process.env.DIST_DIR) return false; // an explicit build folder is served as it is
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].filter(existsSync);
  return Math.max(...sources.map(newestMtime)) > statSync(index).mtimeMs;
}

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not "${process.env.PORT ?? ''}"`);
  process.exit(2);
}

if (needsBuild()) {
  console.log('Building the app…');
  const r = spawnSync(
    process.execPath,
    [resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const env = (name: string) => (process.env[name] ? process.env[name] : undefined);
const trustProxy = parseTrustProxy(env('TRUST_PROXY'));
if (!trustProxy.ok) {
  console.error(trustProxy.error);
  process.exit(2);
}
// A fresh phone pulls a year's changes in pages of 1,000: allow it a few hundred requests a minute.
const perMinute = Number(env('RATE_LIMIT_PER_MINUTE') ?? 300);

try {
  const server = await startServer({
    port,
    host,
    distDir,
    dataDir: resolve(env('DATA_DIR') ?? 'data'),
    databaseUrl: env('DATABASE_URL'),
    ...(env('MIN_FREE_MB') !== undefined && Number(env('MIN_FREE_MB')) >= 0
      ? { minFreeMb: Number(env('MIN_FREE_MB')) }
      : {}),
    ...(Number(env('DB_TIMEOUT_MS')) > 0 ? { dbTimeoutMs: Number(env('DB_TIMEOUT_MS')) } : {}),
    publicUrl: env('PUBLIC_URL'),
    corsOrigins: (env('CORS_ORIGIN') ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    trustProxy: trustProxy.trust,
    ...(perMinute > 0 ? { rateLimit: { burst: perMinute, perMinute } } : {}),
    log: env('LOG') === 'silent' ? silentLogger : jsonLinesLogger,
  });
  console.log(`ITA Tracker: ${server.url} (database: ${server.db.kind})`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  console.error(`Could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
