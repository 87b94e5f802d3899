/**
 * The API's gatekeepers: which origins may call it, who the caller is (a
 * device's bearer token), and how often. Each refusal is a JSON error and
 * happens before anything is read or written.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { deviceForToken, type DeviceAuth } from './agencies';
import type { Db } from './db';
import type { TokenBuckets } from './rateLimit';
import type { RequestIdentity } from './requestLog';
import { TOKEN_PATTERN } from './secrets';
import { trustsPeer, type ProxyTrust } from './trustProxy';

export type ApiEnv = { Variables: { who: RequestIdentity; device: DeviceAuth } };

/** The `{ error, message }` body every API error has; `extra` adds e.g. a `path`. */
export function apiError(
  c: Context,
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503 | 507,
  error: string,
  message: string,
  extra: Record<string, unknown> = {},
) {
  return c.json({ error, message, ...extra }, status);
}

function peerAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The caller's address; behind a proxy (`TRUST_PROXY`), the address the proxy saw, if the peer is that proxy. */
export function clientAddress(c: Context, trustProxy: ProxyTrust): string {
  const peer = peerAddress(c);
  if (trustsPeer(trustProxy, peer)) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
    if (forwarded) return forwarded;
  }
  return peer;
}

export function isLoopback(address: string): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

/**
 * The app calls the API from its own origin, which needs no CORS. A browser
 * request from any other origin is refused outright, unless that origin is
 * listed in `CORS_ORIGIN` (or is `PUBLIC_URL`'s). Requests without an Origin
 * header (curl, the CLI, same-origin GETs) pass.
 */
export function originGuard(allowed: readonly string[], trustProxy: ProxyTrust): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined || allowed.includes(origin)) return next();
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      // "null" (sandboxed pages, files) and other non-URLs are foreign
    }
    const proxied = trustsPeer(trustProxy, peerAddress(c));
    const own = (proxied ? c.req.header('x-forwarded-host') : undefined) ?? c.req.header('host');
    if (host !== null && host === own) return next();
    return apiError(c, 403, 'origin_not_allowed', 'This origin may not call the API.');
  };
}

/**
 * Bearer-token authentication, then the device's rate limit. The token is
 * looked up first: a valid device passes even when its address has spent its
 * failure budget, because an office's phones share one address (NAT) and one
 * stale phone retrying must not stop the others syncing. Missing, unknown or
 * revoked tokens count against the address, and once its budget is spent
 * they get 429 instead of 401/403. Guessing gains nothing from the order:
 * tokens are 256 random bits, and malformed ones never reach the database.
 */
export function deviceAuth(
  db: Db,
  limits: { perDevice: TokenBuckets; failures: TokenBuckets },
  trustProxy: ProxyTrust,
): MiddlewareHandler<ApiEnv> {
  const refuse = (c: Context<ApiEnv>, address: string, status: 401 | 403, error: string, message: string) => {
    const wait = limits.failures.take(address);
    if (wait > 0) return tooMany(c, wait);
    if (status === 401) c.header('WWW-Authenticate', 'Bearer');
    return apiError(c, status, error, message);
  };
  return async (c, next) => {
    const address = clientAddress(c, trustProxy);
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    if (!match) {
      return refuse(c, address, 401, 'missing_token', 'ต้องลงทะเบียนเครื่องก่อน (ไม่มีโทเคนของเครื่อง)');
    }
    const token = match[1]!;
    const device = TOKEN_PATTERN.test(token) ? await deviceForToken(db, token) : null;
    if (!device) {
      return refuse(c, address, 401, 'invalid_token', 'โทเคนของเครื่องไม่ถูกต้อง กรุณาลงทะเบียนเครื่องใหม่');
    }
    c.set('who', { agencyId: device.agencyId, deviceId: device.deviceId });
    if (device.revoked) {
      return refuse(c, address, 403, 'device_revoked', 'เครื่องนี้ถูกยกเลิกสิทธิ์แล้ว กรุณาติดต่อผู้ดูแลระบบ');
    }
    const deviceWait = limits.perDevice.take(`${device.agencyId}/${device.deviceId}`);
    if (deviceWait > 0) return tooMany(c, deviceWait);
    c.set('device', device);
    return next();
  };
}

export function tooMany(c: Context, seconds: number) {
  c.header('Retry-After', String(seconds));
  return apiError(c, 429, 'rate_limited', `ส่งคำขอถี่เกินไป กรุณารอ ${seconds} วินาทีแล้วลองใหม่`, {
    retryAfter: seconds,
  });
}
