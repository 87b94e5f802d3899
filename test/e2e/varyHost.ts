/**
 * The app's own server in front of the build, with every response given
 * `Vary: Origin`, as vite preview and many CDNs and static hosts do. A cache
 * lookup that honours Vary then misses for a request whose Origin differs from
 * the one the file was cached with: the app must open offline all the same.
 */
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/server/app';

export interface VaryHost {
  url: string;
  close: () => Promise<void>;
}

export function startVaryHost(distDir = 'dist'): Promise<VaryHost> {
  const app = createApp({ distDir, version: 'vary-host' });
  const fetch = async (request: Request): Promise<Response> => {
    const res = await app.fetch(request);
    const headers = new Headers(res.headers);
    headers.append('Vary', 'Origin');
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  };
  return new Promise((resolve, reject) => {
    const server: ServerType = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise((done) => {
            if ('closeAllConnections' in server) server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    );
    server.on('error', reject);
  });
}
