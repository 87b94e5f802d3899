/**
 * Property tests of the two-way sync (issue: "random interleavings of three
 * devices' offline edits and syncs always converge to the same state with
 * every tick kept"), on the in-memory model in syncSimulation.ts, which runs
 * the real applyOp, mergeRecord, HLC and change-log functions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChangeOp } from '../../../src/domain/changeLog';
import {
  causalOrder,
  deviceState,
  entityKey,
  seeded,
  Server,
  serverState,
  World,
  type Action,
  type OpRegistry,
} from './syncSimulation';

const DEVICES = 3;
/** SYNC_RUNS=5000 for a longer search. */
const RUNS = Number(process.env.SYNC_RUNS ?? 300);
const TIMEOUT = 10_000 + RUNS * 10;
const MINUTE = 60_000;

const device = fc.integer({ min: 0, max: DEVICES - 1 });
const pick = fc.nat({ max: 20 });

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      device,
      pick,
      field: fc.constantFrom('title' as const, 'rating' as const, 'results' as const),
      value: fc.nat({ max: 11 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      device,
      table: fc.constantFrom('measures' as const, 'quarterlyRecords' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), device, pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('restore' as const), device, pick }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('tick' as const), device, pick, status: fc.nat({ max: 2 }) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undoTick' as const), device, pick }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('push' as const),
      device,
      share: fc.constantFrom(0.34, 0.5, 1),
      repeat: fc.boolean(),
      loseAck: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('pull' as const),
      device,
      pageSize: fc.integer({ min: 1, max: 5 }),
      pages: fc.integer({ min: 1, max: 4 }),
    }),
  },
  // Wall time moves irregularly: often not at all (same millisecond), sometimes minutes.
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      ms: fc.oneof(fc.constant(0), fc.nat({ max: 2_000 }), fc.nat({ max: 10 * MINUTE })),
    }),
  },
  // A device's clock is reset (NTP, the user), forwards or backwards.
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('skew' as const),
      device,
      ms: fc.integer({ min: -5 * MINUTE, max: 5 * MINUTE }),
    }),
  },
);

const scenario = fc.record({
  skews: fc.array(fc.integer({ min: -5 * MINUTE, max: 5 * MINUTE }), {
    minLength: DEVICES,
    maxLength: DEVICES,
  }),
  actions: fc.array(action, { minLength: 5, maxLength: 60, size: 'max' }),
  shuffle: fc.integer(),
});

function play(skews: number[], actions: readonly Action[]): World {
  const world = new World(skews);
  world.seed();
  return world.run(actions).finalSync();
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Replays every op into a fresh server in the given order, in batches of up to 3. */
function replay(ops: readonly ChangeOp[]): Server {
  const server = new Server();
  for (let i = 0; i < ops.length; i += 3) server.push(ops.slice(i, i + 3));
  return server;
}

function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** For each field of each record: the winner is the op with the highest stamp that set it. */
function expectMaxStampWins(server: Server, registry: OpRegistry) {
  const best = new Map<string, { value: unknown; stamp: string }>();
  for (const op of registry.all()) {
    for (const [field, value] of Object.entries(op.fields)) {
      const k = `${entityKey(op.table, op.id)}.${field}`;
      const cur = best.get(k);
      if (!cur || op.hlc > cur.stamp) best.set(k, { value, stamp: op.hlc });
    }
  }
  for (const [k, { value, stamp }] of best) {
    const dot = k.lastIndexOf('.');
    const state = server.entities.get(k.slice(0, dot));
    const field = k.slice(dot + 1);
    expect(state?.stamps[field], k).toBe(stamp);
    expect(state?.data[field], k).toEqual(value);
  }
}

/**
 * Conflicts are recorded only between two changes to a field that did not
 * see each other (concurrent), with different values, and the loser is the
 * older stamp, kept with its value.
 */
function expectConflictsOnlyForConcurrentChanges(server: Server, registry: OpRegistry) {
  for (const c of server.conflicts) {
    const where = `${c.table}:${c.recordId}.${c.field} ${JSON.stringify(c)}`;
    const winner = registry.byStamp.get(c.winner.stamp);
    const loser = registry.byStamp.get(c.loser.stamp);
    expect(winner, where).toBeDefined();
    expect(loser, where).toBeDefined();
    expect(c.winner.stamp > c.loser.stamp, where).toBe(true);
    expect(same(c.winner.value, c.loser.value), where).toBe(false);
    expect(winner!.op.fields[c.field], where).toEqual(c.winner.value);
    expect(loser!.op.fields[c.field], where).toEqual(c.loser.value);
    expect(winner!.op.deviceId, where).toBe(c.winner.deviceId);
    expect(loser!.op.deviceId, where).toBe(c.loser.deviceId);
    expect(winner!.op.deviceId, where).not.toBe(loser!.op.deviceId);
    // Neither device had seen the other's change when making its own.
    expect(winner!.seen.has(loser!.op.opId), where).toBe(false);
    expect(loser!.seen.has(winner!.op.opId), where).toBe(false);
  }
}

/**
 * Nothing silently lost: every value any op set is the final value, or kept
 * as a conflict's loser, or was replaced by a change made by someone who had
 * it in front of them (an op whose `before` is that value).
 */
function expectNothingSilentlyLost(server: Server, registry: OpRegistry) {
  const ops = registry.all();
  for (const op of ops) {
    const state = server.entities.get(entityKey(op.table, op.id));
    for (const [field, value] of Object.entries(op.fields)) {
      if (same(state?.data[field], value)) continue;
      if (
        server.conflicts.some(
          (c) =>
            c.table === op.table && c.recordId === op.id && c.field === field && same(c.loser.value, value),
        )
      )
        continue;
      const replacedKnowingly = ops.some(
        (o) =>
          o.table === op.table &&
          o.id === op.id &&
          o.before !== null &&
          field in o.before &&
          same(o.before[field], value),
      );
      expect(
        replacedKnowingly,
        `${op.opId} ${op.table}:${op.id}.${field} = ${JSON.stringify(value)} lost`,
      ).toBe(true);
    }
  }
}

describe('sync convergence (3 devices, random offline edits and sync interleavings)', () => {
  it(
    'every device ends with the server state, every tick kept, duplicates harmless, order irrelevant',
    () => {
      fc.assert(
        fc.property(scenario, ({ skews, actions, shuffle }) => {
          const world = play(skews, actions);
          const { server, registry, devices } = world;
          const expected = serverState(server);

          // Everything was sent and acknowledged.
          for (const d of devices) expect(d.outbox).toEqual([]);
          expect(server.applied.size).toBe(registry.ops.size);

          // (a) every device holds exactly the server's records, data and stamps; (b) so all agree.
          for (const d of devices) expect(deviceState(d), d.deviceId).toEqual(expected);
          for (const d of devices.slice(1)) expect(deviceState(d)).toEqual(deviceState(devices[0]!));

          // (c) every tick made anywhere is on every device; an undone one is there with deletedAt;
          // a tick's own fields never change.
          for (const [id, { created, undone }] of world.ticks) {
            for (const d of devices) {
              const tick = d.get('progress', id);
              expect(tick, `${id} on ${d.deviceId}`).toBeDefined();
              for (const f of ['actionId', 'status', 'note', 'by'])
                expect(tick!.data[f], `${id}.${f}`).toEqual(created.fields[f]);
              if (undone) expect(tick!.data.deletedAt, id).toEqual(expect.any(String));
              else expect(tick!.data.deletedAt, id).toBeNull();
            }
          }

          // (d) re-pushing every acknowledged op, in any order, changes nothing.
          const before = server.snapshot();
          const rand = seeded(shuffle);
          const again = server.push(shuffled(registry.all(), rand));
          expect(again.results.every((r) => r.status === 'duplicate')).toBe(true);
          expect(server.snapshot()).toEqual(before);

          // (e) the result does not depend on the order the server received ops in: replay them in
          // another causal order, and in any order at all, on fresh servers.
          const causal = replay(causalOrder(registry, rand));
          expect(serverState(causal)).toEqual(expected);
          expect(serverState(replay(shuffled(registry.all(), rand)))).toEqual(expected);
          // …and the winner of each field is the highest stamp that set it.
          expectMaxStampWins(server, registry);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'conflicts only for concurrent changes of a field, and no value is silently lost, in any causal order',
    () => {
      fc.assert(
        fc.property(scenario, ({ skews, actions, shuffle }) => {
          const { server, registry } = play(skews, actions);
          expectConflictsOnlyForConcurrentChanges(server, registry);
          expectNothingSilentlyLost(server, registry);
          const causal = replay(causalOrder(registry, seeded(shuffle)));
          expectConflictsOnlyForConcurrentChanges(causal, registry);
          expectNothingSilentlyLost(causal, registry);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
