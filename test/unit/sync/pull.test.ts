/**
 * The page's pull against a scripted server (no network): the wire format it
 * asks for and reads, the field-level merge into Dexie (fake-indexeddb), and
 * the shortcut that reads only the local records a page touches.
 */
import { describe, expect, it } from 'vitest';
import { ItaDatabase } from '../../../src/db/schema';
import { encodeHlc } from '../../../src/domain/hlc';
import {
  compactChange,
  PULL_MAX_CHANGES,
  type PulledChange,
  type PullResponse,
} from '../../../src/domain/syncProtocol';
import { saveServerSettings, type ServerSettings } from '../../../src/sync/serverSettings';
import { pull, readSyncState } from '../../../src/sync/syncClient';
import { testDb } from '../db/testDb';

const T = Date.parse('2024-01-15T03:00:00.000Z');
const stamp = (ms: number, node = 'server-seed') => encodeHlc({ wall: T + ms, counter: 0, node });
const server: ServerSettings = { url: 'http://sync.test', token: 't', deviceId: 'dev-me', enrolledAt: '' };

/** Ids that sort like UUIDv7: by the number. */
const tickId = (n: number) => `0190a3b2-0000-7000-8000-${String(n).padStart(12, '0')}`;

function tick(seq: number, n: number, at = seq): PulledChange {
  const fields = {
    actionId: 'a1',
    measureId: 'm1',
    planId: 'p1',
    date: '2024-01-10',
    status: 'done',
    deletedAt: null,
  };
  const s = stamp(at);
  return {
    seq,
    table: 'progress',
    id: tickId(n),
    fields,
    stamps: Object.fromEntries(Object.keys(fields).map((f) => [f, s])),
    opId: `op-${seq}`,
    deviceId: 'server-seed',
  };
}

/**
 * A server holding `changes` (seq 1…n), answering pages of `pageSize` in the
 * format the request asks for (1 when it names none, as a server before
 * format 2 would always), optionally failing one request.
 */
function scriptedServer(changes: PulledChange[], opts: { pageSize?: number; format1Only?: boolean } = {}) {
  const pageSize = opts.pageSize ?? PULL_MAX_CHANGES;
  const urls: string[] = [];
  let failAt: number | null = null;
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    urls.push(url.pathname + url.search);
    if (failAt !== null && urls.length === failAt) return new Response('{}', { status: 500 });
    const since = Number(url.searchParams.get('since'));
    const top = changes.length;
    const cursor = Math.min(top, since + pageSize);
    const page = changes.slice(since, cursor);
    const compact = !opts.format1Only && url.searchParams.get('format') === '2';
    const body: Omit<PullResponse, 'changes'> & { changes: unknown[] } = {
      changes: compact ? page.map(compactChange) : page,
      conflicts: [],
      cursor,
      more: cursor < top,
    };
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return {
    urls,
    deps: { fetch, now: () => new Date(T + 3_600_000) },
    failOn(request: number) {
      failAt = request;
    },
  };
}

async function enrolled() {
  const t = testDb();
  await saveServerSettings(t.db, server);
  return t;
}

/** Every progress record without the device's bookkeeping times. */
async function ticks(db: ItaDatabase) {
  const rows = await db.progress.toArray();
  return rows.map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest).sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('pull into the page', () => {
  it('asks for format 2 and stores every change with a stamp per field, from either format', async () => {
    const changes = Array.from({ length: 25 }, (_, i) => tick(i + 1, i + 1));
    const results = [];
    for (const format1Only of [false, true]) {
      const { db } = await enrolled();
      const srv = scriptedServer(changes, { pageSize: 10, format1Only });
      expect(await pull(db, srv.deps, server)).toBe(25);
      expect(srv.urls).toEqual([0, 10, 20].map((s) => `/api/v1/sync/pull?since=${s}&format=2`));
      expect((await readSyncState(db)).cursor).toBe(25);
      const stored = await ticks(db);
      expect(stored).toHaveLength(25);
      expect(stored[3]).toEqual({ id: tickId(4), ...changes[3]!.fields, stamps: changes[3]!.stamps });
      results.push(stored);
    }
    expect(results[0]).toEqual(results[1]);
  });

  it('keeps a field edited here with a newer stamp and takes the newer ones from the server', async () => {
    const { db } = await enrolled();
    const mine = tickId(5);
    // A local unsent edit of `status`, stamped after the server's change; `date` is older here.
    await db.progress.put({
      ...tick(0, 5).fields,
      id: mine,
      status: 'in_progress',
      date: '2024-01-01',
      stamps: { ...tick(0, 5).stamps, status: stamp(50, 'dev-me'), date: stamp(-50, 'dev-me') },
      createdAt: '',
      updatedAt: '',
    } as never);
    const srv = scriptedServer([tick(1, 4), tick(2, 5, 10), tick(3, 6)]);
    await pull(db, srv.deps, server);
    const row = (await db.progress.get(mine))!;
    expect(row.status).toBe('in_progress');
    expect(row.stamps.status).toBe(stamp(50, 'dev-me'));
    expect(row.date).toBe('2024-01-10');
    expect(row.stamps.date).toBe(stamp(10));
    expect(await db.progress.count()).toBe(3);
  });

  it('finds local records inside a page whether the range holds few or many others', async () => {
    for (const others of [3, 50]) {
      const { db } = await enrolled();
      // Local records between the page's lowest and highest id; one is also in the page.
      const local = Array.from({ length: others }, (_, i) => ({
        ...tick(0, 100 + i, -1_000).fields,
        id: tickId(100 + i),
        status: 'not_started',
        stamps: { ...tick(0, 100 + i, -1_000).stamps, status: stamp(500, 'dev-me') },
        createdAt: 'local',
        updatedAt: 'local',
      }));
      await db.progress.bulkPut(local as never[]);
      // The page: ids 1, 101 (held here, with a newer local status) and 999.
      const srv = scriptedServer([tick(1, 1), tick(2, 101, 20), tick(3, 999)]);
      expect(await pull(db, srv.deps, server)).toBe(3);
      const held = (await db.progress.get(tickId(101)))!;
      expect([held.status, held.date, held.createdAt]).toEqual(['not_started', '2024-01-10', 'local']);
      expect(held.stamps.date).toBe(stamp(20));
      expect(await db.progress.count()).toBe(others + 2);
      const untouched = (await db.progress.get(tickId(100)))!;
      expect(untouched).toEqual(local[0]);
    }
  });

  it('pulling the same changes again changes nothing', async () => {
    const { db } = await enrolled();
    const changes = Array.from({ length: 12 }, (_, i) => tick(i + 1, i + 1));
    await pull(db, scriptedServer(changes, { pageSize: 5 }).deps, server);
    const first = await db.progress.toArray();
    await db.meta.put({ key: 'syncState', value: { ...(await readSyncState(db)), cursor: 0 } });
    expect(await pull(db, scriptedServer(changes, { pageSize: 5 }).deps, server)).toBe(0);
    expect(await db.progress.toArray()).toEqual(first);
  });

  it('a page that fails leaves the cursor after the last merged page, and the next pull resumes there', async () => {
    const { db } = await enrolled();
    const changes = Array.from({ length: 30 }, (_, i) => tick(i + 1, i + 1));
    const srv = scriptedServer(changes, { pageSize: 10 });
    srv.failOn(3);
    await expect(pull(db, srv.deps, server)).rejects.toThrow();
    expect((await readSyncState(db)).cursor).toBe(20);
    expect(await db.progress.count()).toBe(20);
    const again = scriptedServer(changes, { pageSize: 10 });
    expect(await pull(db, again.deps, server)).toBe(10);
    expect(again.urls[0]).toBe('/api/v1/sync/pull?since=20&format=2');
    expect(await db.progress.count()).toBe(30);
  });
});
