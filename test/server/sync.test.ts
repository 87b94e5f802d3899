import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { ChangeKind, ChangeOp } from '../../src/domain/changeLog';
import { encodeHlc } from '../../src/domain/hlc';
import {
  expandChange,
  PULL_MAX_CHANGES,
  PUSH_MAX_OPS,
  type PullResponse,
  type PushResponse,
  type SyncConflict,
  type WirePullResponse,
} from '../../src/domain/syncProtocol';
import { runAdmin } from '../../src/server/admin';
import { bearer, createAgency, enrolDevice, get, post, type Device } from './client';
import { describeEachDb, type Harness } from './harness';

const T0 = 1_717_000_000_000;

/** Stamps of one device: `at(5)` is 5 ms after T0 on that device's clock. */
const stampOf = (device: Device, ms: number, counter = 0) =>
  encodeHlc({ wall: T0 + ms, counter, node: device.deviceId });

const deviceSeqs = new Map<string, number>();

function op(
  device: Device,
  o: {
    table?: ChangeOp['table'];
    id: string;
    kind?: ChangeKind;
    fields: Record<string, unknown>;
    before?: Record<string, unknown> | null;
    baseRev?: string | null;
    at: number;
  },
): ChangeOp {
  const deviceSeq = (deviceSeqs.get(device.deviceId) ?? 0) + 1;
  deviceSeqs.set(device.deviceId, deviceSeq);
  return {
    opId: randomUUID(),
    deviceId: device.deviceId,
    deviceSeq,
    table: o.table ?? 'plans',
    id: o.id,
    kind: o.kind ?? (o.before ? 'patch' : 'put'),
    fields: o.fields,
    before: o.before ?? null,
    baseRev: o.baseRev ?? null,
    hlc: stampOf(device, o.at),
    at: new Date(T0 + o.at).toISOString(),
    by: 'สมศรี',
    sentAt: null,
  };
}

function pushRaw(h: Harness, device: Device, body: unknown) {
  return post(h, '/api/v1/sync/push', body, bearer(device));
}

async function push(h: Harness, device: Device, ops: ChangeOp[], resolvedConflicts?: string[]) {
  const res = await pushRaw(h, device, {
    deviceId: device.deviceId,
    ops,
    ...(resolvedConflicts ? { resolvedConflicts } : {}),
  });
  if (res.status !== 200) throw new Error(`push answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as PushResponse;
}

async function pull(h: Harness, device: Device, since: number, limit?: number) {
  const res = await get(h, `/api/v1/sync/pull?since=${since}${limit ? `&limit=${limit}` : ''}`, device);
  if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as PullResponse;
}

/** Everything after `since`, page by page, as a device does. */
async function pullAll(h: Harness, device: Device, since = 0) {
  const pages: PullResponse[] = [];
  let cursor = since;
  for (;;) {
    const page = await pull(h, device, cursor);
    pages.push(page);
    cursor = page.cursor;
    if (!page.more) return { pages, cursor };
  }
}

async function count(h: Harness, table: 'changes' | 'applied_ops' | 'entities' | 'conflicts') {
  const { rows } = await h.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]!.n;
}

async function entity(h: Harness, table: string, id: string) {
  const { rows } = await h.db.query<{ data: Record<string, unknown>; stamps: Record<string, string> }>(
    'SELECT data, stamps FROM entities WHERE tbl = $1 AND id = $2',
    [table, id],
  );
  return rows[0];
}

describeEachDb('sync push and pull', (h) => {
  const twoPhones = async () => {
    const agency = await createAgency(h);
    return [await enrolDevice(h, agency, 'มือถือ 1'), await enrolDevice(h, agency, 'มือถือ 2'), agency] as const;
  };

  it('applies each op, numbers each change, answers per op, and a pull returns the winning fields', async () => {
    const [a] = await twoPhones();
    const plan = op(a, { id: 'plan-1', fields: { fiscalYear: 2567, title: 'แผน', deletedAt: null }, at: 0 });
    const tick = op(a, {
      table: 'progress',
      id: 'tick-1',
      fields: { actionId: 'act-1', status: 'done', deletedAt: null },
      at: 1,
    });
    const edit = op(a, {
      id: 'plan-1',
      fields: { title: 'แผนปรับปรุง' },
      before: { title: 'แผน' },
      baseRev: plan.hlc,
      at: 2,
    });
    const answer = await push(h, a, [plan, tick, edit]);
    expect(answer).toEqual({
      results: [
        { opId: plan.opId, status: 'applied', seq: 1 },
        { opId: tick.opId, status: 'applied', seq: 2 },
        { opId: edit.opId, status: 'applied', seq: 3 },
      ],
      cursor: 3,
    });
    const page = await pull(h, a, 0);
    expect(page).toMatchObject({ cursor: 3, more: false, conflicts: [] });
    expect(page.changes).toEqual([
      {
        seq: 1,
        table: 'plans',
        id: 'plan-1',
        fields: plan.fields,
        stamps: { fiscalYear: plan.hlc, title: plan.hlc, deletedAt: plan.hlc },
        opId: plan.opId,
        deviceId: a.deviceId,
      },
      expect.objectContaining({ seq: 2, table: 'progress', id: 'tick-1', opId: tick.opId }),
      expect.objectContaining({ seq: 3, fields: { title: 'แผนปรับปรุง' }, stamps: { title: edit.hlc } }),
    ]);
    expect(await entity(h, 'plans', 'plan-1')).toEqual({
      data: { fiscalYear: 2567, title: 'แผนปรับปรุง', deletedAt: null },
      stamps: { fiscalYear: plan.hlc, title: edit.hlc, deletedAt: plan.hlc },
    });
  });

  it('the same batch twice: every op a duplicate, no new numbers, nothing written again', async () => {
    const [a] = await twoPhones();
    const ops = [0, 1, 2].map((i) => op(a, { id: `plan-${i}`, fields: { title: `แผน ${i}` }, at: i }));
    const first = await push(h, a, ops);
    const before = { changes: await count(h, 'changes'), applied: await count(h, 'applied_ops') };
    const again = await push(h, a, ops);
    expect(again.results).toEqual(ops.map((o) => ({ opId: o.opId, status: 'duplicate' })));
    expect(again.cursor).toBe(first.cursor);
    expect({ changes: await count(h, 'changes'), applied: await count(h, 'applied_ops') }).toEqual(before);
    // The same op twice within one batch is applied once as well.
    const twice = op(a, { id: 'plan-9', fields: { title: 'x' }, at: 9 });
    const answer = await push(h, a, [twice, twice]);
    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'duplicate']);
    expect(await count(h, 'changes')).toBe(4);
  });

  it('an older stamp arriving later loses, is still recorded as applied, and a retry is a duplicate', async () => {
    const [a, b] = await twoPhones();
    const put = op(a, { id: 'plan-1', fields: { title: 'ร่าง', note: 'x', deletedAt: null }, at: 0 });
    await push(h, a, [put]);
    // B changed the note at 10, A made the same change later at 20 and got online first.
    const fromB = op(b, {
      id: 'plan-1',
      fields: { note: 'y' },
      before: { note: 'x' },
      baseRev: put.hlc,
      at: 10,
    });
    const fromA = op(a, {
      id: 'plan-1',
      fields: { note: 'y' },
      before: { note: 'x' },
      baseRev: put.hlc,
      at: 20,
    });
    expect((await push(h, a, [fromA])).results[0]).toEqual({ opId: fromA.opId, status: 'applied', seq: 2 });
    const late = await push(h, b, [fromB]);
    // Nothing of it won: no change to deliver, the answer carries the cursor so far.
    expect(late).toEqual({ results: [{ opId: fromB.opId, status: 'applied', seq: 2 }], cursor: 2 });
    expect((await entity(h, 'plans', 'plan-1'))!.stamps.note).toBe(fromA.hlc);
    expect(await count(h, 'changes')).toBe(2);
    expect(await count(h, 'conflicts')).toBe(0);
    expect(await count(h, 'applied_ops')).toBe(1); // recorded though it changed nothing
    expect((await push(h, b, [fromB])).results[0]!.status).toBe('duplicate');

    // A new record's first version arriving after a later edit: only its untouched fields apply.
    const id = 'plan-2';
    const create = op(b, { id, fields: { title: 'แรก', deletedAt: null }, at: 30 });
    const rename = op(b, {
      id,
      fields: { title: 'หลัง' },
      before: { title: 'แรก' },
      baseRev: create.hlc,
      at: 31,
    });
    await push(h, b, [rename]);
    const answer = await push(h, b, [create]);
    expect(answer.results[0]).toEqual({ opId: create.opId, status: 'applied', seq: 4 });
    expect((await entity(h, 'plans', id))!.data).toEqual({ title: 'หลัง', deletedAt: null });
    const page = await pull(h, a, 3);
    expect(page.changes).toEqual([expect.objectContaining({ seq: 4, fields: { deletedAt: null } })]);
  });

  it('two devices change one field from the same base: the higher stamp wins everywhere, the loser is kept for a person', async () => {
    const agency = await createAgency(h);
    const [a, b, c] = [
      await enrolDevice(h, agency, 'A'),
      await enrolDevice(h, agency, 'B'),
      await enrolDevice(h, agency, 'C'),
    ];
    const put = op(a, { id: 'plan-1', fields: { title: 'เดิม', deletedAt: null }, at: 0 });
    await push(h, a, [put]);
    const edit = (d: Device, title: string, at: number) =>
      op(d, { id: 'plan-1', fields: { title }, before: { title: 'เดิม' }, baseRev: put.hlc, at });
    const fromA = edit(a, 'ของ A', 10);
    const fromB = edit(b, 'ของ B', 20);
    expect((await push(h, a, [fromA])).results[0]!.status).toBe('applied');
    const answer = await push(h, b, [fromB]);
    const result = answer.results[0]!;
    expect(result).toMatchObject({ opId: fromB.opId, status: 'conflict', seq: 3 });
    expect(result.status === 'conflict' && result.conflictIds).toHaveLength(1);
    expect((await entity(h, 'plans', 'plan-1'))!.data.title).toBe('ของ B');

    // A third device, fresh, gets everything and the conflict with both values.
    const all = await pullAll(h, c);
    const conflicts = all.pages.flatMap((p) => p.conflicts);
    expect(conflicts).toEqual([
      {
        id: result.status === 'conflict' ? result.conflictIds[0]! : '',
        table: 'plans',
        recordId: 'plan-1',
        field: 'title',
        winner: { value: 'ของ B', stamp: fromB.hlc, deviceId: b.deviceId },
        loser: { value: 'ของ A', stamp: fromA.hlc, deviceId: a.deviceId },
        createdAt: expect.any(String),
        resolvedAt: null,
      } satisfies SyncConflict,
    ]);

    // A person settles it on A: the resolution takes a number and reaches C's next pull.
    const settled = await push(h, a, [], [conflicts[0]!.id]);
    expect(settled.cursor).toBe(all.cursor + 1);
    const next = await pull(h, c, all.cursor);
    expect(next.changes).toEqual([]);
    expect(next.cursor).toBe(settled.cursor);
    expect(next.conflicts).toEqual([
      expect.objectContaining({ id: conflicts[0]!.id, resolvedAt: expect.any(String) }),
    ]);
    // Settling it again takes no number.
    expect((await push(h, b, [], [conflicts[0]!.id])).cursor).toBe(settled.cursor);
  });

  it('the same two concurrent edits in the other order: same winner, the late loser is kept and takes a number', async () => {
    const [a, b] = await twoPhones();
    const put = op(a, { id: 'plan-1', fields: { title: 'เดิม' }, at: 0 });
    await push(h, a, [put]);
    const fromA = op(a, {
      id: 'plan-1',
      fields: { title: 'ของ A' },
      before: { title: 'เดิม' },
      baseRev: put.hlc,
      at: 10,
    });
    const fromB = op(b, {
      id: 'plan-1',
      fields: { title: 'ของ B' },
      before: { title: 'เดิม' },
      baseRev: put.hlc,
      at: 20,
    });
    await push(h, b, [fromB]);
    const answer = await push(h, a, [fromA]);
    expect(answer.results[0]).toMatchObject({ status: 'conflict', seq: null });
    expect(answer.cursor).toBe(3); // the conflict alone takes a number, so pulls deliver it
    expect((await entity(h, 'plans', 'plan-1'))!.data.title).toBe('ของ B');
    const page = await pull(h, b, 2);
    expect(page).toMatchObject({ changes: [], cursor: 3, more: false });
    expect(page.conflicts).toEqual([
      expect.objectContaining({
        winner: { value: 'ของ B', stamp: fromB.hlc, deviceId: b.deviceId },
        loser: { value: 'ของ A', stamp: fromA.hlc, deviceId: a.deviceId },
      }),
    ]);
  });

  it('ticks from two devices on one action are both kept', async () => {
    const [a, b] = await twoPhones();
    const tick = (d: Device, id: string, status: string, at: number) =>
      op(d, {
        table: 'progress',
        id,
        fields: { actionId: 'act-1', status, by: d.deviceId, deletedAt: null },
        at,
      });
    await push(h, a, [tick(a, 'tick-a', 'done', 5)]);
    await push(h, b, [tick(b, 'tick-b', 'in_progress', 5)]);
    const { pages } = await pullAll(h, a);
    const ticks = pages.flatMap((p) => p.changes).filter((ch) => ch.table === 'progress');
    expect(ticks.map((t) => [t.id, t.fields.status])).toEqual([
      ['tick-a', 'done'],
      ['tick-b', 'in_progress'],
    ]);
    expect(await count(h, 'conflicts')).toBe(0);
  });

  it('a delete is a tombstone that travels; a restore after it brings the record back', async () => {
    const [a, b] = await twoPhones();
    const put = op(a, { table: 'meetings', id: 'm-1', fields: { title: 'ประชุม', deletedAt: null }, at: 0 });
    await push(h, a, [put]);
    const deletedAt = new Date(T0 + 10).toISOString();
    const del = op(b, {
      table: 'meetings',
      id: 'm-1',
      kind: 'delete',
      fields: { deletedAt },
      before: { deletedAt: null },
      baseRev: put.hlc,
      at: 10,
    });
    await push(h, b, [del]);
    const afterDelete = await pull(h, a, 1);
    expect(afterDelete.changes).toEqual([expect.objectContaining({ id: 'm-1', fields: { deletedAt } })]);
    const restore = op(a, {
      table: 'meetings',
      id: 'm-1',
      kind: 'restore',
      fields: { deletedAt: null },
      before: { deletedAt },
      baseRev: del.hlc,
      at: 20,
    });
    expect((await push(h, a, [restore])).results[0]).toMatchObject({ status: 'applied', seq: 3 });
    expect(await entity(h, 'meetings', 'm-1')).toEqual({
      data: { title: 'ประชุม', deletedAt: null },
      stamps: { title: put.hlc, deletedAt: restore.hlc },
    });
    // The record was never removed: a fresh pull replays create, tombstone, restore in order.
    const replay = (await pullAll(h, b)).pages.flatMap((p) => p.changes);
    expect(replay.map((ch) => ch.fields.deletedAt)).toEqual([null, deletedAt, null]);
    expect(await count(h, 'conflicts')).toBe(0);
  });

  it('pulls 2,500 changes in pages of 1,000 with no gaps or repeats; a fresh device gets everything', async () => {
    const [a, , agency] = await twoPhones();
    const total = 2_500;
    for (let start = 0; start < total; start += PUSH_MAX_OPS) {
      const ops = Array.from({ length: PUSH_MAX_OPS }, (_, i) =>
        op(a, {
          table: 'progress',
          id: `tick-${start + i}`,
          fields: { n: start + i, deletedAt: null },
          at: start + i,
        }),
      );
      const answer = await push(h, a, ops);
      expect(answer.cursor).toBe(start + PUSH_MAX_OPS);
    }
    const fresh = await enrolDevice(h, agency, 'เครื่องใหม่');
    const { pages, cursor } = await pullAll(h, fresh);
    // Each page says how far the agency's numbers go, so a device can show how far it has come.
    expect(pages.map((p) => [p.changes.length, p.cursor, p.more, p.latest])).toEqual([
      [PULL_MAX_CHANGES, 1_000, true, total],
      [PULL_MAX_CHANGES, 2_000, true, total],
      [500, 2_500, false, total],
    ]);
    expect(cursor).toBe(total);
    const seqs = pages.flatMap((p) => p.changes.map((ch) => ch.seq));
    expect(seqs).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(pages.flatMap((p) => p.changes.map((ch) => ch.id))).size).toBe(total);
    // A smaller page size, and nothing after the end.
    const small = await pull(h, fresh, 2_000, 300);
    expect([small.changes.length, small.cursor, small.more]).toEqual([300, 2_300, true]);
    expect(await pull(h, fresh, total)).toEqual({
      changes: [],
      conflicts: [],
      cursor: total,
      more: false,
      latest: total,
    });
  });

  it('format 2 sends a stamp once where the fields share it; without format every change keeps its stamps', async () => {
    const [a] = await twoPhones();
    const plan = op(a, { id: 'plan-1', fields: { fiscalYear: 2567, title: 'แผน', deletedAt: null }, at: 0 });
    await push(h, a, [plan]);
    const full = await pull(h, a, 0);
    // What builds already on phones ask for, and read.
    expect(full.changes[0]).toMatchObject({
      fields: plan.fields,
      stamps: { fiscalYear: plan.hlc, title: plan.hlc, deletedAt: plan.hlc },
    });
    expect(full.changes[0]).not.toHaveProperty('stamp');
    const res = await get(h, '/api/v1/sync/pull?since=0&format=2', a);
    expect(res.status).toBe(200);
    const compact = (await res.json()) as WirePullResponse;
    expect(compact.changes).toEqual(
      [{ ...full.changes[0]!, stamps: undefined, stamp: plan.hlc }].map(({ stamps: _s, ...c }) => c),
    );
    expect({ ...compact, changes: compact.changes.map(expandChange) }).toEqual(full);
    expect((await get(h, '/api/v1/sync/pull?since=0&format=1', a)).status).toBe(200);
  });

  it('numbers with no change row (a settled conflict) only make a page smaller: every change arrives once, in order', async () => {
    const [a, b] = await twoPhones();
    const put = op(a, { id: 'plan-1', fields: { title: 'เดิม' }, at: 0 });
    await push(h, a, [put]);
    const edit = (d: Device, title: string, at: number) =>
      op(d, { id: 'plan-1', fields: { title }, before: { title: 'เดิม' }, baseRev: put.hlc, at });
    await push(h, b, [edit(b, 'ของ B', 20)]);
    const lost = await push(h, a, [edit(a, 'ของ A', 10)]); // a conflict: a number, no change row
    const conflictId = lost.results[0]!.status === 'conflict' ? lost.results[0]!.conflictIds[0]! : '';
    await push(h, a, [], [conflictId]); // settled: another number, no change row
    const ticks = [0, 1, 2].map((i) =>
      op(a, { table: 'progress', id: `tick-${i}`, fields: { n: i, deletedAt: null }, at: 30 + i }),
    );
    const top = (await push(h, a, ticks)).cursor;
    expect(top).toBe(7);
    const pages: PullResponse[] = [];
    for (let since = 0; ;) {
      const page = await pull(h, a, since, 2);
      pages.push(page);
      since = page.cursor;
      if (!page.more) break;
    }
    expect(pages.map((p) => [p.changes.map((c) => c.seq), p.cursor, p.more])).toEqual([
      [[1, 2], 2, true],
      [[], 4, true],
      [[5, 6], 6, true],
      [[7], 7, false],
    ]);
    expect(pages[1]!.conflicts.map((c) => c.id)).toEqual([conflictId]);
  });

  it('five devices pushing at once get unique, gap-free numbers', async () => {
    const agency = await createAgency(h);
    const devices = await Promise.all([1, 2, 3, 4, 5].map((i) => enrolDevice(h, agency, `มือถือ ${i}`)));
    const batches = devices.flatMap((d, di) =>
      [0, 1, 2, 3].map((b) =>
        Array.from({ length: 50 }, (_, i) =>
          op(d, { table: 'progress', id: `t-${di}-${b}-${i}`, fields: { n: i }, at: b * 100 + i }),
        ),
      ),
    );
    // Each device sends its batches in order, all devices at once (plus a retry of each first batch).
    const answers = await Promise.all(
      devices.map(async (d, di) => {
        const mine = batches.slice(di * 4, di * 4 + 4);
        const out: PushResponse[] = [];
        for (const ops of mine) out.push(await push(h, d, ops));
        out.push(await push(h, d, mine[0]!));
        return out;
      }),
    );
    const seqs = answers
      .flat()
      .flatMap((a) => a.results)
      .flatMap((r) => (r.status === 'applied' ? [r.seq] : []));
    expect(seqs.sort((x, y) => x - y)).toEqual(Array.from({ length: 1_000 }, (_, i) => i + 1));
    const { rows } = await h.db.query<{ seq: number }>('SELECT seq FROM changes ORDER BY seq');
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 1_000 }, (_, i) => i + 1));
    expect((await pull(h, devices[0]!, 999)).cursor).toBe(1_000);
  });

  it('four devices pushing at once, on shared records too: gap-free numbers, no change lost, a racing retry is all duplicates', async () => {
    const agency = await createAgency(h);
    const devices: Device[] = [];
    for (const i of [0, 1, 2, 3]) devices.push(await enrolDevice(h, agency, `มือถือ ${i}`));
    const shared = Array.from({ length: 20 }, (_, i) => `shared-${i}`);
    const seedFields = { title: 'เดิม', note0: '', note1: '', note2: '', note3: '', deletedAt: null };
    const seed = shared.map((id, i) => op(devices[0]!, { id, fields: seedFields, at: i }));
    await push(h, devices[0]!, seed);

    // Per device, four batches: new ticks of its own, an edit of its own field of every shared
    // record, and an edit of one shared title that all four make from the same base (conflicts);
    // the last batch has the edits alone.
    const batches = devices.map((d, di) =>
      [0, 1, 2, 3].map((b) => [
        ...(b === 3
          ? []
          : Array.from({ length: 30 }, (_, i) =>
              op(d, {
                table: 'progress',
                id: `t-${di}-${b}-${i}`,
                fields: { n: i, deletedAt: null },
                at: 100 * b + i,
              }),
            )),
        ...shared.map((id, i) =>
          op(d, {
            id,
            fields: { [`note${di}`]: `${di}-${b}` },
            before: { [`note${di}`]: b === 0 ? '' : `${di}-${b - 1}` },
            at: 100 * b + 40 + i,
          }),
        ),
        ...(b === 3
          ? []
          : [
              op(d, {
                id: shared[0]!,
                fields: { title: `${di}-${b}` },
                before: { title: 'เดิม' },
                baseRev: seed[0]!.hlc,
                at: 100 * b + 70,
              }),
            ]),
      ]),
    );
    // All devices at once; each sends its batches in order, the second and the last one twice at
    // the same time (a retry racing the first try: new records, then edits of stored ones alone).
    const raced = new Set([1, 3]);
    const answers = await Promise.all(
      devices.map(async (d, di) => {
        const out: PushResponse[][] = [];
        for (const [b, ops] of batches[di]!.entries()) {
          out.push(await Promise.all(raced.has(b) ? [push(h, d, ops), push(h, d, ops)] : [push(h, d, ops)]));
        }
        return out;
      }),
    );

    // Each op answered once as applied (or conflict); the racing copy of a batch as all duplicates.
    const done = (a: PushResponse) =>
      a.results.every((r) => r.status === 'applied' || r.status === 'conflict');
    for (const [di, perBatch] of answers.entries()) {
      for (const [b, tries] of perBatch.entries()) {
        const ops = batches[di]![b]!;
        for (const a of tries) expect(a.results.map((r) => r.opId)).toEqual(ops.map((o) => o.opId));
        expect(tries.filter(done)).toHaveLength(1);
        if (raced.has(b))
          expect(tries.map((a) => a.results.every((r) => r.status === 'duplicate'))).toContain(true);
      }
    }

    // Numbers: every change and every conflict-only op has one, unique, 1…top with no gap.
    const { rows: numbered } = await h.db.query<{ seq: number }>(
      'SELECT seq FROM changes UNION ALL SELECT seq FROM applied_ops WHERE seq IS NOT NULL ORDER BY seq',
    );
    const top = Math.max(...answers.flat(2).map((a) => a.cursor));
    expect(numbered.map((r) => r.seq)).toEqual(Array.from({ length: top }, (_, i) => i + 1));
    // Every op applied once: each distinct op is one change row or one applied_ops row.
    const opCount = seed.length + batches.flat(2).length;
    expect((await count(h, 'changes')) + (await count(h, 'applied_ops'))).toBe(opCount);

    // No change lost: each device's last value of its own field is on every shared record, the
    // highest stamp won the shared title, and a fresh device pulls the same state.
    const titles = batches.flatMap((bs) => bs.slice(0, 3).map((ops) => ops[ops.length - 1]!));
    const winner = titles.reduce((a, b) => (b.hlc > a.hlc ? b : a));
    for (const id of shared) {
      const { data } = (await entity(h, 'plans', id))!;
      expect(data).toMatchObject({ note0: '0-3', note1: '1-3', note2: '2-3', note3: '3-3' });
      expect(data.title).toBe(id === shared[0] ? winner.fields.title : 'เดิม');
    }
    expect(await count(h, 'entities')).toBe(shared.length + 4 * 3 * 30);
    const fresh = await enrolDevice(h, agency, 'เครื่องใหม่');
    const { pages, cursor } = await pullAll(h, fresh);
    expect(cursor).toBe(top);
    const pulled = pages.flatMap((p) => p.changes);
    expect(pulled.map((c) => c.seq)).toEqual([...pulled.map((c) => c.seq)].sort((a, b) => a - b));
    expect(pulled).toHaveLength(await count(h, 'changes'));
    expect(pages.flatMap((p) => p.conflicts)).toHaveLength(await count(h, 'conflicts'));
  });

  it('a put of a record that exists (made on two phones under one id) merges field by field; a field set differently is a conflict', async () => {
    const [a, b] = await twoPhones();
    const first = op(a, { id: 'doc-plan', fields: { title: 'ของ A', note: 'a', deletedAt: null }, at: 10 });
    await push(h, a, [first]);
    // B made the same record earlier (an older stamp): the field A never set applies; the title
    // both set differently keeps A's (the later), and B's waits for a person; the rest is alike.
    const again = op(b, { id: 'doc-plan', fields: { title: 'ของ B', extra: 'b', deletedAt: null }, at: 5 });
    const other = op(b, { id: 'plan-b', fields: { title: 'ใหม่' }, at: 6 });
    const answer = await push(h, b, [again, other]);
    expect(answer).toEqual({
      results: [
        { opId: again.opId, status: 'conflict', seq: 2, conflictIds: [expect.any(String)] },
        { opId: other.opId, status: 'applied', seq: 3 },
      ],
      cursor: 3,
    });
    expect(await entity(h, 'plans', 'doc-plan')).toEqual({
      data: { title: 'ของ A', note: 'a', deletedAt: null, extra: 'b' },
      stamps: { title: first.hlc, note: first.hlc, deletedAt: first.hlc, extra: again.hlc },
    });
    const page = await pull(h, a, 1);
    expect(page.changes.map((c) => [c.id, c.fields])).toEqual([
      ['doc-plan', { extra: 'b' }],
      ['plan-b', { title: 'ใหม่' }],
    ]);
    expect(page.conflicts.map((c) => [c.recordId, c.field, c.winner.value, c.loser.value])).toEqual([
      ['doc-plan', 'title', 'ของ A', 'ของ B'],
    ]);
    expect(await count(h, 'conflicts')).toBe(1);
  });

  it('an op id sent again with other content is a duplicate and writes nothing; the rest of the batch applies', async () => {
    const [a] = await twoPhones();
    const original = op(a, { id: 'plan-1', fields: { title: 'x' }, at: 0 });
    await push(h, a, [original]);
    const reused = { ...op(a, { id: 'plan-2', fields: { title: 'y' }, at: 1 }), opId: original.opId };
    const next = op(a, { id: 'plan-3', fields: { title: 'z' }, at: 2 });
    const answer = await push(h, a, [reused, next]);
    expect(answer).toEqual({
      results: [
        { opId: original.opId, status: 'duplicate' },
        { opId: next.opId, status: 'applied', seq: 2 },
      ],
      cursor: 2,
    });
    expect(await entity(h, 'plans', 'plan-2')).toBeUndefined();
    expect(await count(h, 'changes')).toBe(2);
  });

  it('refuses ops it must not apply, with a reason each, and applies the rest of the batch', async () => {
    const [a, b] = await twoPhones();
    const good = op(a, { id: 'plan-1', fields: { title: 'ดี' }, at: 0 });
    const foreign = op(b, { id: 'plan-2', fields: { title: 'ของเครื่องอื่น' }, at: 1 });
    const imported = { ...op(a, { id: 'plan-3', fields: { title: true }, at: 2 }), kind: 'import' as const };
    const badStamp = { ...op(a, { id: 'plan-4', fields: { title: 'x' }, at: 3 }), hlc: '9999' };
    const stolenStamp = { ...op(a, { id: 'plan-5', fields: { title: 'x' }, at: 4 }), hlc: stampOf(b, 4) };
    const badField = op(a, { id: 'plan-6', fields: { id: 'plan-7' }, at: 5 });
    const nul = op(a, { id: 'plan-8', fields: { title: 'a\u0000b' }, at: 6 });
    const answer = await push(h, a, [good, foreign, imported, badStamp, stolenStamp, badField, nul]);
    expect(answer.results.map((r) => r.status)).toEqual([
      'applied',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);
    for (const r of answer.results.slice(1)) expect(r).toMatchObject({ reason: expect.any(String) });
    expect(answer.results[2]).toMatchObject({ reason: expect.stringMatching(/import/) });
    expect(await count(h, 'changes')).toBe(1);
    expect(await count(h, 'applied_ops')).toBe(0); // the applied op is recorded by its change row
  });

  it('refuses unauthenticated, revoked and mismatched pushes, and invalid bodies, writing nothing', async () => {
    const [a, b, agency] = await twoPhones();
    const other = await enrolDevice(h, await createAgency(h, 'หน่วยงานอื่น'), 'อื่น');
    const body = { deviceId: a.deviceId, ops: [op(a, { id: 'plan-1', fields: { title: 'x' }, at: 0 })] };
    expect((await post(h, '/api/v1/sync/push', body)).status).toBe(401);
    expect((await post(h, '/api/v1/sync/push', body, { authorization: 'Bearer nope' })).status).toBe(401);
    const mismatched = await pushRaw(h, other, body);
    expect(mismatched.status).toBe(403);
    expect(await mismatched.json()).toMatchObject({ error: 'wrong_device', message: expect.any(String) });
    expect((await pushRaw(h, b, body)).status).toBe(403);
    const revoked = await runAdmin(h.db, 'revoke-device', [agency.agencyId, a.deviceId], { publicUrl: '' });
    expect(revoked.ok).toBe(true);
    const refused = await pushRaw(h, a, body);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'device_revoked' });
    expect((await get(h, '/api/v1/sync/pull?since=0', a)).status).toBe(403);
    expect((await get(h, '/api/v1/sync/pull?since=0', null)).status).toBe(401);

    const invalid = [
      { deviceId: b.deviceId },
      { deviceId: b.deviceId, ops: [{ ...op(b, { id: 'p', fields: {}, at: 0 }), table: 'devices' }] },
      { deviceId: b.deviceId, ops: [{ ...op(b, { id: 'p', fields: {}, at: 0 }), opId: '' }] },
      {
        deviceId: b.deviceId,
        ops: Array.from({ length: PUSH_MAX_OPS + 1 }, (_, i) => op(b, { id: `p${i}`, fields: {}, at: i })),
      },
    ];
    for (const bad of invalid) {
      const res = await pushRaw(h, b, bad);
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ error: 'invalid', message: expect.any(String) });
    }
    const notJson = await pushRaw(h, b, '{"deviceId":');
    expect(notJson.status).toBe(400);
    expect(await count(h, 'applied_ops')).toBe(0);
    expect(await count(h, 'changes')).toBe(0);
    expect(await count(h, 'entities')).toBe(0);
  });

  it('a pull sees only its own agency; a bad cursor is a 400; a cursor from the future starts over', async () => {
    const [a] = await twoPhones();
    const stranger = await enrolDevice(h, await createAgency(h, 'หน่วยงานอื่น'), 'อื่น');
    await push(h, a, [op(a, { id: 'plan-1', fields: { title: 'ลับ' }, at: 0 })]);
    expect(await pull(h, stranger, 0)).toEqual({
      changes: [],
      conflicts: [],
      cursor: 0,
      more: false,
      latest: 0,
    });
    for (const q of [
      'since=-1',
      'since=abc',
      'since=0&limit=0',
      `since=0&limit=${PULL_MAX_CHANGES + 1}`,
      'since=0&format=3',
      'since=0&format=',
    ]) {
      const res = await get(h, `/api/v1/sync/pull?${q}`, a);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_query' });
    }
    const restored = await pull(h, a, 50);
    expect(restored).toMatchObject({ cursor: 1, more: false });
    expect(restored.changes).toHaveLength(1);
  });

  it('a push survives a restart: committed ops stay applied and a retry is all duplicates', async () => {
    const [a] = await twoPhones();
    const ops = [0, 1].map((i) => op(a, { id: `plan-${i}`, fields: { title: `${i}` }, at: i }));
    await push(h, a, ops);
    await h.restart();
    const again = await push(h, a, ops);
    expect(again).toEqual({ results: ops.map((o) => ({ opId: o.opId, status: 'duplicate' })), cursor: 2 });
  });
});
