/**
 * Evidence files (sync.md): photos and PDFs travel apart from the records
 * that mention them, content-addressed by SHA-256 per agency, so an upload
 * cut off and retried, or the same photo sent by two phones, is stored once.
 * Each file may have a small JPEG preview (`thumb`) that other phones fetch
 * first.
 *
 * The bytes live in the database (bytea), on PGlite as on PostgreSQL: one
 * SQL for both, one place to back up, and a file and its quota count change
 * in one transaction. Each agency has a storage quota; the usage counter is
 * checked and raised in the same statement, so concurrent uploads cannot
 * overshoot it.
 */
import { createHash } from 'node:crypto';
import type { Db } from './db';

export type FileVariant = 'file' | 'thumb';

export const FILE_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
]);
export const THUMB_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/webp']);
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_THUMB_BYTES = 200 * 1024;
export const DEFAULT_FILES_QUOTA_MB = 2048;
export const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type PutFileResult = 'created' | 'duplicate' | 'over_quota';

class OverQuota extends Error {}

export async function putFile(
  db: Db,
  input: {
    agencyId: string;
    deviceId: string;
    sha256: string;
    variant: FileVariant;
    type: string;
    bytes: Uint8Array;
    quotaBytes: number;
  },
): Promise<PutFileResult> {
  try {
    return await db.transaction(async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO files (agency_id, sha256, variant, type, size, bytes, device_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (agency_id, sha256, variant) DO NOTHING RETURNING size`,
        [
          input.agencyId,
          input.sha256,
          input.variant,
          input.type,
          input.bytes.byteLength,
          input.bytes,
          input.deviceId,
        ],
      );
      if (inserted.rows.length === 0) return 'duplicate';
      const usage = await tx.query(
        `INSERT INTO file_usage AS u (agency_id, bytes) SELECT $1, $2::bigint WHERE $2::bigint <= $3::bigint
         ON CONFLICT (agency_id) DO UPDATE SET bytes = u.bytes + EXCLUDED.bytes
         WHERE u.bytes + EXCLUDED.bytes <= $3::bigint RETURNING bytes`,
        [input.agencyId, input.bytes.byteLength, input.quotaBytes],
      );
      if (usage.rows.length === 0) throw new OverQuota(); // rolls the file back
      return 'created';
    });
  } catch (err) {
    if (err instanceof OverQuota) return 'over_quota';
    throw err;
  }
}

export interface StoredFile {
  type: string;
  size: number;
  /** Null when only the metadata was asked for (HEAD). */
  bytes: Uint8Array | null;
}

export async function getFile(
  db: Db,
  agencyId: string,
  sha256: string,
  variant: FileVariant,
  withBytes: boolean,
): Promise<StoredFile | null> {
  const { rows } = await db.query<{ type: string; size: number; bytes: Uint8Array | null }>(
    `SELECT type, size, ${withBytes ? 'bytes' : 'NULL AS bytes'} FROM files
     WHERE agency_id = $1 AND sha256 = $2 AND variant = $3`,
    [agencyId, sha256, variant],
  );
  return rows[0] ?? null;
}
