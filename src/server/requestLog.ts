/**
 * One JSON line per request: method, path without its query, status, time,
 * and which agency and device asked. Never a token, enrol code, body, name
 * or query string (an enrol link carries its code in the query).
 */
import type { MiddlewareHandler } from 'hono';

export interface LogEntry {
  time: string;
  level: 'info' | 'warn' | 'error';
  msg: string;
  method?: string;
  path?: string;
  status?: number;
  ms?: number;
  agency?: string;
  device?: string;
  error?: string;
}

export type Logger = (entry: LogEntry) => void;

export const jsonLinesLogger: Logger = (entry) => process.stdout.write(`${JSON.stringify(entry)}\n`);

export const silentLogger: Logger = () => {};

/** Who the request turned out to be, set by the authentication middleware. */
export interface RequestIdentity {
  agencyId?: string;
  deviceId?: string;
}

export function requestLog(log: Logger): MiddlewareHandler<{ Variables: { who: RequestIdentity } }> {
  return async (c, next) => {
    const started = performance.now();
    c.set('who', {});
    await next();
    const who = c.get('who');
    const status = c.res.status;
    log({
      time: new Date().toISOString(),
      level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
      msg: 'request',
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(who.agencyId ? { agency: who.agencyId } : {}),
      ...(who.deviceId ? { device: who.deviceId } : {}),
    });
  };
}
