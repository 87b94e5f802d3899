/**
 * Two-way sync, the page side (sync.md). Push sends the outbox in batches;
 * the server applies each op once, so a retry after a cut connection is
 * harmless, and its answer per op lets acknowledged ops leave the queue (the
 * audit trail keeps them, with sentAt set). Pull fetches the agency's changes
 * after the saved cursor, page by page, each page merged in one transaction:
 * the higher stamp wins each field, so pulling our own changes back, or the
 * same page twice, changes nothing. Conflicts the server recorded come along
 * and wait for a person.
 */
import type { Table } from 'dexie';
import type { ItaDatabase } from '../db/schema';
import { receiveHlc } from '../domain/hlc';
import { mergeRecord, type Stamped } from '../domain/mergeRecord';
import {
  expandChange,
  PULL_FORMAT,
  PUSH_MAX_BYTES,
  PUSH_MAX_OPS,
  SYNC_TABLES,
  type PullResponse,
  type PushResponse,
  type WirePullResponse,
} from '../domain/syncProtocol';
import { HLC_KEY } from '../db/device';
import { uploadFiles } from './fileSync';
import { readServerSettings, type ServerSettings } from './serverSettings';

export interface SyncDeps {
  fetch: typeof fetch;
  now: () => Date;
}

export interface SyncState {
  cursor: number;
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  /** Ops the server refused, with why (kept in the audit trail, not retried). */
  rejected: { opId: string; reason: string }[];
}

const STATE_KEY = 'syncState';

export async function readSyncState(db: ItaDatabase): Promise<SyncState> {
  return (
    ((await db.meta.get(STATE_KEY))?.value as SyncState | undefined) ?? {
      cursor: 0,
      lastSuccessAt: null,
      lastAttemptAt: null,
      lastError: null,
      rejected: [],
    }
  );
}

async function saveSyncState(db: ItaDatabase, patch: Partial<SyncState>): Promise<void> {
  await db.meta.put({ key: STATE_KEY, value: { ...(await readSyncState(db)), ...patch } });
}

export class SyncError extends Error {}

async function call<T>(deps: SyncDeps, server: ServerSettings, path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await deps.fetch(`${server.url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
    });
  } catch {
    throw new SyncError('ติดต่อเซิร์ฟเวอร์ไม่ได้ (ไม่มีสัญญาณหรือเซิร์ฟเวอร์ปิดอยู่) จะลองใหม่อัตโนมัติ');
  }
  if (res.status === 401 || res.status === 403) {
    throw new SyncError('เซิร์ฟเวอร์ไม่รับอุปกรณ์นี้ (ยังไม่ลงทะเบียนหรือถูกยกเลิกสิทธิ์) กรุณาลงทะเบียนใหม่ในหน้าตั้งค่า');
  }
  if (res.status === 422 || res.status === 413 || res.status === 415 || res.status === 400) {
    // A refusal, in the server's words (e.g. clock_ahead: the phone's clock runs fast). The ops stay
    // in the outbox: nothing is lost, and the next sync tries again once the cause is fixed.
    const body = (await res.json().catch(() => null)) as { message?: unknown } | null;
    const message = typeof body?.message === 'string' ? body.message : `รหัส ${res.status}`;
    throw new SyncError(`เซิร์ฟเวอร์ไม่รับข้อมูล: ${message}`);
  }
  if (!res.ok) throw new SyncError(`เซิร์ฟเวอร์ขัดข้อง (${res.status}) จะลองใหม่อัตโนมัติ`);
  return (await res.json()) as T;
}

/** Room left in a push for what goes with the ops (the device id, settled conflicts' ids). */
const PUSH_OPS_BYTES = PUSH_MAX_BYTES - 64 * 1024;

/**
 * The first of `ops` whose JSON fits in `budget` bytes, and always the first
 * op: one op too large is the server's to refuse by its own limit, not a
 * batch that can never be sent.
 */
function withinBytes<T>(ops: T[], budget: number): T[] {
  const encoder = new TextEncoder();
  let bytes = 0;
  for (let i = 0; i < ops.length; i++) {
    bytes += encoder.encode(JSON.stringify(ops[i])).length + 1;
    if (bytes > budget && i > 0) return ops.slice(0, i);
  }
  return ops;
}

/**
 * Sends unsent ops in batches of at most PUSH_MAX_OPS ops and PUSH_MAX_BYTES
 * (long notes typed offline can make 500 ops larger than a push may be);
 * returns how many the server acknowledged.
 */
export async function push(db: ItaDatabase, deps: SyncDeps, server: ServerSettings): Promise<number> {
  let acknowledged = 0;
  // Conflicts settled here that the server has not heard of yet.
  const settled = await db.conflicts.filter((c) => c.resolvedAt !== null && !c.reported).toArray();
  for (;;) {
    const ops = withinBytes(
      await db.outbox
        .orderBy('deviceSeq')
        .filter((op) => op.sentAt === null)
        .limit(PUSH_MAX_OPS)
        .toArray(),
      PUSH_OPS_BYTES,
    );
    if (ops.length === 0 && settled.length === 0) return acknowledged;
    const resolvedConflicts = settled.splice(0).map((c) => c.id);
    const answer = await call<PushResponse>(deps, server, '/api/v1/sync/push', {
      method: 'POST',
      body: JSON.stringify({
        deviceId: server.deviceId,
        ops,
        ...(resolvedConflicts.length ? { resolvedConflicts } : {}),
      }),
    });
    if (resolvedConflicts.length > 0) {
      await db.conflicts.bulkUpdate(
        resolvedConflicts.map((id) => ({ key: id, changes: { reported: true } })),
      );
    }
    const at = deps.now().toISOString();
    const rejected = answer.results.filter((r) => r.status === 'rejected');
    await db.transaction('rw', db.outbox, db.meta, async () => {
      await db.outbox.bulkUpdate(answer.results.map((r) => ({ key: r.opId, changes: { sentAt: at } })));
      if (rejected.length > 0) {
        const state = await readSyncState(db);
        await saveSyncState(db, {
          rejected: [
            ...state.rejected,
            ...rejected.map((r) => ({ opId: r.opId, reason: r.status === 'rejected' ? r.reason : '' })),
          ].slice(-50),
        });
      }
    });
    acknowledged += answer.results.length;
    if (answer.results.length < ops.length) throw new SyncError('เซิร์ฟเวอร์ตอบไม่ครบทุกรายการ จะลองใหม่');
  }
}

/** How far a pull has come: numbers merged since it started, of those there were when the page was read. */
export interface PullProgress {
  done: number;
  total: number;
}

/**
 * Fetches and merges the agency's changes after the saved cursor; returns how
 * many were merged. After each page, `onProgress` hears how far it has come
 * (when the server says how far the numbers go).
 */
export async function pull(
  db: ItaDatabase,
  deps: SyncDeps,
  server: ServerSettings,
  onProgress?: (progress: PullProgress) => void,
): Promise<number> {
  let merged = 0;
  // Format 2 sends a change's stamp once when its fields share it (about half
  // the bytes); an older server ignores the parameter and sends format 1.
  const fetchPage = async (since: number): Promise<PullResponse> => {
    const page = await call<WirePullResponse>(
      deps,
      server,
      `/api/v1/sync/pull?since=${since}&format=${PULL_FORMAT}`,
    );
    return { ...page, changes: page.changes.map(expandChange) };
  };
  let start = (await readSyncState(db)).cursor;
  let next: Promise<PullResponse> | null = fetchPage(start);
  let first = true;
  while (next) {
    const page: PullResponse = await next;
    // A server restored from an older backup starts again from 0 (see pullChanges).
    if (first && page.cursor < start) start = 0;
    first = false;
    // Ask for the next page while this one is merged; the cursor is saved
    // only with the merged page, so an interruption loses nothing.
    next = page.more ? fetchPage(page.cursor) : null;
    // Its failure surfaces when awaited below; marked handled now so one that
    // arrives during the merge (or after a failed merge) is not reported as
    // an unhandled rejection. Its page is fetched again next time.
    next?.catch(() => undefined);
    merged += await mergePage(db, deps, server, page);
    if (onProgress && page.latest !== undefined && page.latest > start) {
      onProgress({ done: Math.min(page.cursor, page.latest) - start, total: page.latest - start });
    }
  }
  return merged;
}

/**
 * The records among `ids` that `table` holds (inside the caller's transaction).
 * Ids are UUIDv7, which sort by creation time, so the new records of a page
 * (all of them on a fresh device) lie in a key range that holds few others:
 * one key-only read of that range finds which ids exist, and only those are
 * read. A get per id costs a request each, most of a fresh device's reading.
 * When the range holds many other records (the page also edits old ones),
 * every id is read as before.
 */
async function readExisting(table: Table, ids: string[]): Promise<Map<string, Stamped>> {
  let lo = ids[0]!;
  let hi = lo;
  for (const id of ids) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  const cap = 2 * ids.length;
  const inRange = (await table
    .where(':id')
    .between(lo, hi, true, true)
    .limit(cap + 1)
    .primaryKeys()) as string[];
  const wanted = new Set(ids);
  // All keys of the range came back (no more than cap): exactly these exist.
  const toRead = inRange.length <= cap ? inRange.filter((k) => wanted.has(k)) : ids;
  const out = new Map<string, Stamped>();
  if (toRead.length === 0) return out;
  const found = (await table.bulkGet(toRead)) as (Stamped | undefined)[];
  toRead.forEach((id, i) => {
    if (found[i]) out.set(id, found[i]);
  });
  return out;
}

/** Merges one pulled page in one transaction, reading and writing each table in bulk. */
async function mergePage(
  db: ItaDatabase,
  deps: SyncDeps,
  server: ServerSettings,
  page: PullResponse,
): Promise<number> {
  const at = deps.now().toISOString();
  const byTable = new Map<string, PullResponse['changes']>();
  let newest: string | null = null;
  for (const change of page.changes) {
    const list = byTable.get(change.table) ?? [];
    list.push(change);
    byTable.set(change.table, list);
    for (const stamp of Object.values(change.stamps)) if (newest === null || stamp > newest) newest = stamp;
  }
  const tables = SYNC_TABLES.map((t) => db.table(t));
  let merged = 0;
  await db.transaction('rw', [...tables, db.meta, db.conflicts], async () => {
    for (const [name, changes] of byTable) {
      const table = db.table(name);
      const current = await readExisting(table, [...new Set(changes.map((c) => c.id))]);
      const changed = new Map<string, Stamped>();
      // A record may change several times in one page: merge in order, in memory.
      for (const change of changes) {
        const local = current.get(change.id);
        const result = mergeRecord(local, {
          id: change.id,
          ...change.fields,
          stamps: change.stamps,
        } as Stamped);
        if (result.record !== local) {
          current.set(change.id, result.record);
          changed.set(change.id, result.record);
        }
      }
      await table.bulkPut(
        [...changed.values()].map((r) => ({ createdAt: at, deletedAt: null, ...r, updatedAt: at })),
      );
      merged += changed.size;
    }
    // The device clock moves past everything pulled, so later local edits win over it.
    if (newest !== null) {
      const clock = ((await db.meta.get(HLC_KEY))?.value as string | undefined) ?? null;
      if (clock === null || newest > clock) {
        await db.meta.put({
          key: HLC_KEY,
          value: receiveHlc(clock, newest, deps.now().getTime(), server.deviceId),
        });
      }
    }
    for (const c of page.conflicts) {
      const existing = await db.conflicts.get(c.id);
      // New, or settled on another device: take the server's word.
      if (!existing || (c.resolvedAt && !existing.resolvedAt))
        await db.conflicts.put({ ...c, reported: true });
    }
    await saveSyncState(db, { cursor: page.cursor });
  });
  return merged;
}

export type SyncOutcome =
  | { kind: 'not_enrolled' }
  | { kind: 'done'; pushed: number; pulled: number }
  | { kind: 'failed'; message: string };

/** One full sync: push, then pull. One run at a time. */
export function makeSync(db: ItaDatabase, deps: SyncDeps) {
  let running: Promise<SyncOutcome> | null = null;
  // How far the running pull has come, for whoever shows it (null: no pull running).
  let progress: PullProgress | null = null;
  const listeners = new Set<(progress: PullProgress | null) => void>();
  const report = (p: PullProgress | null) => {
    progress = p;
    for (const listener of listeners) listener(p);
  };
  async function run(): Promise<SyncOutcome> {
    const server = await readServerSettings(db);
    if (!server) return { kind: 'not_enrolled' };
    try {
      const pushed = await push(db, deps, server);
      const pulled = await pull(db, deps, server, report).finally(() => report(null));
      // Bytes after the records that mention them; a failure here waits for the next sync.
      await uploadFiles(db, deps.fetch, server).catch(() => 0);
      // When the attempt ended: equal to lastSuccessAt exactly when it succeeded.
      const at = deps.now().toISOString();
      await saveSyncState(db, { lastSuccessAt: at, lastAttemptAt: at, lastError: null });
      return { kind: 'done', pushed, pulled };
    } catch (e) {
      const message =
        e instanceof SyncError ? e.message : `ซิงก์ไม่สำเร็จ: ${e instanceof Error ? e.message : String(e)}`;
      await saveSyncState(db, { lastAttemptAt: deps.now().toISOString(), lastError: message });
      return { kind: 'failed', message };
    }
  }
  return {
    sync(): Promise<SyncOutcome> {
      running ??= run().finally(() => {
        running = null;
      });
      return running;
    },
    /** Hears how far a long pull has come, now and after each page; returns the way to stop. */
    onPullProgress(listener: (progress: PullProgress | null) => void): () => void {
      listeners.add(listener);
      listener(progress);
      return () => listeners.delete(listener);
    },
  };
}

export type Syncer = ReturnType<typeof makeSync>;
