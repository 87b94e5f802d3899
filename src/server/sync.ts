/**
 * Two-way sync, the server side (sync.md). Push applies a device's ops once
 * each (by op id), field by field with the shared `applyOp` (the higher stamp
 * wins), numbers every accepted change with the agency's next sequence
 * number, and keeps the loser of two changes made from the same base as a
 * conflict. Pull returns the changes after a cursor in pages.
 *
 * One push is one transaction: a server killed half way stores nothing of
 * the batch and the phone sends it again. The push first locks the agency's
 * counter row, so two pushes of one agency run one after the other: sequence
 * numbers are unique, gap-free and visible in order, and no entity is read
 * by one push while another changes it. Work is done in bulk (a handful of
 * statements per batch, not per op) so a push costs about as much as
 * inserting its rows.
 */
import { randomUUID } from 'node:crypto';
import {
  applyOp,
  SYNC_TABLES,
  type EntityState,
  type OpResult,
  type PulledChange,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type SyncConflict,
} from '../domain/syncProtocol';
import { isoInstant, type Db, type Queryable } from './db';
import { canonicalJson } from './exports';

type Op = PushRequest['ops'][number];
type Table = (typeof SYNC_TABLES)[number];

const PUSHED_KINDS = new Set<string>(['put', 'patch', 'delete', 'restore']);
const TABLES = new Set<string>(SYNC_TABLES);
/** `<wall ms, 15 digits>-<counter, 6 digits>-<device id>` (src/domain/hlc.ts). */
const HLC = /^\d{15}-\d{6}-(.+)$/;
/** Field names: identifiers; `id` and `stamps` are the record's own and would clobber it on pull. */
const FIELD = /^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/;
const RESERVED_FIELDS = new Set(['id', 'stamps', '__proto__']);
const MAX_FIELDS = 200;

/** Why an op cannot be applied, or null. Checked before the transaction writes anything. */
export function rejectionReason(op: Op, deviceId: string): string | null {
  if (op.deviceId !== deviceId)
    return `op of another device (${op.deviceId}): a device pushes only its own ops`;
  if (op.kind === 'import') {
    return 'import entries are the audit trail of an import, never pushed: the device that made the change pushes it';
  }
  if (!PUSHED_KINDS.has(op.kind)) return `unknown kind ${op.kind}`;
  if (!TABLES.has(op.table)) return `table ${op.table} does not sync`;
  if (!Number.isSafeInteger(op.deviceSeq)) return 'deviceSeq out of range';
  const stamp = HLC.exec(op.hlc);
  if (!stamp || stamp[1] !== op.deviceId) return 'hlc is not a stamp of this device';
  if (op.baseRev !== null && !HLC.test(op.baseRev)) return 'baseRev is not a stamp';
  const names = Object.keys(op.fields);
  if (names.length > MAX_FIELDS) return `more than ${MAX_FIELDS} fields`;
  const bad = names.find((n) => !FIELD.test(n) || RESERVED_FIELDS.has(n));
  if (bad !== undefined) return `field name ${JSON.stringify(bad.slice(0, 70))} is not allowed`;
  // JSON text escapes NUL and lone surrogates as \u…: without any \u, all is storable (the common case).
  if (JSON.stringify(op.fields).includes('\\u')) {
    const storable = canonicalJson(op.fields);
    if (!storable.ok) return `fields.${storable.path} holds text the database cannot store`;
  }
  return null;
}

const nodeOf = (stamp: string | undefined) => (stamp === undefined ? '' : (HLC.exec(stamp)?.[1] ?? ''));
const entityKey = (table: string, id: string) => `${table}\u0000${id}`;

interface ChangeRow {
  seq: number;
  tbl: string;
  id: string;
  fields: Record<string, unknown>;
  stamps: Record<string, string>;
  op_id: string;
  device_id: string;
}

interface ConflictRow {
  id: string;
  tbl: string;
  record_id: string;
  field: string;
  winner: SyncConflict['winner'];
  loser: SyncConflict['loser'];
  seq: number;
}

/** `INSERT … SELECT` from one JSON parameter: a batch of rows in one statement on both databases. */
async function insertRows(tx: Queryable, sql: string, agencyId: string, rows: unknown[]): Promise<void> {
  if (rows.length > 0) await tx.query(sql, [agencyId, JSON.stringify(rows)]);
}

/** Applies a checked push request of an authenticated device; answers per op, in order. */
export async function pushOps(
  db: Db,
  who: { agencyId: string; deviceId: string },
  request: PushRequest,
): Promise<PushResponse> {
  const { agencyId } = who;
  // Checks that need no database come first, outside the transaction.
  const reasons = request.ops.map((op) => rejectionReason(op, who.deviceId));
  return db.transaction(async (tx) => {
    const counter = await tx.query<{ seq: number }>(
      `INSERT INTO agency_seq (agency_id) VALUES ($1)
       ON CONFLICT (agency_id) DO UPDATE SET seq = agency_seq.seq RETURNING seq`,
      [agencyId],
    );
    const start = counter.rows[0]!.seq;
    let seq = start;

    const candidates = request.ops.filter((_, i) => reasons[i] === null);
    const known = new Set<string>();
    if (candidates.length > 0) {
      const { rows } = await tx.query<{ op_id: string }>(
        `SELECT op_id FROM changes WHERE agency_id = $1 AND op_id = ANY($2::text[])
         UNION ALL SELECT op_id FROM applied_ops WHERE agency_id = $1 AND op_id = ANY($2::text[])`,
        [agencyId, candidates.map((op) => op.opId)],
      );
      for (const r of rows) known.add(r.op_id);
    }

    const keys = new Map<string, [string, string]>();
    for (const op of candidates) {
      if (!known.has(op.opId)) keys.set(entityKey(op.table, op.id), [op.table, op.id]);
    }
    const entities = new Map<string, EntityState>();
    const storedKeys = new Set<string>();
    if (keys.size > 0) {
      const { rows } = await tx.query<{
        tbl: string;
        id: string;
        data: EntityState['data'];
        stamps: EntityState['stamps'];
      }>(
        // Tables and ids apart (index-friendly); the same id in another table is skipped below.
        'SELECT tbl, id, data, stamps FROM entities WHERE agency_id = $1 AND tbl = ANY($2::text[]) AND id = ANY($3::text[])',
        [
          agencyId,
          [...new Set([...keys.values()].map(([tbl]) => tbl))],
          [...keys.values()].map(([, id]) => id),
        ],
      );
      for (const r of rows) {
        const key = entityKey(r.tbl, r.id);
        if (!keys.has(key)) continue;
        entities.set(key, { data: r.data, stamps: r.stamps });
        storedKeys.add(key);
      }
    }

    const results: OpResult[] = [];
    const dirty = new Set<string>();
    // Ops that changed nothing deliverable; every other op is recorded by its row in changes.
    const applied: { op_id: string; device_id: string; device_seq: number; seq: number | null }[] = [];
    const changes: ChangeRow[] = [];
    const conflicts: ConflictRow[] = [];
    for (const [i, op] of request.ops.entries()) {
      const reason = reasons[i];
      if (reason) {
        results.push({ opId: op.opId, status: 'rejected', reason });
        continue;
      }
      if (known.has(op.opId)) {
        results.push({ opId: op.opId, status: 'duplicate' });
        continue;
      }
      known.add(op.opId); // the same op twice in one batch
      const key = entityKey(op.table, op.id);
      const { state, outcomes } = applyOp(entities.get(key), op);
      entities.set(key, state);
      const fields: Record<string, unknown> = {};
      const stamps: Record<string, string> = {};
      const lost: ConflictRow[] = [];
      for (const o of outcomes) {
        if (o.applied) {
          fields[o.field] = op.fields[o.field];
          stamps[o.field] = op.hlc;
        }
        if (!o.concurrent) continue;
        const mine = { value: op.fields[o.field], stamp: op.hlc, deviceId: op.deviceId };
        const theirs = {
          value: o.previous.value,
          stamp: o.previous.stamp ?? '',
          deviceId: nodeOf(o.previous.stamp),
        };
        lost.push({
          id: randomUUID(),
          tbl: op.table,
          record_id: op.id,
          field: o.field,
          winner: o.applied ? mine : theirs,
          loser: o.applied ? theirs : mine,
          seq: 0,
        });
      }
      const changed = Object.keys(fields).length > 0;
      // A change, or a conflict alone (every field lost), takes a number so pulls deliver it.
      const opSeq = changed || lost.length > 0 ? ++seq : null;
      if (changed) {
        dirty.add(key);
        changes.push({
          seq: opSeq!,
          tbl: op.table,
          id: op.id,
          fields,
          stamps,
          op_id: op.opId,
          device_id: op.deviceId,
        });
      }
      for (const c of lost) conflicts.push({ ...c, seq: opSeq! });
      if (!changed) {
        applied.push({ op_id: op.opId, device_id: op.deviceId, device_seq: op.deviceSeq, seq: opSeq });
      }
      if (lost.length > 0) {
        results.push({
          opId: op.opId,
          status: 'conflict',
          seq: changed ? opSeq : null,
          conflictIds: lost.map((c) => c.id),
        });
      } else {
        // Every field lost to a newer stamp: recorded, nothing to deliver; the answer is the seq so far.
        results.push({ opId: op.opId, status: 'applied', seq: changed ? opSeq! : seq });
      }
    }

    // New records are inserted, stored ones updated (no other push of the agency runs meanwhile).
    const written = (stored: boolean) =>
      [...dirty]
        .filter((key) => storedKeys.has(key) === stored)
        .map((key) => {
          const [tbl, id] = keys.get(key)!;
          const state = entities.get(key)!;
          return { tbl, id, data: state.data, stamps: state.stamps };
        });
    await insertRows(
      tx,
      `INSERT INTO entities (agency_id, tbl, id, data, stamps)
       SELECT $1, r.tbl, r.id, r.data, r.stamps
       FROM json_to_recordset($2::json) AS r(tbl text, id text, data json, stamps json)`,
      agencyId,
      written(false),
    );
    await insertRows(
      tx,
      `UPDATE entities e SET data = r.data, stamps = r.stamps
       FROM json_to_recordset($2::json) AS r(tbl text, id text, data json, stamps json)
       WHERE e.agency_id = $1 AND e.tbl = r.tbl AND e.id = r.id`,
      agencyId,
      written(true),
    );
    await insertRows(
      tx,
      `INSERT INTO applied_ops (agency_id, op_id, device_id, device_seq, seq)
       SELECT $1, r.op_id, r.device_id, r.device_seq, r.seq
       FROM jsonb_to_recordset($2::jsonb) AS r(op_id text, device_id text, device_seq bigint, seq bigint)`,
      agencyId,
      applied,
    );
    await insertRows(
      tx,
      `INSERT INTO changes (agency_id, seq, tbl, id, fields, stamps, op_id, device_id)
       SELECT $1, r.seq, r.tbl, r.id, r.fields, r.stamps, r.op_id, r.device_id
       FROM jsonb_to_recordset($2::jsonb)
         AS r(seq bigint, tbl text, id text, fields jsonb, stamps jsonb, op_id text, device_id text)`,
      agencyId,
      changes,
    );
    await insertRows(
      tx,
      `INSERT INTO conflicts (agency_id, id, tbl, record_id, field, winner, loser, seq)
       SELECT $1, r.id, r.tbl, r.record_id, r.field, r.winner, r.loser, r.seq
       FROM jsonb_to_recordset($2::jsonb)
         AS r(id text, tbl text, record_id text, field text, winner jsonb, loser jsonb, seq bigint)`,
      agencyId,
      conflicts,
    );

    // Settled on the device: the resolution takes a number so other devices pull it.
    if (request.resolvedConflicts?.length) {
      const settled = await tx.query(
        `UPDATE conflicts SET resolved_at = now(), resolved_seq = $3
         WHERE agency_id = $1 AND id = ANY($2::text[]) AND resolved_at IS NULL RETURNING id`,
        [agencyId, request.resolvedConflicts, seq + 1],
      );
      if (settled.rows.length > 0) seq += 1;
    }

    if (seq !== start) await tx.query('UPDATE agency_seq SET seq = $2 WHERE agency_id = $1', [agencyId, seq]);
    return { results, cursor: seq };
  });
}

function toConflict(r: {
  id: string;
  tbl: Table;
  record_id: string;
  field: string;
  winner: SyncConflict['winner'];
  loser: SyncConflict['loser'];
  created_at: Date;
  resolved_at: Date | null;
}): SyncConflict {
  return {
    id: r.id,
    table: r.tbl,
    recordId: r.record_id,
    field: r.field,
    winner: r.winner,
    loser: r.loser,
    createdAt: isoInstant(r.created_at),
    resolvedAt: r.resolved_at === null ? null : isoInstant(r.resolved_at),
  };
}

/**
 * The agency's changes after `since`, up to `limit`, in sequence order, and
 * the conflicts recorded or settled in the same range. The cursor is the last
 * change's number, or the agency's latest number once nothing more waits (a
 * conflict or resolution alone has a number but no change row). A cursor
 * beyond the latest (the server was restored from an older backup) starts
 * over from 0: merging is idempotent, so the device only receives again.
 */
export async function pullChanges(
  db: Db,
  agencyId: string,
  since: number,
  limit: number,
): Promise<PullResponse> {
  // The counter first: every change numbered up to it is committed (same transaction).
  const { rows: counter } = await db.query<{ seq: number }>(
    'SELECT seq FROM agency_seq WHERE agency_id = $1',
    [agencyId],
  );
  const top = counter[0]?.seq ?? 0;
  const from = since > top ? 0 : since;
  if (from === top) return { changes: [], conflicts: [], cursor: top, more: false };
  const { rows } = await db.query<{
    seq: number;
    tbl: Table;
    id: string;
    fields: Record<string, unknown>;
    stamps: Record<string, string>;
    op_id: string;
    device_id: string;
  }>(
    `SELECT seq, tbl, id, fields, stamps, op_id, device_id FROM changes
     WHERE agency_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT $4`,
    [agencyId, from, top, limit + 1],
  );
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const cursor = more ? page[page.length - 1]!.seq : top;
  const changes: PulledChange[] = page.map((r) => ({
    seq: r.seq,
    table: r.tbl,
    id: r.id,
    fields: r.fields,
    stamps: r.stamps,
    opId: r.op_id,
    deviceId: r.device_id,
  }));
  const conflicts = await db.query<Parameters<typeof toConflict>[0]>(
    `SELECT id, tbl, record_id, field, winner, loser, created_at, resolved_at FROM conflicts
     WHERE agency_id = $1 AND ((seq > $2 AND seq <= $3) OR (resolved_seq > $2 AND resolved_seq <= $3))
     ORDER BY seq, id`,
    [agencyId, from, cursor],
  );
  return { changes, conflicts: conflicts.rows.map(toConflict), cursor, more };
}
