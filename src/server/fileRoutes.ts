/**
 * Evidence file routes (files.ts): PUT the bytes under their SHA-256 (the
 * server hashes them and refuses a mismatch), PUT a small preview, GET or
 * HEAD either. Addresses are per agency: another agency's file is a 404, the
 * same as a file nobody uploaded, so nothing can be probed.
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Db } from './db';
import {
  DEFAULT_FILES_QUOTA_MB,
  FILE_TYPES,
  getFile,
  MAX_FILE_BYTES,
  MAX_THUMB_BYTES,
  putFile,
  SHA256,
  sha256Hex,
  THUMB_TYPES,
  type FileVariant,
} from './files';
import { apiError, type ApiEnv } from './guards';

const IMMUTABLE = 'private, max-age=31536000, immutable';

function sizeLimit(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: (c) => {
      c.header('Connection', 'close');
      return apiError(c, 413, 'too_large', `ไฟล์ใหญ่เกินไป (สูงสุด ${Math.floor(maxSize / 1024)} KB)`);
    },
  });
}

const mediaType = (c: Context) => (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();

export function registerFileRoutes(
  api: Hono<ApiEnv>,
  options: {
    db: Db;
    auth: MiddlewareHandler<ApiEnv>;
    /** Refuses uploads while the disk is nearly full (507). */
    needsSpace?: MiddlewareHandler<ApiEnv>;
    quotaBytes?: number | undefined;
  },
): void {
  const { db, auth } = options;
  const needsSpace: MiddlewareHandler<ApiEnv> = options.needsSpace ?? ((_, next) => next());
  const quotaBytes = options.quotaBytes ?? DEFAULT_FILES_QUOTA_MB * 1024 * 1024;

  const put = (variant: FileVariant) => async (c: Context<ApiEnv>) => {
    const sha256 = c.req.param('sha256') ?? '';
    if (!SHA256.test(sha256)) {
      return apiError(c, 404, 'not_found', 'ที่อยู่ไฟล์ต้องเป็น SHA-256 ของไฟล์ (ตัวอักษร 0-9 a-f 64 ตัว)');
    }
    const type = mediaType(c);
    const allowed = variant === 'file' ? FILE_TYPES : THUMB_TYPES;
    if (!allowed.has(type)) {
      return apiError(c, 415, 'unsupported_type', `รับเฉพาะไฟล์ชนิด ${[...allowed].join(', ')}`, {
        allowed: [...allowed],
      });
    }
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.byteLength === 0) return apiError(c, 400, 'empty', 'ไฟล์ว่างเปล่า');
    if (variant === 'file' && sha256Hex(bytes) !== sha256) {
      return apiError(c, 422, 'hash_mismatch', 'ไฟล์ที่ได้รับไม่ตรงกับรหัส SHA-256 (อาจส่งมาไม่ครบ) กรุณาส่งใหม่');
    }
    const device = c.get('device');
    const result = await putFile(db, {
      agencyId: device.agencyId,
      deviceId: device.deviceId,
      sha256,
      variant,
      type,
      bytes,
      quotaBytes,
    });
    if (result === 'over_quota') {
      return apiError(c, 507, 'quota_exceeded', 'พื้นที่เก็บไฟล์ของหน่วยงานเต็มแล้ว กรุณาติดต่อผู้ดูแลระบบ', {
        quotaBytes,
      });
    }
    const duplicate = result === 'duplicate';
    return c.json({ sha256, variant, size: bytes.byteLength, duplicate }, duplicate ? 200 : 201);
  };

  // GET also answers HEAD (Hono runs the GET handler and drops the body): no bytes are read then.
  const get = (variant: FileVariant) => async (c: Context<ApiEnv>) => {
    const sha256 = c.req.param('sha256') ?? '';
    const head = c.req.method === 'HEAD';
    const file = SHA256.test(sha256)
      ? await getFile(db, c.get('device').agencyId, sha256, variant, !head)
      : null;
    if (!file) {
      return apiError(c, 404, 'not_found', variant === 'thumb' ? 'ยังไม่มีภาพย่อของไฟล์นี้' : 'ยังไม่มีไฟล์นี้บนเซิร์ฟเวอร์');
    }
    const etag = `"${sha256}${variant === 'thumb' ? '-thumb' : ''}"`;
    c.header('Cache-Control', IMMUTABLE);
    c.header('ETag', etag);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
    c.header('Content-Type', file.type);
    c.header('Content-Length', String(file.size));
    if (head || !file.bytes) return c.body(null, 200);
    return c.body(new Uint8Array(file.bytes), 200);
  };

  api.put('/v1/files/:sha256', auth, needsSpace, sizeLimit(MAX_FILE_BYTES), put('file'));
  api.put('/v1/files/:sha256/thumb', auth, needsSpace, sizeLimit(MAX_THUMB_BYTES), put('thumb'));
  api.get('/v1/files/:sha256', auth, get('file'));
  api.get('/v1/files/:sha256/thumb', auth, get('thumb'));
}
