/**
 * `npm start`: builds the app when the build is missing or older than the
 * sources, then serves it. One command on a fresh machine.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer } from '../server/main';

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

startServer({ port, host, distDir });
