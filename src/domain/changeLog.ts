import type { IsoInstant, TableName } from './types';

/**
 * `import`: a record changed by importing another device's export. The entry
 * is the audit trail only (which fields changed; the values are in the record
 * with their stamps, and the device that made them syncs them itself), so it
 * is written already marked sent.
 */
export type ChangeKind = 'put' | 'patch' | 'delete' | 'restore' | 'import';

/**
 * One entry of the change log. The same row is the audit trail (who changed
 * what, when, on which device) and the sync outbox (sync.md): `sentAt` is
 * null until the server acknowledges it.
 */
export interface ChangeOp {
  opId: string;
  deviceId: string;
  /** 1, 2, 3 … per device: lets the server see gaps and duplicates. */
  deviceSeq: number;
  table: TableName;
  /** The changed record's id. */
  id: string;
  kind: ChangeKind;
  /** The fields this change set, with their new values. */
  fields: Record<string, unknown>;
  /** The same fields' values before the change (absent for a new record). */
  before: Record<string, unknown> | null;
  /** HLC stamp of the record version this change was made on (null: new record). */
  baseRev: string | null;
  /** HLC stamp of this change. */
  hlc: string;
  at: IsoInstant;
  /** Staff name on the device that made the change. */
  by: string;
  sentAt: IsoInstant | null;
}

/** Record meta fields that are bookkeeping, never user-visible changes. */
const META_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'stamps']);

/**
 * The fields of `next` that differ from `prev` (deep, by JSON value), with
 * their old values. Bookkeeping fields are ignored.
 */
export function diffFields(
  prev: Record<string, unknown>,
  next: Record<string, unknown>,
): { fields: Record<string, unknown>; before: Record<string, unknown> } {
  const fields: Record<string, unknown> = {};
  const before: Record<string, unknown> = {};
  for (const key of Object.keys(next)) {
    if (META_FIELDS.has(key)) continue;
    if (JSON.stringify(prev[key]) !== JSON.stringify(next[key])) {
      fields[key] = next[key];
      before[key] = prev[key];
    }
  }
  return { fields, before };
}

/** Stamps after a change: every changed field takes the change's stamp. */
export function stampFields(
  stamps: Record<string, string>,
  fields: Record<string, unknown>,
  hlc: string,
): Record<string, string> {
  const next = { ...stamps };
  for (const key of Object.keys(fields)) next[key] = hlc;
  return next;
}

/** The latest stamp of a record: the version a later change is based on. */
export function recordRev(stamps: Record<string, string>): string | null {
  let max: string | null = null;
  for (const s of Object.values(stamps)) if (max === null || s > max) max = s;
  return max;
}
