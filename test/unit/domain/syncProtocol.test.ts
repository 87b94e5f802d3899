import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../../src/domain/hlc';
import {
  applyOp,
  compactChange,
  expandChange,
  type EntityState,
  type PulledChange,
  type WireChange,
} from '../../../src/domain/syncProtocol';

const T = 1_736_128_800_000; // 2025-01-06T02:00:00Z
const stamp = (ms: number, node: string, counter = 0) => encodeHlc({ wall: T + ms, counter, node });

type Op = Parameters<typeof applyOp>[1];

/** A record created by a seed device at T, then synced to every phone. */
const created = applyOp(undefined, {
  fields: { title: 'ประชาสัมพันธ์', rating: null, deletedAt: null },
  hlc: stamp(0, 'seed'),
  before: null,
  baseRev: null,
}).state;
const base = stamp(0, 'seed');

const applyAll = (state: EntityState | undefined, ops: Op[]) => {
  const outcomes = [];
  for (const op of ops) {
    const r = applyOp(state, op);
    state = r.state;
    outcomes.push(...r.outcomes);
  }
  return { state: state!, outcomes };
};

describe('applyOp', () => {
  it('a new record takes every field with the op stamp, and is no conflict', () => {
    const { state, outcomes } = applyOp(undefined, {
      fields: { title: 'a', deletedAt: null },
      hlc: stamp(5, 'A'),
      before: null,
    });
    expect(state).toEqual({
      data: { title: 'a', deletedAt: null },
      stamps: { title: stamp(5, 'A'), deletedAt: stamp(5, 'A') },
    });
    expect(outcomes.every((o) => o.applied && !o.concurrent)).toBe(true);
  });

  it('the later stamp wins whichever op arrives first', () => {
    const a: Op = {
      fields: { title: 'A' },
      hlc: stamp(10, 'A'),
      before: { title: 'ประชาสัมพันธ์' },
      baseRev: base,
    };
    const b: Op = {
      fields: { title: 'B' },
      hlc: stamp(20, 'B'),
      before: { title: 'ประชาสัมพันธ์' },
      baseRev: base,
    };
    const ab = applyAll(created, [a, b]).state;
    const ba = applyAll(created, [b, a]).state;
    expect(ab).toEqual(ba);
    expect(ab.data.title).toBe('B');
    expect(ab.stamps.title).toBe(stamp(20, 'B'));
  });

  it('the same wall time is decided by counter, then by device id', () => {
    const a: Op = { fields: { rating: 1 }, hlc: stamp(10, 'A', 1), before: { rating: null }, baseRev: base };
    const b: Op = { fields: { rating: 2 }, hlc: stamp(10, 'B', 0), before: { rating: null }, baseRev: base };
    const c: Op = { fields: { rating: 3 }, hlc: stamp(10, 'C', 1), before: { rating: null }, baseRev: base };
    for (const order of [
      [a, b, c],
      [c, b, a],
      [b, c, a],
    ])
      expect(applyAll(created, order).state.data.rating).toBe(3);
  });

  it('an op with an older stamp from the same base loses, and is reported concurrent with the loser kept', () => {
    const later = applyOp(created, {
      fields: { title: 'B' },
      hlc: stamp(20, 'B'),
      before: { title: 'ประชาสัมพันธ์' },
      baseRev: base,
    }).state;
    const { state, outcomes } = applyOp(later, {
      fields: { title: 'A' },
      hlc: stamp(10, 'A'),
      before: { title: 'ประชาสัมพันธ์' },
      baseRev: base,
    });
    expect(state).toEqual(later);
    expect(outcomes).toEqual([
      { field: 'title', applied: false, concurrent: true, previous: { value: 'B', stamp: stamp(20, 'B') } },
    ]);
  });

  it('a later op from the same base wins and is reported concurrent, the overwritten value kept as previous', () => {
    const earlier = applyOp(created, {
      fields: { title: 'A' },
      hlc: stamp(10, 'A'),
      before: { title: 'ประชาสัมพันธ์' },
      baseRev: base,
    }).state;
    const { state, outcomes } = applyOp(earlier, {
      fields: { title: 'B' },
      hlc: stamp(20, 'B'),
      before: { title: 'ประชาสัมพันธ์' },
      baseRev: base,
    });
    expect(state.data.title).toBe('B');
    expect(outcomes).toEqual([
      { field: 'title', applied: true, concurrent: true, previous: { value: 'A', stamp: stamp(10, 'A') } },
    ]);
  });

  it('a device that had seen the other change (before = current value) is no conflict', () => {
    const seenA = applyOp(created, {
      fields: { title: 'A' },
      hlc: stamp(10, 'A'),
      before: { title: 'ประชาสัมพันธ์' },
      baseRev: base,
    }).state;
    const { state, outcomes } = applyOp(seenA, {
      fields: { title: 'B' },
      hlc: stamp(20, 'B'),
      before: { title: 'A' },
      baseRev: stamp(10, 'A'),
    });
    expect(state.data.title).toBe('B');
    expect(outcomes).toEqual([
      { field: 'title', applied: true, concurrent: false, previous: { value: 'A', stamp: stamp(10, 'A') } },
    ]);
  });

  it('the same value from two devices is no conflict, and the higher stamp is kept', () => {
    const a = applyOp(created, {
      fields: { rating: 2 },
      hlc: stamp(10, 'A'),
      before: { rating: null },
      baseRev: base,
    });
    const { state, outcomes } = applyOp(a.state, {
      fields: { rating: 2 },
      hlc: stamp(20, 'B'),
      before: { rating: null },
      baseRev: base,
    });
    expect(outcomes[0]).toMatchObject({ applied: true, concurrent: false });
    expect(state.stamps.rating).toBe(stamp(20, 'B'));
    // …and the older one arriving last changes nothing either.
    const late = applyOp(state, {
      fields: { rating: 2 },
      hlc: stamp(10, 'A'),
      before: { rating: null },
      baseRev: base,
    });
    expect(late.outcomes[0]).toMatchObject({ applied: false, concurrent: false });
    expect(late.state).toEqual(state);
  });

  it('one record made on two devices (one id) keeps both values of each field they set differently, in either order', () => {
    const make = (node: string, ms: number, results: string): Op => ({
      fields: { measureId: 'm1', quarter: 2, results, deletedAt: null },
      hlc: stamp(ms, node),
      before: null,
      baseRev: null,
    });
    const a = make('A', 10, 'จากเอ');
    const b = make('B', 20, 'จากบี');
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const { state, outcomes } = applyAll(undefined, order);
      expect(state.data).toEqual({ measureId: 'm1', quarter: 2, results: 'จากบี', deletedAt: null });
      // The second op meets the first: only the field set differently is concurrent.
      const second = outcomes.slice(4);
      expect(second.filter((o) => o.concurrent).map((o) => o.field)).toEqual(['results']);
      const lost = second.find((o) => o.field === 'results')!;
      // Whichever arrived last, the earlier value is the one kept aside (as previous or as the op's own).
      expect(lost.applied ? lost.previous.value : order[1]!.fields.results).toBe('จากเอ');
    }
  });

  it("a device's own record arriving after its own later edit is no conflict", () => {
    const create: Op = {
      fields: { title: 'แรก', deletedAt: null },
      hlc: stamp(30, 'B'),
      before: null,
      baseRev: null,
    };
    const rename: Op = {
      fields: { title: 'หลัง' },
      hlc: stamp(31, 'B'),
      before: { title: 'แรก' },
      baseRev: create.hlc,
    };
    const { state, outcomes } = applyAll(undefined, [rename, create]);
    expect(state.data).toEqual({ title: 'หลัง', deletedAt: null });
    expect(outcomes.some((o) => o.concurrent)).toBe(false);
  });

  it('changes to different fields of one record never conflict', () => {
    const { state, outcomes } = applyAll(created, [
      { fields: { title: 'A' }, hlc: stamp(20, 'A'), before: { title: 'ประชาสัมพันธ์' }, baseRev: base },
      { fields: { rating: 3 }, hlc: stamp(10, 'B'), before: { rating: null }, baseRev: base },
    ]);
    expect(state.data).toEqual({ title: 'A', rating: 3, deletedAt: null });
    expect(outcomes.some((o) => o.concurrent)).toBe(false);
  });

  it('an undo of a tick on one phone and a new tick on another both stay', () => {
    const tick1 = applyOp(undefined, {
      fields: { actionId: 'a1', status: 'done', deletedAt: null },
      hlc: stamp(10, 'A'),
      before: null,
    }).state;
    const tick2 = applyOp(undefined, {
      fields: { actionId: 'a1', status: 'in_progress', deletedAt: null },
      hlc: stamp(5, 'B'),
      before: null,
    }).state;
    const undone = applyOp(tick1, {
      fields: { deletedAt: '2025-01-06T02:00:01.000Z' },
      hlc: stamp(30, 'C'),
      before: { deletedAt: null },
      baseRev: stamp(10, 'A'),
    });
    expect(undone.outcomes[0]).toMatchObject({ applied: true, concurrent: false });
    expect(undone.state.data).toEqual({
      actionId: 'a1',
      status: 'done',
      deletedAt: '2025-01-06T02:00:01.000Z',
    });
    expect(tick2.data.status).toBe('in_progress');
  });

  // Found by the convergence property (syncConvergence.test.ts): B deletes and restores a record
  // while A, offline, deletes it with an older stamp. The current value (null) equals A's `before`
  // only by coincidence; comparing values alone, A's delete was dropped with no conflict when B's
  // ops arrived first, but kept as a conflict when A's arrived first.
  it('an older change from a value that only looks current (deleted and restored elsewhere) is a conflict', () => {
    const deleteB: Op = {
      fields: { deletedAt: '2025-01-06T02:00:00.003Z' },
      hlc: stamp(3, 'B'),
      before: { deletedAt: null },
      baseRev: base,
    };
    const restoreB: Op = {
      fields: { deletedAt: null },
      hlc: stamp(5, 'B'),
      before: { deletedAt: '2025-01-06T02:00:00.003Z' },
      baseRev: stamp(3, 'B'),
    };
    const deleteA: Op = {
      fields: { deletedAt: '2025-01-06T02:00:00.004Z' },
      hlc: stamp(4, 'A'),
      before: { deletedAt: null },
      baseRev: base,
    };
    const bFirst = applyAll(created, [deleteB, restoreB, deleteA]);
    expect(bFirst.state.data.deletedAt).toBeNull();
    expect(bFirst.outcomes[2]).toEqual({
      field: 'deletedAt',
      applied: false,
      concurrent: true,
      previous: { value: null, stamp: stamp(5, 'B') },
    });
    // A first: the same winner, and A's delete again ends up on the losing side of a conflict.
    const aFirst = applyAll(created, [deleteA, deleteB, restoreB]);
    expect(aFirst.state).toEqual(bFirst.state);
    expect(aFirst.outcomes.filter((o) => o.concurrent)).not.toEqual([]);
  });

  it('a change made after seeing the current stamp is no conflict even when the value came back', () => {
    const restored = applyAll(created, [
      { fields: { deletedAt: 'x' }, hlc: stamp(3, 'B'), before: { deletedAt: null }, baseRev: base },
      { fields: { deletedAt: null }, hlc: stamp(5, 'B'), before: { deletedAt: 'x' }, baseRev: stamp(3, 'B') },
    ]).state;
    const { outcomes } = applyOp(restored, {
      fields: { deletedAt: 'y' },
      hlc: stamp(9, 'A'),
      before: { deletedAt: null },
      baseRev: stamp(5, 'B'),
    });
    expect(outcomes[0]).toMatchObject({ applied: true, concurrent: false });
  });

  it('does not change the state it is given', () => {
    const copy = structuredClone(created);
    applyOp(created, { fields: { title: 'A' }, hlc: stamp(10, 'A'), before: { title: 'x' }, baseRev: base });
    expect(created).toEqual(copy);
  });

  it('any arrival order of the same ops gives the same state', () => {
    const op = fc.record({
      field: fc.constantFrom('title', 'rating', 'deletedAt'),
      value: fc.nat({ max: 3 }),
      wall: fc.nat({ max: 50 }),
      node: fc.constantFrom('A', 'B', 'C'),
      counter: fc.nat({ max: 2 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(op, { selector: (o) => `${o.wall}/${o.counter}/${o.node}`, maxLength: 12 }),
        fc.func(fc.nat()),
        (specs, key) => {
          const ops: Op[] = specs.map((s) => ({
            fields: { [s.field]: s.value },
            hlc: stamp(s.wall + 1, s.node, s.counter),
            before: { [s.field]: null },
            baseRev: base,
          }));
          const reordered = [...ops].sort((x, y) => key(x.hlc) - key(y.hlc));
          expect(applyAll(created, reordered).state).toEqual(applyAll(created, ops).state);
        },
      ),
    );
  });
});

describe('pull wire format 2', () => {
  const change = (fields: Record<string, unknown>, stamps: Record<string, string>): PulledChange => ({
    seq: 7,
    table: 'progress',
    id: 't1',
    fields,
    stamps,
    opId: 'op-7',
    deviceId: 'A',
  });
  /** Through JSON, as the server sends it and the page reads it. */
  const overWire = (c: PulledChange) =>
    expandChange(JSON.parse(JSON.stringify(compactChange(c))) as WireChange);

  it("sends one stamp when every field shares it, and the page gets each field's stamp back", () => {
    const s = stamp(5, 'A');
    const c = change({ status: 'done', note: '', deletedAt: null }, { status: s, note: s, deletedAt: s });
    const wire = compactChange(c);
    expect(wire).toEqual({
      seq: 7,
      table: 'progress',
      id: 't1',
      fields: c.fields,
      stamp: s,
      opId: 'op-7',
      deviceId: 'A',
    });
    expect('stamps' in wire).toBe(false);
    expect(overWire(c)).toEqual(c);
  });

  it('keeps the stamps of a change whose fields differ, miss one, or carry one more', () => {
    const [s, t] = [stamp(5, 'A'), stamp(6, 'B')];
    for (const c of [
      change({ a: 1, b: 2 }, { a: s, b: t }),
      change({ a: 1, b: 2 }, { a: s }),
      change({ a: 1 }, { a: s, b: s }),
      change({}, {}),
    ]) {
      expect(compactChange(c)).toBe(c);
      expect(overWire(c)).toEqual(c);
    }
  });

  it('a format 1 change (stamps) reads as it is', () => {
    const c = change({ a: 1 }, { a: stamp(1, 'A') });
    expect(expandChange(c)).toBe(c);
  });

  it('any change survives the trip unchanged, odd field names included', () => {
    const field = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'stamps', 'stamp', 'id'), fc.string());
    fc.assert(
      fc.property(
        fc.dictionary(field, fc.jsonValue(), { maxKeys: 6 }),
        fc.constantFrom(stamp(1, 'A'), stamp(2, 'B')),
        fc.boolean(),
        (fields, s, mixed) => {
          const keys = Object.keys(fields);
          const stamps = Object.fromEntries(keys.map((k, i) => [k, mixed && i === 0 ? stamp(3, 'C') : s]));
          const c = change(fields, stamps);
          expect(overWire(c)).toEqual(JSON.parse(JSON.stringify(c)));
        },
      ),
    );
  });
});
