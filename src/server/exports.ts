/**
 * Reporting uploads: export documents stored per agency, idempotent by the
 * export's id. The body is hashed in a canonical form (keys sorted), so the
 * same document sent again, by the same phone or carried by hand to another,
 * is recognised whatever its key order or spacing.
 */
import { createHash } from 'node:crypto';
import type { ValidExportDocument } from '../domain/exportSchema';
import { isoInstant, type Db } from './db';

/** A string PostgreSQL's jsonb cannot hold: NUL, or half of a surrogate pair. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export type Canonical = { ok: true; json: string } | { ok: false; path: string };

/** JSON with object keys sorted at every level; refuses strings jsonb cannot store. */
export function canonicalJson(value: unknown): Canonical {
  let bad: string | null = null;
  const walk = (v: unknown, path: string[]): unknown => {
    if (typeof v === 'string') {
      if (bad === null && UNSTORABLE.test(v)) bad = path.join('.');
      return v;
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, [...path, String(i)]));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort()) {
        if (bad === null && UNSTORABLE.test(key)) bad = [...path, key].join('.');
        out[key] = walk((v as Record<string, unknown>)[key], [...path, key]);
      }
      return out;
    }
    return v;
  };
  const json = JSON.stringify(walk(value, []));
  return bad === null ? { ok: true, json } : { ok: false, path: bad };
}

export type PutResult = { status: 'created' | 'duplicate'; receivedAt: string } | { status: 'conflict' };

/**
 * Stores a checked document for an agency. One statement with ON CONFLICT DO
 * NOTHING: concurrent retries of one upload store it once, and a server killed
 * mid-upload stores nothing (the phone retries).
 */
export async function putExport(
  db: Db,
  input: { agencyId: string; deviceId: string; document: ValidExportDocument; canonicalJson: string },
): Promise<PutResult> {
  const hash = createHash('sha256').update(input.canonicalJson).digest('hex');
  const { document } = input;
  const inserted = await db.query<{ received_at: Date }>(
    `INSERT INTO exports (agency_id, id, device_id, exported_at, plans, bytes, body_hash, body)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
     ON CONFLICT (agency_id, id) DO NOTHING RETURNING received_at`,
    [
      input.agencyId,
      document.id,
      input.deviceId,
      new Date(document.exportedAt).toISOString(),
      document.plans.length,
      Buffer.byteLength(input.canonicalJson),
      hash,
      input.canonicalJson,
    ],
  );
  if (inserted.rows[0]) return { status: 'created', receivedAt: isoInstant(inserted.rows[0].received_at) };
  const { rows } = await db.query<{ body_hash: string; received_at: Date }>(
    'SELECT body_hash, received_at FROM exports WHERE agency_id = $1 AND id = $2',
    [input.agencyId, document.id],
  );
  const stored = rows[0];
  // The row exists (the insert conflicted and exports are never deleted).
  if (stored && stored.body_hash === hash) {
    return { status: 'duplicate', receivedAt: isoInstant(stored.received_at) };
  }
  return { status: 'conflict' };
}

export interface ExportSummary {
  id: string;
  exportedAt: string;
  receivedAt: string;
  deviceId: string;
  plans: number;
  bytes: number;
}

export const MAX_PAGE = 200;

/** The agency's exports, newest received first; `before` is the cursor of the previous page. */
export async function listExports(
  db: Db,
  agencyId: string,
  page: { limit: number; before?: number | undefined },
): Promise<{ exports: ExportSummary[]; next?: number }> {
  const { rows } = await db.query<{
    id: string;
    seq: number;
    device_id: string;
    exported_at: Date;
    received_at: Date;
    plans: number;
    bytes: number;
  }>(
    `SELECT id, seq, device_id, exported_at, received_at, plans, bytes FROM exports
     WHERE agency_id = $1 AND ($2::bigint IS NULL OR seq < $2::bigint)
     ORDER BY seq DESC LIMIT $3`,
    [agencyId, page.before ?? null, page.limit + 1],
  );
  const shown = rows.slice(0, page.limit);
  const exports = shown.map((r) => ({
    id: r.id,
    exportedAt: isoInstant(r.exported_at),
    receivedAt: isoInstant(r.received_at),
    deviceId: r.device_id,
    plans: r.plans,
    bytes: r.bytes,
  }));
  const last = shown[shown.length - 1];
  return rows.length > page.limit && last ? { exports, next: last.seq } : { exports };
}

/** The stored document as JSON text, or null when this agency has no export with that id. */
export async function getExportJson(db: Db, agencyId: string, id: string): Promise<string | null> {
  const { rows } = await db.query<{ body: string }>(
    'SELECT body::text AS body FROM exports WHERE agency_id = $1 AND id = $2',
    [agencyId, id],
  );
  return rows[0]?.body ?? null;
}
