/**
 * The HTTP API under /api (contracts.md): health, device enrolment, reporting
 * uploads, two-way sync (push, pull), evidence files, and the loopback-only
 * admin endpoint used by `npm run agency`.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import * as v from 'valibot';
import { checkExportDocument } from '../domain/exportSchema';
import {
  compactChange,
  PULL_FORMATS,
  PULL_MAX_CHANGES,
  PUSH_MAX_BYTES,
  pushRequestSchema,
  type WirePullResponse,
} from '../domain/syncProtocol';
import { runAdmin } from './admin';
import { enrolDevice, type EnrolRefusal } from './agencies';
import { DbTimeout, withTimeout, type Db } from './db';
import { canonicalJson, getExportJson, listExports, MAX_PAGE, putExport, type PutResult } from './exports';
import { registerFileRoutes } from './fileRoutes';
import { diskCheck, type DiskSpace } from './disk';
import { deeperThan, isJsonType, MAX_CLOCK_AHEAD_MS, MAX_JSON_DEPTH } from './limits';
import { apiError, clientAddress, deviceAuth, isLoopback, originGuard, type ApiEnv } from './guards';
import type { ProxyTrust } from './trustProxy';
import { TokenBuckets, type RateLimit } from './rateLimit';
import { sameSecret, TOKEN_PATTERN } from './secrets';
import { pullChanges, pushOps } from './sync';

export interface ApiOptions {
  db: Db;
  version: string;
  /** Where people open the app, for enrol links; a function because port 0 is known only once listening. */
  publicUrl: () => string;
  /** The loopback admin endpoint's secret (from the lock file); no secret, no endpoint. */
  adminSecret?: string;
  /** Other origins allowed to call the API from a browser (`CORS_ORIGIN`). */
  corsOrigins?: string[];
  /** Use X-Forwarded-For / X-Forwarded-Host, only from these proxy addresses (`TRUST_PROXY`; true: loopback). */
  trustProxy?: ProxyTrust;
  /** Per device: default a burst of 60 and 60 a minute. */
  rateLimit?: RateLimit;
  /** Per address, failed authentications and enrol codes: default a burst of 20 and 10 a minute. */
  failureLimit?: RateLimit;
  /** Server-wide, enrol codes that match nothing: default ENROL_FAILURE_LIMIT. */
  enrolFailureLimit?: RateLimit;
  maxExportBytes?: number;
  maxPushBytes?: number;
  /** Evidence file storage per agency (`FILES_QUOTA_MB`), in bytes; default 2048 MB. */
  filesQuotaBytes?: number;
  /** How far ahead of the server's clock a pushed stamp may be; default MAX_CLOCK_AHEAD_MS. */
  maxClockAheadMs?: number;
  /** The server's clock (tests). */
  now?: () => number;
  /** Where the database writes and how much must stay free (PGlite's DATA_DIR, MIN_FREE_MB). */
  diskSpace?: DiskSpace;
}

export const MAX_EXPORT_BYTES = 10 * 1024 * 1024;
/** /api/health answers within this, whatever the database does. */
export const HEALTH_TIMEOUT_MS = 2_500;
/** A push of PUSH_MAX_OPS ops; real batches are far smaller (an op is a few hundred bytes). */
export const MAX_PUSH_BYTES = PUSH_MAX_BYTES;
const MAX_SMALL_BODY = 16 * 1024;

/**
 * Wrong enrol codes server-wide (a code does not say its agency until it
 * matches): past this, enrolment answers 429 for everyone for a while, and
 * enrolled devices sync on. With 80-bit codes this is far beyond any guessing.
 */
export const ENROL_FAILURE_LIMIT: RateLimit = { burst: 60, perMinute: 30 };
const ALL = 'all';

const ENROL_REFUSALS: Record<EnrolRefusal, [401 | 403 | 409, string]> = {
  invalid_code: [401, 'รหัสลงทะเบียนไม่ถูกต้อง'],
  expired_code: [401, 'รหัสลงทะเบียนหมดอายุแล้ว กรุณาขอรหัสใหม่จากผู้ดูแลระบบ'],
  used_code: [401, 'รหัสลงทะเบียนนี้ถูกใช้ครบจำนวนเครื่องแล้ว กรุณาขอรหัสใหม่จากผู้ดูแลระบบ'],
  revoked_code: [401, 'รหัสลงทะเบียนนี้ถูกยกเลิกแล้ว กรุณาขอรหัสใหม่จากผู้ดูแลระบบ'],
  device_revoked: [403, 'เครื่องนี้ถูกยกเลิกสิทธิ์แล้ว กรุณาติดต่อผู้ดูแลระบบ'],
  device_exists: [
    409,
    'รหัสเครื่องนี้ลงทะเบียนกับหน่วยงานไว้แล้ว เครื่องที่ลงทะเบียนไว้ขอรหัสใหม่ได้ด้วยโทเคนเดิมเท่านั้น กรุณาติดต่อผู้ดูแลระบบ',
  ],
};

function enrolTooMany(c: Context, seconds: number) {
  c.header('Retry-After', String(seconds));
  return apiError(
    c,
    429,
    'rate_limited',
    `มีการลองรหัสลงทะเบียนผิดหลายครั้ง กรุณารอ ${seconds} วินาทีแล้วลองใหม่ (เครื่องที่ลงทะเบียนแล้วยังส่งข้อมูลได้ตามปกติ)`,
    { retryAfter: seconds },
  );
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const enrolSchema = v.object({
  code: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  deviceName: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
  deviceId: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/))),
  /** Random, made by the phone per enrolment and sent again on its retries (base64url, ≥ 128 bits). */
  enrolNonce: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22,86}$/))),
});

type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

export function createApi(options: ApiOptions): Hono<ApiEnv> {
  const { db } = options;
  const trustProxy = options.trustProxy ?? false;
  const perDevice = new TokenBuckets(options.rateLimit ?? { burst: 60, perMinute: 60 });
  const failures = new TokenBuckets(options.failureLimit ?? { burst: 20, perMinute: 10 });
  const enrolFailures = new TokenBuckets(options.enrolFailureLimit ?? ENROL_FAILURE_LIMIT);
  const auth = deviceAuth(db, { perDevice, failures }, trustProxy);
  const sizeLimit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) => {
        // The rest of the body is not read: the connection cannot carry another request.
        c.header('Connection', 'close');
        return apiError(c, 413, 'too_large', `ข้อมูลใหญ่เกินไป (สูงสุด ${Math.floor(maxSize / 1024)} KB)`);
      },
    });
  const api = new Hono<ApiEnv>();
  const disk = options.diskSpace ? diskCheck(options.diskSpace) : null;
  /** Writes are refused before they are read while the disk is (nearly) full. */
  const needsSpace: MiddlewareHandler<ApiEnv> = async (c, next) => {
    if (disk && (await disk.low())) {
      c.header('Retry-After', '300');
      return apiError(
        c,
        507,
        'insufficient_storage',
        'พื้นที่ดิสก์ของเซิร์ฟเวอร์ใกล้เต็ม ยังไม่รับข้อมูลใหม่ ข้อมูลยังอยู่ในเครื่อง จะส่งใหม่อัตโนมัติ กรุณาแจ้งผู้ดูแลระบบ',
        { minFreeBytes: disk.minFreeBytes },
      );
    }
    return next();
  };

  const now = options.now ?? Date.now;
  const maxClockAheadMs = options.maxClockAheadMs ?? MAX_CLOCK_AHEAD_MS;

  const readJson = async (c: Context): Promise<JsonBody> => {
    // Only JSON that says so: a text/plain POST is what a foreign page can send without a preflight.
    if (!isJsonType(c.req.header('content-type'))) {
      return {
        ok: false,
        response: apiError(c, 415, 'unsupported_type', 'ต้องส่งข้อมูลเป็น JSON (Content-Type: application/json)', {
          allowed: ['application/json'],
        }),
      };
    }
    const text = await c.req.text();
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      return { ok: false, response: apiError(c, 400, 'invalid_json', 'ข้อมูลไม่ใช่ JSON ที่ถูกต้อง') };
    }
  };

  api.use('*', async (c, next) => {
    await next();
    // Evidence files set their own (immutable: the address is the content's hash).
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  api.use('*', originGuard([...(options.corsOrigins ?? [])], trustProxy));
  if (options.corsOrigins?.length) {
    api.use(
      '*',
      cors({
        origin: options.corsOrigins,
        allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS'],
        allowHeaders: ['Authorization', 'Content-Type'],
        maxAge: 600,
      }),
    );
  }

  api.get('/health', async (c) => {
    const base = { db: db.kind, version: options.version };
    try {
      // A monitor needs an answer, not a hang: a database that does not answer in time is down.
      await withTimeout(db, HEALTH_TIMEOUT_MS).query('SELECT 1');
      if (disk && (await disk.low())) {
        // Reads still work, but no edit can be stored: down, for a monitor.
        return c.json(
          {
            ok: false,
            ...base,
            error: 'disk_full',
            message: `less than ${Math.round(disk.minFreeBytes / 1024 / 1024)} MB free where the database writes`,
            freeBytes: await disk.free(),
            minFreeBytes: disk.minFreeBytes,
          },
          503,
        );
      }
      return c.json({ ok: true, ...base });
    } catch (err) {
      const slow = err instanceof DbTimeout;
      return c.json(
        {
          ok: false,
          ...base,
          error: slow ? 'db_timeout' : 'db_unavailable',
          message: slow ? `database did not answer in ${HEALTH_TIMEOUT_MS / 1000} s` : 'database unavailable',
        },
        503,
      );
    }
  });

  api.post('/v1/enrol', sizeLimit(MAX_SMALL_BODY), async (c) => {
    const address = clientAddress(c, trustProxy);
    // Before the code is looked at: a right guess must wait like a wrong one.
    const wait = Math.max(enrolFailures.wait(ALL), failures.wait(address));
    if (wait > 0) return enrolTooMany(c, wait);
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const parsed = v.safeParse(enrolSchema, body.value);
    if (!parsed.success) {
      const path = parsed.issues[0].path?.map((p) => String(p.key)).join('.') ?? '';
      return apiError(c, 422, 'invalid', `ข้อมูลลงทะเบียนไม่ถูกต้อง${path ? ` ที่ ${path}` : ''}`, { path });
    }
    // A device asking for a new token of its own id shows its current one.
    const bearerToken = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const currentToken = bearerToken && TOKEN_PATTERN.test(bearerToken) ? bearerToken : undefined;
    const result = await enrolDevice(db, { ...parsed.output, currentToken });
    if (!result.ok) {
      failures.take(address);
      // Only a code that matches nothing is a guess; the others were real codes.
      if (result.reason === 'invalid_code') enrolFailures.take(ALL);
      const [status, message] = ENROL_REFUSALS[result.reason];
      return apiError(c, status, result.reason, message);
    }
    c.set('who', { agencyId: result.agencyId, deviceId: result.deviceId });
    return c.json({ deviceId: result.deviceId, token: result.token }, 201);
  });

  api.post(
    '/v1/exports',
    auth,
    needsSpace,
    sizeLimit(options.maxExportBytes ?? MAX_EXPORT_BYTES),
    async (c) => {
      const device = c.get('device');
      const body = await readJson(c);
      if (!body.ok) return body.response;
      // Before anything walks it: a document nested thousands deep overflows a recursive walk.
      if (deeperThan(body.value, MAX_JSON_DEPTH)) {
        return apiError(c, 422, 'too_deep', `ไฟล์ส่งออกมีข้อมูลซ้อนกันลึกเกิน ${MAX_JSON_DEPTH} ชั้น ไม่มีการบันทึกข้อมูล`, {
          limit: MAX_JSON_DEPTH,
        });
      }
      const check = checkExportDocument(body.value);
      if (!check.ok)
        return apiError(c, 422, check.code, check.message, check.path ? { path: check.path } : {});
      const canonical = canonicalJson(check.document);
      if (!canonical.ok) {
        return apiError(c, 422, 'invalid', `ข้อความที่ ${canonical.path} มีอักขระที่บันทึกไม่ได้`, {
          path: canonical.path,
        });
      }
      let result: PutResult;
      try {
        result = await putExport(db, {
          agencyId: device.agencyId,
          deviceId: device.deviceId,
          document: check.document,
          canonicalJson: canonical.json,
        });
      } catch (err) {
        // PostgreSQL's data exceptions (class 22: e.g. a date out of its range) are the document's fault.
        if (!String((err as { code?: unknown }).code ?? '').startsWith('22')) throw err;
        return apiError(c, 422, 'invalid', 'ไฟล์ส่งออกมีค่าที่บันทึกไม่ได้ ไม่มีการบันทึกข้อมูล');
      }
      if (result.status === 'conflict') {
        return apiError(c, 409, 'export_conflict', 'มีไฟล์ส่งออกรหัสเดียวกันที่เนื้อหาต่างกันอยู่แล้ว ไฟล์นี้จึงไม่ถูกบันทึก');
      }
      const duplicate = result.status === 'duplicate';
      return c.json(
        { id: check.document.id, receivedAt: result.receivedAt, duplicate },
        duplicate ? 200 : 201,
      );
    },
  );

  api.get('/v1/exports', auth, async (c) => {
    const limitText = c.req.query('limit') ?? '50';
    const cursorText = c.req.query('cursor');
    const limit = /^\d{1,4}$/.test(limitText) ? Number(limitText) : NaN;
    const cursor =
      cursorText === undefined ? undefined : /^\d{1,15}$/.test(cursorText) ? Number(cursorText) : NaN;
    if (!(limit >= 1 && limit <= MAX_PAGE) || Number.isNaN(cursor)) {
      return apiError(c, 400, 'invalid_query', `limit must be 1–${MAX_PAGE} and cursor the "next" of a page`);
    }
    const page = await listExports(db, c.get('device').agencyId, { limit, before: cursor });
    return c.json(page.next === undefined ? page : { ...page, next: String(page.next) });
  });

  api.get('/v1/exports/:id', auth, async (c) => {
    const id = c.req.param('id');
    const json = UUID.test(id) ? await getExportJson(db, c.get('device').agencyId, id) : null;
    if (json === null) return apiError(c, 404, 'not_found', 'ไม่พบไฟล์ส่งออกนี้');
    return c.body(json, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  api.post(
    '/v1/sync/push',
    auth,
    needsSpace,
    sizeLimit(options.maxPushBytes ?? MAX_PUSH_BYTES),
    async (c) => {
      const device = c.get('device');
      const body = await readJson(c);
      if (!body.ok) return body.response;
      const parsed = v.safeParse(pushRequestSchema, body.value);
      if (!parsed.success) {
        const path = parsed.issues[0].path?.map((p) => String(p.key)).join('.') ?? '';
        return apiError(c, 422, 'invalid', `ข้อมูลที่ส่งมาไม่ถูกต้อง${path ? ` ที่ ${path}` : ''} ไม่มีการบันทึกข้อมูล`, {
          path,
        });
      }
      if (parsed.output.deviceId !== device.deviceId) {
        return apiError(c, 403, 'wrong_device', 'รหัสเครื่องไม่ตรงกับโทเคนของเครื่อง ไม่มีการบันทึกข้อมูล');
      }
      // A stamp from the future would beat every edit until that time: the phone's clock is wrong.
      // The whole batch waits on the phone (nothing is lost) and the person sees why.
      const serverTime = now();
      const ahead = Math.max(
        0,
        ...parsed.output.ops.map((op) => (/^\d{15}-/.test(op.hlc) ? Number(op.hlc.slice(0, 15)) : 0)),
      );
      if (ahead > serverTime + maxClockAheadMs) {
        return apiError(
          c,
          422,
          'clock_ahead',
          `นาฬิกาของเครื่องนี้เดินเร็วเกินไป (เร็วกว่าเวลาของเซิร์ฟเวอร์ ${Math.ceil((ahead - serverTime) / 60_000).toLocaleString('en')} นาที) กรุณาตั้งวันที่และเวลาของเครื่องให้ถูกต้อง (ตั้งอัตโนมัติ) แล้วซิงก์ใหม่ การแก้ไขยังอยู่ในเครื่อง ไม่มีข้อมูลสูญหาย`,
          { serverTime: new Date(serverTime).toISOString(), limitMs: maxClockAheadMs },
        );
      }
      return c.json(await pushOps(db, device, parsed.output));
    },
  );

  api.get('/v1/sync/pull', auth, async (c) => {
    const sinceText = c.req.query('since') ?? '0';
    const limitText = c.req.query('limit') ?? String(PULL_MAX_CHANGES);
    const formatText = c.req.query('format') ?? '1';
    const since = /^\d{1,15}$/.test(sinceText) ? Number(sinceText) : NaN;
    const limit = /^\d{1,5}$/.test(limitText) ? Number(limitText) : NaN;
    const format = PULL_FORMATS.find((f) => String(f) === formatText);
    if (Number.isNaN(since) || !(limit >= 1 && limit <= PULL_MAX_CHANGES) || format === undefined) {
      return apiError(
        c,
        400,
        'invalid_query',
        `since must be a cursor (0 or more), limit 1–${PULL_MAX_CHANGES} and format ${PULL_FORMATS.join(' or ')}`,
      );
    }
    const page = await pullChanges(db, c.get('device').agencyId, since, limit);
    // Format 1 unless asked: builds already on phones read only `stamps`.
    if (format === 1) return c.json(page);
    return c.json({ ...page, changes: page.changes.map(compactChange) } satisfies WirePullResponse);
  });

  registerFileRoutes(api, { db, auth, needsSpace, quotaBytes: options.filesQuotaBytes });

  // `npm run agency` while the server holds the PGlite folder: loopback only, with the lock file's secret.
  api.post('/admin/:command', sizeLimit(MAX_SMALL_BODY), async (c) => {
    const secret = c.req.header('x-admin-secret');
    const proxied = c.req.header('x-forwarded-for') !== undefined || c.req.header('forwarded') !== undefined;
    if (
      !options.adminSecret ||
      !secret ||
      proxied ||
      !isLoopback(clientAddress(c, false)) ||
      !sameSecret(secret, options.adminSecret)
    ) {
      return apiError(c, 404, 'not_found', 'ไม่พบ API นี้');
    }
    const body = await readJson(c);
    if (!body.ok) return body.response;
    const args = (body.value as { args?: unknown } | null)?.args;
    if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) {
      return apiError(c, 400, 'usage', 'args must be a list of strings');
    }
    const result = await runAdmin(db, c.req.param('command'), args, { publicUrl: options.publicUrl() });
    return result.ok ? c.json(result.result) : apiError(c, result.status, result.error, result.message);
  });

  return api;
}
