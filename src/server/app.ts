/**
 * The HTTP app: the built PWA from one folder, and the API under /api.
 * Deep links get index.html so the app's router can answer them. Without
 * `api` (the bench's static server) only /api/health answers under /api.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createApi, type ApiOptions } from './api';
import { isDbUnavailable } from './db';
import { isDiskFull } from './disk';
import { apiError, type ApiEnv } from './guards';
import { indexScriptHashes } from './inlineScripts';
import { requestLog, silentLogger, type Logger } from './requestLog';

export interface AppOptions {
  /** Folder with the production build (index.html, assets/, sw.js). */
  distDir: string;
  version: string;
  /** The database-backed API; see api.ts. */
  api?: Omit<ApiOptions, 'version'>;
  /** One JSON line per request; silent when not given. */
  log?: Logger;
}

/** Files that must never be cached long, or a new build would never reach phones. */
const NO_CACHE = new Set(['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/registerSW.js']);

export function createApp(options: AppOptions): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const root = relative(process.cwd(), options.distDir) || '.';
  const log = options.log ?? silentLogger;

  app.use('*', requestLog(log));
  app.onError((err, c) => {
    // The error's name and code only: a message may quote request data.
    const code = (err as { code?: unknown }).code;
    log({
      time: new Date().toISOString(),
      level: 'error',
      msg: 'unhandled error',
      path: c.req.path,
      error: `${err.name}${typeof code === 'string' ? ` ${code}` : ''}`,
    });
    if (c.req.path.startsWith('/api/') && isDiskFull(err)) {
      return apiError(c, 507, 'insufficient_storage', 'พื้นที่ดิสก์ของเซิร์ฟเวอร์เต็ม ยังไม่รับข้อมูลใหม่ กรุณาแจ้งผู้ดูแลระบบ');
    }
    if (c.req.path.startsWith('/api/') && isDbUnavailable(err)) {
      // Nothing was stored (or a retry finds what was): the phone tries again later.
      c.header('Retry-After', '30');
      return apiError(c, 503, 'db_unavailable', 'ฐานข้อมูลของเซิร์ฟเวอร์ไม่ตอบสนอง กรุณาลองใหม่ภายหลัง');
    }
    if (c.req.path.startsWith('/api/'))
      return apiError(c, 500, 'internal', 'เกิดข้อผิดพลาดในเซิร์ฟเวอร์ กรุณาลองใหม่');
    return c.text('Internal error', 500);
  });

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // The build's one inline script (the opening page's preload) by its hash.
        scriptSrc: ["'self'", ...indexScriptHashes(join(options.distDir, 'index.html'))],
        // Progress bars set their width with a style attribute.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );

  if (options.api) app.route('/api', createApi({ ...options.api, version: options.version }));
  else app.get('/api/health', (c) => c.json({ ok: true, version: options.version }));
  app.all('/api/*', (c) => c.json({ error: 'not_found', message: 'ไม่พบ API นี้' }, 404));

  app.use('*', async (c, next) => {
    await next();
    const path = c.req.path;
    if (NO_CACHE.has(path)) c.header('Cache-Control', 'no-cache');
    else if (path.startsWith('/assets/')) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });

  app.use('*', serveStatic({ root }));

  // Deep links (/plans/…) answer with the app; a missing file with an extension is a real 404.
  app.get('*', async (c) => {
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return c.text('Not found', 404);
    const html = await readFile(join(options.distDir, 'index.html'), 'utf8');
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  });

  return app;
}
