/**
 * An in-memory model of the two-way sync protocol (sync.md), built only from
 * the real domain functions: applyOp on the server, diffFields/stampFields/
 * recordRev and tickHlc on a device's writes (as src/db/writer.ts does),
 * mergeRecord and receiveHlc on a device's pulls. No Dexie, no network.
 *
 * Test-only bookkeeping (not part of the protocol): every op is registered
 * with the set of ops its device had seen when it was made (its causal past),
 * so tests can tell concurrent changes from ones that saw each other.
 */
import {
  diffFields,
  recordRev,
  stampFields,
  type ChangeKind,
  type ChangeOp,
} from '../../../src/domain/changeLog';
import { receiveHlc, tickHlc } from '../../../src/domain/hlc';
import { mergeRecord, type Stamped } from '../../../src/domain/mergeRecord';
import {
  applyOp,
  conflictSides,
  compactChange,
  expandChange,
  type EntityState,
  type OpResult,
  type PulledChange,
  type PullResponse,
  type PushResponse,
  type SyncConflict,
  type WireChange,
} from '../../../src/domain/syncProtocol';

export type SyncTable = PulledChange['table'];

export const entityKey = (table: string, id: string) => `${table}:${id}`;

/** The server: current state per record, applied op ids, the change log (pull cursor) and conflicts. */
export class Server {
  readonly entities = new Map<string, EntityState>();
  readonly applied = new Set<string>();
  readonly changes: PulledChange[] = [];
  readonly conflicts: SyncConflict[] = [];

  get seq(): number {
    return this.changes.length;
  }

  push(ops: readonly ChangeOp[]): PushResponse {
    const results: OpResult[] = [];
    for (const op of ops) {
      if (this.applied.has(op.opId)) {
        results.push({ opId: op.opId, status: 'duplicate' });
        continue;
      }
      this.applied.add(op.opId);
      const key = entityKey(op.table, op.id);
      const { state, outcomes } = applyOp(this.entities.get(key), op);
      this.entities.set(key, state);
      const fields: Record<string, unknown> = {};
      const stamps: Record<string, string> = {};
      const conflictIds: string[] = [];
      for (const o of outcomes) {
        if (o.applied) {
          fields[o.field] = op.fields[o.field];
          stamps[o.field] = op.hlc;
        }
        if (!o.concurrent) continue;
        const id = `c${this.conflicts.length + 1}`;
        this.conflicts.push({
          id,
          table: op.table,
          recordId: op.id,
          field: o.field,
          ...conflictSides(op, o),
          createdAt: op.at,
          resolvedAt: null,
        });
        conflictIds.push(id);
      }
      let seq: number | null = null;
      if (Object.keys(fields).length > 0) {
        seq = this.changes.length + 1;
        this.changes.push({
          seq,
          table: op.table,
          id: op.id,
          fields,
          stamps,
          opId: op.opId,
          deviceId: op.deviceId,
        });
      }
      if (conflictIds.length > 0) results.push({ opId: op.opId, status: 'conflict', seq, conflictIds });
      else if (seq !== null) results.push({ opId: op.opId, status: 'applied', seq });
      // Every field lost to a later stamp and none was concurrent: nothing to log.
      else results.push({ opId: op.opId, status: 'applied', seq: this.seq });
    }
    return { results, cursor: this.seq };
  }

  pull(since: number, limit: number): PullResponse {
    const changes = this.changes.slice(since, since + limit);
    const cursor = since + changes.length;
    return { changes, conflicts: [], cursor, more: cursor < this.changes.length };
  }

  /** A deep copy of the state, for before/after comparisons. */
  snapshot(): { seq: number; entities: Record<string, EntityState>; conflicts: number } {
    return {
      seq: this.seq,
      entities: structuredClone(Object.fromEntries([...this.entities].sort(([a], [b]) => (a < b ? -1 : 1)))),
      conflicts: this.conflicts.length,
    };
  }
}

export interface LocalRecord {
  table: SyncTable;
  id: string;
  data: Record<string, unknown>;
  stamps: Record<string, string>;
}

/** What a test knows about an op: its causal past (ops its device had seen, itself included). */
export interface OpInfo {
  op: ChangeOp;
  seen: ReadonlySet<string>;
  /** Per changed field, the stamp the device held for it when it made the change. */
  baseStamps: Record<string, string | undefined>;
}

export class OpRegistry {
  readonly ops = new Map<string, OpInfo>();
  readonly byStamp = new Map<string, OpInfo>();
  add(info: OpInfo) {
    this.ops.set(info.op.opId, info);
    this.byStamp.set(info.op.hlc, info);
  }
  all(): ChangeOp[] {
    return [...this.ops.values()].map((i) => i.op);
  }
}

/** A phone: local records with stamps, an HLC, an outbox of unacknowledged ops and a pull cursor. */
export class Device {
  readonly store = new Map<string, LocalRecord>();
  clock: string | null = null;
  outbox: ChangeOp[] = [];
  cursor = 0;
  private deviceSeq = 0;
  private counter = 0;
  /** Test bookkeeping: every op this device has seen (made or pulled), transitively. */
  private seen = new Set<string>();

  constructor(
    readonly deviceId: string,
    /** The device's own wall clock (ms), possibly skewed and irregular. */
    readonly now: () => number,
    private readonly registry: OpRegistry,
  ) {}

  nextId(prefix: string): string {
    this.counter += 1;
    return `${this.deviceId}-${prefix}${this.counter}`;
  }

  get(table: string, id: string): LocalRecord | undefined {
    return this.store.get(entityKey(table, id));
  }

  /** Local records, in a stable order. */
  records(filter: (r: LocalRecord) => boolean = () => true): LocalRecord[] {
    return [...this.store.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, r]) => r)
      .filter(filter);
  }

  private log(
    table: SyncTable,
    id: string,
    kind: ChangeKind,
    fields: Record<string, unknown>,
    before: Record<string, unknown> | null,
    prev: LocalRecord | undefined,
  ): ChangeOp {
    const wall = this.now();
    this.clock = tickHlc(this.clock, wall, this.deviceId);
    this.deviceSeq += 1;
    const op: ChangeOp = {
      opId: `${this.deviceId}-op${this.deviceSeq}`,
      deviceId: this.deviceId,
      deviceSeq: this.deviceSeq,
      table,
      id,
      kind,
      fields,
      before,
      baseRev: prev ? recordRev(prev.stamps) : null,
      hlc: this.clock,
      at: new Date(wall).toISOString(),
      by: `staff of ${this.deviceId}`,
      sentAt: null,
    };
    this.seen.add(op.opId);
    const baseStamps: Record<string, string | undefined> = {};
    for (const f of Object.keys(fields)) baseStamps[f] = prev?.stamps[f];
    this.registry.add({ op, seen: new Set(this.seen), baseStamps });
    this.outbox.push(op);
    return op;
  }

  /** Insert a new record (writer.insert): every field, with deletedAt null, stamped with the op. */
  insert(table: SyncTable, values: Record<string, unknown>, id = this.nextId('r')): string {
    const record = { ...values, deletedAt: null };
    const op = this.log(table, id, 'put', record, null, undefined);
    this.store.set(entityKey(table, id), {
      table,
      id,
      data: record,
      stamps: stampFields({}, record, op.hlc),
    });
    return id;
  }

  private change(rec: LocalRecord, changes: Record<string, unknown>, kind: ChangeKind): ChangeOp | null {
    const { fields, before } = diffFields(rec.data, { ...rec.data, ...changes });
    if (Object.keys(fields).length === 0) return null;
    const op = this.log(rec.table, rec.id, kind, fields, before, rec);
    this.store.set(entityKey(rec.table, rec.id), {
      ...rec,
      data: { ...rec.data, ...fields },
      stamps: stampFields(rec.stamps, fields, op.hlc),
    });
    return op;
  }

  /** writer.patch: not on a deleted record; nothing logged when nothing differs. */
  patch(table: string, id: string, changes: Record<string, unknown>): ChangeOp | null {
    const rec = this.get(table, id);
    if (!rec) throw new Error(`no ${table}:${id} on ${this.deviceId}`);
    if (rec.data.deletedAt) throw new Error(`${table}:${id} is deleted`);
    return this.change(rec, changes, 'patch');
  }

  remove(table: string, id: string): ChangeOp | null {
    const rec = this.get(table, id);
    if (!rec || rec.data.deletedAt) return null;
    return this.change(rec, { deletedAt: new Date(this.now()).toISOString() }, 'delete');
  }

  restore(table: string, id: string): ChangeOp | null {
    const rec = this.get(table, id);
    if (!rec || !rec.data.deletedAt) return null;
    return this.change(rec, { deletedAt: null }, 'restore');
  }

  /**
   * Sends the first `count` outbox ops (all by default). `repeat` sends the
   * same batch again (a retry after a timeout); `loseAck` drops the answer,
   * so the ops stay in the outbox and go again next time.
   */
  push(server: Server, count = this.outbox.length, opts: { repeat?: boolean; loseAck?: boolean } = {}) {
    const batch = this.outbox.slice(0, count);
    if (batch.length === 0) return null;
    let res = server.push(batch);
    if (opts.repeat) res = server.push(batch);
    if (opts.loseAck) return res;
    const done = new Set(res.results.filter((r) => r.status !== 'rejected').map((r) => r.opId));
    this.outbox = this.outbox.filter((op) => !done.has(op.opId));
    return res;
  }

  /** Pulls up to `pages` pages of `pageSize` changes from the cursor, merging each by stamps. */
  pull(server: Server, pageSize = 1000, pages = Infinity): void {
    for (let page = 0; page < pages; page++) {
      const res = server.pull(this.cursor, pageSize);
      // As the page receives them: in wire format 2, through JSON.
      const wire = JSON.parse(JSON.stringify(res.changes.map(compactChange))) as WireChange[];
      for (const change of wire) this.merge(expandChange(change));
      this.cursor = res.cursor;
      if (!res.more) return;
    }
  }

  private merge(change: PulledChange): void {
    const key = entityKey(change.table, change.id);
    const local = this.store.get(key);
    const incoming: Stamped = { ...change.fields, id: change.id, stamps: change.stamps };
    const { record } = mergeRecord<Stamped>(
      local ? { ...local.data, id: local.id, stamps: local.stamps } : undefined,
      incoming,
    );
    const { id: _id, stamps, ...data } = record;
    this.store.set(key, { table: change.table, id: change.id, data, stamps: { ...(stamps ?? {}) } });
    const newest = recordRev(change.stamps);
    if (newest !== null && (this.clock === null || newest > this.clock))
      this.clock = receiveHlc(this.clock, newest, this.now(), this.deviceId);
    const info = this.registry.ops.get(change.opId);
    if (info) for (const s of info.seen) this.seen.add(s);
  }
}

/** One step of a random scenario. Indices pick among what the device has, modulo its size. */
export type Action =
  | { kind: 'edit'; device: number; pick: number; field: 'title' | 'rating' | 'results'; value: number }
  | { kind: 'create'; device: number; table: 'measures' | 'quarterlyRecords' }
  | { kind: 'delete'; device: number; pick: number }
  | { kind: 'restore'; device: number; pick: number }
  | { kind: 'tick'; device: number; pick: number; status: number }
  | { kind: 'undoTick'; device: number; pick: number }
  | { kind: 'push'; device: number; share: number; repeat: boolean; loseAck: boolean }
  | { kind: 'pull'; device: number; pageSize: number; pages: number }
  | { kind: 'wait'; ms: number }
  | { kind: 'skew'; device: number; ms: number };

const RESULTS = ['', 'on track', 'late', 'done'];
const TICK_STATUSES = ['done', 'in_progress', 'not_started'];
const EDITABLE = (r: LocalRecord) => r.table !== 'progress';

/** Three (or more) devices, one server, one global time; each device's wall clock is skewed. */
export class World {
  readonly server = new Server();
  readonly registry = new OpRegistry();
  readonly devices: Device[];
  /** Ids of every tick made, and those some device undid. */
  readonly ticks = new Map<string, { created: ChangeOp; undone: boolean }>();
  time = Date.UTC(2025, 0, 6, 2, 0, 0);
  private readonly skews: number[];
  private titles = 0;

  constructor(skews: number[]) {
    this.skews = [...skews];
    this.devices = skews.map(
      (_, i) => new Device(`dev${i}`, () => this.time + (this.skews[i] ?? 0), this.registry),
    );
  }

  /** A shared starting point: device 0 makes a plan's measures, everyone syncs. */
  seed(records = 2): void {
    const d0 = this.devices[0]!;
    for (let i = 0; i < records; i++)
      d0.insert('measures', { title: `measure ${i + 1}`, rating: null, results: '' }, `m${i + 1}`);
    d0.push(this.server);
    for (const d of this.devices) d.pull(this.server);
  }

  step(a: Action): void {
    this.time += 1 + (a.kind === 'wait' ? a.ms : 0);
    if (a.kind === 'wait') return;
    const d = this.devices[a.device % this.devices.length]!;
    switch (a.kind) {
      case 'edit': {
        const live = d.records((r) => EDITABLE(r) && !r.data.deletedAt);
        const rec = live[a.pick % Math.max(1, live.length)];
        if (!rec) return;
        const value =
          a.field === 'title'
            ? `${d.deviceId} title ${++this.titles}`
            : a.field === 'rating'
              ? a.value % 3
              : RESULTS[a.value % RESULTS.length];
        d.patch(rec.table, rec.id, { [a.field]: value });
        return;
      }
      case 'create':
        d.insert(a.table, { title: `${d.deviceId} new ${++this.titles}`, rating: null, results: '' });
        return;
      case 'delete': {
        const live = d.records((r) => EDITABLE(r) && !r.data.deletedAt);
        const rec = live[a.pick % Math.max(1, live.length)];
        if (rec) d.remove(rec.table, rec.id);
        return;
      }
      case 'restore': {
        const gone = d.records((r) => EDITABLE(r) && !!r.data.deletedAt);
        const rec = gone[a.pick % Math.max(1, gone.length)];
        if (rec) d.restore(rec.table, rec.id);
        return;
      }
      case 'tick': {
        const targets = d.records(EDITABLE);
        const target = targets[a.pick % Math.max(1, targets.length)];
        if (!target) return;
        const id = d.nextId('t');
        d.insert(
          'progress',
          {
            actionId: target.id,
            status: TICK_STATUSES[a.status % TICK_STATUSES.length],
            note: `tick ${id}`,
            by: d.deviceId,
          },
          id,
        );
        this.ticks.set(id, { created: d.outbox[d.outbox.length - 1]!, undone: false });
        return;
      }
      case 'undoTick': {
        const live = d.records((r) => r.table === 'progress' && !r.data.deletedAt);
        const rec = live[a.pick % Math.max(1, live.length)];
        if (rec && d.remove('progress', rec.id)) this.ticks.get(rec.id)!.undone = true;
        return;
      }
      case 'push':
        d.push(this.server, Math.ceil(d.outbox.length * a.share), { repeat: a.repeat, loseAck: a.loseAck });
        return;
      case 'pull':
        d.pull(this.server, a.pageSize, a.pages);
        return;
      case 'skew':
        this.skews[a.device % this.devices.length] = a.ms;
        return;
    }
  }

  run(actions: readonly Action[]): this {
    for (const a of actions) this.step(a);
    return this;
  }

  /** Everyone pushes, then everyone pulls; twice. */
  finalSync(): this {
    for (let round = 0; round < 2; round++) {
      this.time += 1000;
      for (const d of this.devices) d.push(this.server);
      for (const d of this.devices) d.pull(this.server, 7);
    }
    return this;
  }
}

/** A device's records as `table:id → {data, stamps}`, in key order. */
export function deviceState(d: Device): Record<string, EntityState> {
  return Object.fromEntries(
    d.records().map((r) => [entityKey(r.table, r.id), { data: r.data, stamps: r.stamps }] as const),
  );
}

/** The server's entity states in key order. */
export function serverState(s: Server): Record<string, EntityState> {
  return Object.fromEntries([...s.entities].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Ops in an order that respects causality (an op after everything its device had seen), shuffled by `rand`. */
export function causalOrder(registry: OpRegistry, rand: () => number): ChangeOp[] {
  const pending = [...registry.ops.values()];
  const done = new Set<string>();
  const out: ChangeOp[] = [];
  while (pending.length > 0) {
    const ready = pending.filter((i) => [...i.seen].every((s) => s === i.op.opId || done.has(s)));
    const pick = ready[Math.floor(rand() * ready.length)]!;
    pending.splice(pending.indexOf(pick), 1);
    done.add(pick.op.opId);
    out.push(pick.op);
  }
  return out;
}

/** A small seeded PRNG (mulberry32) so a fast-check seed reproduces a shuffle. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
