/**
 * Starts the server: the built app (and later the sync API) on one port.
 * PORT (default 8080), HOST (default 0.0.0.0), DIST_DIR (default ./dist).
 */
import { serve } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApp } from './app';

export function startServer(opts: { port: number; host: string; distDir: string }) {
  const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version: string };
  const app = createApp({ distDir: opts.distDir, version: pkg.version });
  const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info) => {
    const shown = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host;
    console.log(`ITA Tracker: http://${shown}:${info.port}/`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return server;
}
