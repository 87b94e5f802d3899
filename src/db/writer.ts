/**
 * The one way records are written: each change and its change-log/outbox
 * entry go into the SAME Dexie transaction, so either both exist or neither.
 * The entry carries who, which device, when, the fields changed with their old
 * values, and an HLC stamp (sync.md). Offline, it simply waits in the outbox.
 */
import type { Table } from 'dexie';
import { diffFields, recordRev, stampFields, type ChangeKind, type ChangeOp } from '../domain/changeLog';
import { receiveHlc, tickHlc } from '../domain/hlc';
import type { RecordMeta, TableName } from '../domain/types';
import { ensureDevice, HLC_KEY, SEQ_KEY, type DeviceSettings } from './device';
import { lockedMessage, planLock } from './planLock';
import type { ItaDatabase, MetaRow } from './schema';

export interface WriteDeps {
  /** Wall clock; tests pass a fixed one. */
  now: () => Date;
  /** Record and op ids (UUIDv7 in the app). */
  newId: () => string;
}

export class WriteError extends Error {
  constructor(
    readonly code: 'not_found' | 'deleted' | 'invalid' | 'locked',
    message: string,
  ) {
    super(message);
  }
}

type Row = RecordMeta & Record<string, unknown>;

/** Operations available inside one write transaction. */
export interface Writer {
  readonly device: DeviceSettings;
  readonly now: Date;
  /** Insert a new record; returns it with its id and meta. */
  insert<T extends object>(table: TableName, fields: T, id?: string): Promise<T & RecordMeta>;
  /** Change named fields; no-op (and no log entry) when nothing differs. */
  patch(table: TableName, id: string, changes: Record<string, unknown>): Promise<void>;
  /** Soft delete: sets deletedAt. */
  remove(table: TableName, id: string): Promise<void>;
  /** Undo a soft delete. */
  restore(table: TableName, id: string): Promise<void>;
  get(table: TableName, id: string): Promise<Row | undefined>;
  /**
   * Store records merged from elsewhere (an import) with the stamps the merge
   * chose, in bulk, with audit entries (kind `import`): one naming the fields
   * of each updated record, and one for all the new records (with their ids),
   * under `source` (the export's id). The device clock moves past the incoming
   * stamps so later local edits win over them.
   */
  putMergedBatch(table: TableName, items: MergedItem[], source: string): Promise<void>;
}

export interface MergedItem {
  row: Record<string, unknown> & { id: string; stamps: Record<string, string> };
  changed: string[];
  previous: (RecordMeta & Record<string, unknown>) | undefined;
}

/** Tables a write may touch: the logged record tables, and `files` and `conflicts` (device-side, not logged). */
export type WriteTable = TableName | 'files' | 'conflicts';

export async function write<T>(
  db: ItaDatabase,
  deps: WriteDeps,
  tables: WriteTable[],
  fn: (w: Writer) => Promise<T>,
): Promise<T> {
  // `plans` is always read: a write to last year's plan is refused (planLock.ts).
  const stores = [...new Set([db.meta, db.outbox, db.plans, ...tables.map((t) => db.table(t))])];
  return db.transaction('rw', stores, async () => {
    const device = await ensureDevice(db, deps.newId);
    const now = deps.now();
    const at = now.toISOString();
    const table = (name: TableName) => db.table(name) as Table<Row, string>;

    // A person's own writes only; imports and sync (putMergedBatch) carry work done elsewhere.
    const writable = new Set<string>();
    async function guard(name: TableName, row: Record<string, unknown>): Promise<void> {
      const planId = (name === 'plans' ? row.id : row.planId) as string | undefined;
      if (!planId || writable.has(planId)) return;
      const lock = await planLock(db, planId);
      if (lock.locked && lock.successor) throw new WriteError('locked', lockedMessage(lock.successor));
      writable.add(planId);
    }

    async function log(
      name: TableName,
      id: string,
      kind: ChangeKind,
      fields: Record<string, unknown>,
      before: Record<string, unknown> | null,
      baseRev: string | null,
    ): Promise<string> {
      const seq = (((await db.meta.get(SEQ_KEY))?.value as number | undefined) ?? 0) + 1;
      const last = ((await db.meta.get(HLC_KEY))?.value as string | undefined) ?? null;
      const hlc = tickHlc(last, now.getTime(), device.deviceId);
      await db.meta.bulkPut([
        { key: SEQ_KEY, value: seq },
        { key: HLC_KEY, value: hlc },
      ]);
      const op: ChangeOp = {
        opId: deps.newId(),
        deviceId: device.deviceId,
        deviceSeq: seq,
        table: name,
        id,
        kind,
        fields,
        before,
        baseRev,
        hlc,
        at,
        by: device.staffName,
        sentAt: null,
      };
      await db.outbox.add(op);
      return hlc;
    }

    async function current(name: TableName, id: string): Promise<Row> {
      const row = await table(name).get(id);
      if (!row) throw new WriteError('not_found', 'ไม่พบรายการนี้ อาจถูกลบไปแล้ว');
      return row;
    }

    async function change(name: TableName, row: Row, changes: Record<string, unknown>, kind: ChangeKind) {
      const { fields, before } = diffFields(row, changes);
      if (Object.keys(fields).length === 0) return;
      const hlc = await log(name, row.id, kind, fields, before, recordRev(row.stamps));
      await table(name).put({
        ...row,
        ...fields,
        updatedAt: at,
        stamps: stampFields(row.stamps, fields, hlc),
      });
    }

    const writer: Writer = {
      device,
      now,
      async insert(name, fields, id = deps.newId()) {
        const values = fields as Record<string, unknown>;
        if (name !== 'plans') await guard(name, values);
        const record = { ...values, deletedAt: null };
        const hlc = await log(name, id, 'put', record, null, null);
        const row = {
          ...record,
          id,
          createdAt: at,
          updatedAt: at,
          stamps: stampFields({}, record, hlc),
        } as Row;
        await table(name).add(row);
        return row as unknown as typeof fields & RecordMeta;
      },
      async patch(name, id, changes) {
        const row = await current(name, id);
        await guard(name, row);
        if (row.deletedAt) throw new WriteError('deleted', 'รายการนี้ถูกลบไปแล้ว');
        await change(name, row, changes, 'patch');
      },
      async remove(name, id) {
        const row = await current(name, id);
        await guard(name, row);
        if (row.deletedAt) return;
        await change(name, row, { deletedAt: at }, 'delete');
      },
      async restore(name, id) {
        const row = await current(name, id);
        await guard(name, row);
        if (!row.deletedAt) return;
        await change(name, row, { deletedAt: null }, 'restore');
      },
      get: (name, id) => table(name).get(id),
      async putMergedBatch(name, items, source) {
        if (items.length === 0) return;
        let seq = ((await db.meta.get(SEQ_KEY))?.value as number | undefined) ?? 0;
        let last = ((await db.meta.get(HLC_KEY))?.value as string | undefined) ?? null;
        let newest: string | null = null;
        for (const { row } of items) {
          const rev = recordRev(row.stamps);
          if (rev && (newest === null || rev > newest)) newest = rev;
        }
        if (newest && (last === null || newest > last))
          last = receiveHlc(last, newest, now.getTime(), device.deviceId);
        const ops: ChangeOp[] = [];
        const rows: Row[] = [];
        const entry = (id: string, fields: Record<string, unknown>): ChangeOp => {
          last = tickHlc(last, now.getTime(), device.deviceId);
          return {
            opId: deps.newId(),
            deviceId: device.deviceId,
            deviceSeq: ++seq,
            table: name,
            id,
            kind: 'import',
            fields,
            before: null,
            baseRev: null,
            hlc: last,
            at,
            by: device.staffName,
            sentAt: at,
          };
        };
        const added: string[] = [];
        for (const { row, changed, previous } of items) {
          rows.push({ createdAt: at, deletedAt: null, ...row, updatedAt: at } as Row);
          if (!previous) added.push(row.id);
          // Only the stamps moved (the same values, stamped later elsewhere): nothing to tell.
          else if (changed.length > 0)
            ops.push(entry(row.id, Object.fromEntries(changed.map((k) => [k, true]))));
        }
        // New records: one entry for the lot. An entry per record would double
        // the writes of a big import (a phone importing a year's file).
        if (added.length > 0) ops.push(entry(source, { added: added.length, ids: added }));
        await db.outbox.bulkAdd(ops);
        await table(name).bulkPut(rows);
        const meta: MetaRow[] = [{ key: SEQ_KEY, value: seq }];
        if (last !== null) meta.push({ key: HLC_KEY, value: last });
        await db.meta.bulkPut(meta);
      },
    };
    return fn(writer);
  });
}
