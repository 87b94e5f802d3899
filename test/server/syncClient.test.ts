/**
 * The page's sync client against the real server: two phones (real Dexie on
 * fake-indexeddb, real commands) and a third that enrols later, syncing
 * through HTTP with a server on PGlite and on PostgreSQL.
 */
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { makeCommands } from '../../src/db/commands';
import { makeConflictCommands } from '../../src/db/conflictCommands';
import { makeFollowUpCommands } from '../../src/db/followUpCommands';
import { ItaDatabase } from '../../src/db/schema';
import { enrolDevice } from '../../src/sync/enrol';
import { encodeHlc } from '../../src/domain/hlc';
import { PUSH_MAX_OPS } from '../../src/domain/syncProtocol';
import { readServerSettings } from '../../src/sync/serverSettings';
import { makeSync, readSyncState, type PullProgress } from '../../src/sync/syncClient';
import { runAdmin } from '../../src/server/admin';
import { createAgency } from './client';
import { describeEachDb } from './harness';

let clock = Date.parse('2024-01-15T03:00:00.000Z');
const now = () => new Date(clock);

async function phone(url: string, enrolCode: string, name: string) {
  const db = new ItaDatabase(`phone-${name}-${crypto.randomUUID()}`);
  const deps = { now, newId: () => crypto.randomUUID() };
  const commands = makeCommands(db, deps);
  await commands.saveDeviceSettings({ deviceName: name, staffName: name, digits: 'arabic' });
  await enrolDevice(db, fetch, { serverUrl: url, code: enrolCode, deviceName: name }, now());
  const syncer = makeSync(db, { fetch, now });
  return {
    db,
    syncer,
    commands,
    followUp: makeFollowUpCommands(db, deps),
    conflicts: makeConflictCommands(db, deps),
    async sync() {
      clock += 1_000;
      const r = await syncer.sync();
      if (r.kind !== 'done') throw new Error(JSON.stringify(r));
      return r;
    },
  };
}

const planInput = {
  agency: { name: 'อบต.สองเครื่อง', district: '', province: '' },
  assessmentYear: 2566,
  fiscalYear: 2567,
  overallScore: null,
  rating: '',
  constraints: [],
};

/** On one phone: a plan with one measure. */
async function planWithMeasure(p: Awaited<ReturnType<typeof phone>>) {
  const planId = await p.commands.createPlan(planInput);
  const measureId = await p.commands.createMeasure(planId, {
    number: 1,
    title: 'ม.1',
    responsible: '',
    period: null,
  });
  return { planId, measureId };
}

/** Phone A's step 3.1 in a plan of one measure, synced: what the ticks below are made on. */
async function phoneWithStep(url: string, enrolCode: string) {
  const a = await phone(url, enrolCode, 'เอ');
  const { planId, measureId } = await planWithMeasure(a);
  const actionId = await a.commands.createAction(measureId, { kind: 'step', number: '3.1', text: 'หนึ่ง' });
  await a.sync();
  const server = (await readServerSettings(a.db))!;
  /** The `i`th tick on that step as A's outbox holds it (stamped `i` ms after now, A's seq `seq`). */
  const tickOp = (i: number, seq: number, note: string) => {
    const at = new Date(clock + i);
    return {
      opId: crypto.randomUUID(),
      deviceId: server.deviceId,
      deviceSeq: seq,
      table: 'progress' as const,
      id: crypto.randomUUID(),
      kind: 'put' as const,
      fields: { planId, measureId, actionId, date: '2024-01-15', status: 'done', note, deletedAt: null },
      before: null,
      baseRev: null,
      hlc: encodeHlc({ wall: at.getTime(), counter: 0, node: server.deviceId }),
      at: at.toISOString(),
      by: 'เอ',
      sentAt: null,
    };
  };
  return { a, server, tickOp };
}

/** Every record of the synced tables, without device-local bookkeeping, for comparing phones. */
async function state(db: ItaDatabase) {
  const out: Record<string, unknown[]> = {};
  for (const t of ['plans', 'measures', 'actions', 'progress', 'quarterlyRecords'] as const) {
    const rows = (await db.table(t).toArray()) as { id: string; createdAt?: string; updatedAt?: string }[];
    out[t] = rows
      .map(({ createdAt: _c, updatedAt: _u, ...rest }) => rest)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }
  return out;
}

describeEachDb('two-way sync from the page', (h) => {
  it('two phones working offline converge, keep every tick, and a same-field edit becomes a conflict a person settles', async () => {
    const agency = await createAgency(h);
    const a = await phone(h.url, agency.enrolCode, 'เอ');
    const b = await phone(h.url, agency.enrolCode, 'บี');

    const { measureId } = await planWithMeasure(a);
    const s1 = await a.commands.createAction(measureId, { kind: 'step', number: '3.1', text: 'หนึ่ง' });
    const s2 = await a.commands.createAction(measureId, { kind: 'step', number: '3.2', text: 'สอง' });
    const recordId = await a.followUp.saveQuarterlyRecord(measureId, 2567, 2, {
      results: 'เริ่มต้น',
      budgetSpent: null,
      problems: '',
      suggestions: '',
      progress: null,
      status: 'draft',
    });
    await a.sync();
    await b.sync();
    expect(await state(b.db)).toEqual(await state(a.db));

    // Offline on both: ticks on different and on the same action; the same field edited.
    clock += 60_000;
    await a.commands.tickAction(s1, { date: '2024-01-15', status: 'done', note: 'เอ' });
    await b.commands.tickAction(s1, { date: '2024-01-15', status: 'in_progress', note: 'บี' });
    await b.commands.tickAction(s2, { date: '2024-01-15', status: 'done', note: 'บี' });
    const edit = (text: string) => ({
      results: text,
      budgetSpent: null,
      problems: '',
      suggestions: '',
      progress: null,
      status: 'draft' as const,
    });
    await a.followUp.saveQuarterlyRecord(measureId, 2567, 2, edit('จากเอ'));
    clock += 5;
    await b.followUp.saveQuarterlyRecord(measureId, 2567, 2, edit('จากบี'));

    await a.sync();
    await b.sync();
    await a.sync();
    expect(await state(a.db)).toEqual(await state(b.db));
    expect(await a.db.progress.count()).toBe(3);
    // B's edit is later: it wins everywhere; A's value waits in a conflict on both phones.
    expect((await a.db.quarterlyRecords.get(recordId))!.results).toBe('จากบี');
    for (const p of [a, b]) {
      const open = await p.db.conflicts.filter((c) => c.resolvedAt === null).toArray();
      expect(open.map((c) => [c.field, c.winner.value, c.loser.value])).toEqual([
        ['results', 'จากบี', 'จากเอ'],
      ]);
    }

    // A settles it by taking its own value back; B gets the value and the conflict closes there too.
    const conflict = (await a.db.conflicts.toArray())[0]!;
    await a.conflicts.resolveConflict(conflict.id, 'loser');
    await a.sync();
    await b.sync();
    expect((await b.db.quarterlyRecords.get(recordId))!.results).toBe('จากเอ');
    expect((await b.db.conflicts.get(conflict.id))!.resolvedAt).not.toBeNull();

    // A phone enrolled later gets everything.
    const c = await phone(h.url, agency.enrolCode, 'ซี');
    await c.sync();
    expect(await state(c.db)).toEqual(await state(a.db));
  });

  it("a quarter's record written offline on two phones becomes one record, the differing field a conflict", async () => {
    const agency = await createAgency(h);
    const a = await phone(h.url, agency.enrolCode, 'เอ');
    const b = await phone(h.url, agency.enrolCode, 'บี');
    const { measureId } = await planWithMeasure(a);
    await a.sync();
    await b.sync();

    // Both offline: neither has the record for quarter 3, both write it.
    clock += 60_000;
    const record = (results: string) => ({
      results,
      budgetSpent: 2500,
      problems: '',
      suggestions: '',
      progress: 50,
      status: 'draft' as const,
    });
    const idA = await a.followUp.saveQuarterlyRecord(measureId, 2567, 3, record('สรุปของเอ'));
    clock += 5;
    const idB = await b.followUp.saveQuarterlyRecord(measureId, 2567, 3, record('สรุปของบี'));
    expect(idB).toBe(idA);

    await a.sync();
    await b.sync();
    await a.sync();
    expect(await state(a.db)).toEqual(await state(b.db));
    expect(await a.db.quarterlyRecords.count()).toBe(1);
    // B wrote later: its text shows on both; A's waits in a conflict. Fields written alike are no conflict.
    expect(await a.db.quarterlyRecords.get(idA)).toMatchObject({ results: 'สรุปของบี', budgetSpent: 2500 });
    for (const p of [a, b]) {
      const open = await p.db.conflicts.filter((c) => c.resolvedAt === null).toArray();
      expect(open.map((c) => [c.recordId, c.field, c.winner.value, c.loser.value])).toEqual([
        [idA, 'results', 'สรุปของบี', 'สรุปของเอ'],
      ]);
    }
  });

  it("a new phone's long first pull tells how far it has come after each page, then that it is over", async () => {
    const agency = await createAgency(h);
    const { a, server, tickOp } = await phoneWithStep(h.url, agency.enrolCode);
    // 2,200 ticks more, sent as A's pushes would send them.
    const ticks = 2_200;
    for (let start = 0; start < ticks; start += PUSH_MAX_OPS) {
      const ops = Array.from({ length: Math.min(PUSH_MAX_OPS, ticks - start) }, (_, k) =>
        tickOp(start + k, 1_000 + start + k, `ครั้งที่ ${start + k}`),
      );
      const res = await fetch(`${h.url}/api/v1/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${server.token}` },
        body: JSON.stringify({ deviceId: server.deviceId, ops }),
      });
      expect(res.status).toBe(200);
    }
    const latest = (await readSyncState(a.db)).cursor + ticks;

    const c = await phone(h.url, agency.enrolCode, 'ซี');
    const heard: (PullProgress | null)[] = [];
    const stop = c.syncer.onPullProgress((p) => heard.push(p));
    await c.sync();
    stop();
    expect(await c.db.progress.count()).toBe(ticks);
    // Nothing running when it started listening; a page of 1,000 numbers at a time; over at the end.
    expect(heard).toEqual([
      null,
      { done: 1_000, total: latest },
      { done: 2_000, total: latest },
      { done: latest, total: latest },
      null,
    ]);
  });

  it("ops whose batch would pass the server's push size limit go in several pushes, and every one arrives", async () => {
    const agency = await createAgency(h);
    const { a, tickOp } = await phoneWithStep(h.url, agency.enrolCode);
    // 150 ticks with a 60 KB note each (Thai: three bytes a letter), as A's outbox would hold them
    // after long notes typed offline: about 9 MB, more than one push may carry.
    const note = 'บันทึกยาว'.repeat(2_200);
    const count = 150;
    await a.db.outbox.bulkAdd(Array.from({ length: count }, (_, i) => tickOp(i, 10_000 + i, note)));
    await a.sync();
    expect(await a.db.outbox.filter((op) => op.sentAt === null).count()).toBe(0);
    const c = await phone(h.url, agency.enrolCode, 'ซี');
    await c.sync();
    const ticks = await c.db.progress.toArray();
    expect(ticks).toHaveLength(count);
    expect(ticks.every((t) => t.note === note)).toBe(true);
  });

  it('a push retried after a lost answer is harmless: nothing is applied twice', async () => {
    const agency = await createAgency(h);
    const a = await phone(h.url, agency.enrolCode, 'เอ');
    const planId = await a.commands.createPlan(planInput);
    await a.commands.updatePlan(planId, { ...planInput, rating: 'ผ่าน' });
    await a.sync();
    const cursor = (await readSyncState(a.db)).cursor;
    // As if the answer had been lost: the ops are unsent again and go a second time.
    await a.db.outbox.toCollection().modify({ sentAt: null });
    await a.sync();
    expect((await readSyncState(a.db)).cursor).toBe(cursor);
    expect(await a.db.outbox.filter((op) => op.sentAt === null).count()).toBe(0);
  });

  it('a phone enrolling again with a new code keeps its id and syncs on; a copy of its id without its token is refused with a Thai message', async () => {
    const agency = await createAgency(h);
    const a = await phone(h.url, agency.enrolCode, 'เอ');
    await a.commands.createPlan(planInput);
    await a.sync();
    const first = (await readServerSettings(a.db))!;
    const r = await runAdmin(h.db, 'code', [agency.agencyId], { publicUrl: '' });
    const fresh = (r as { result: { enrolCode: string } }).result.enrolCode;
    const again = await enrolDevice(a.db, fetch, { serverUrl: h.url, code: fresh, deviceName: 'เอ' }, now());
    expect(again.deviceId).toBe(first.deviceId);
    expect(again.token).not.toBe(first.token);
    await a.commands.createPlan({ ...planInput, fiscalYear: 2568 });
    await a.sync();

    // Another phone claiming A's id (e.g. a copied database) has the code but not A's token.
    const copy = new ItaDatabase(`phone-copy-${crypto.randomUUID()}`);
    await copy.meta.put({ key: 'device', value: (await a.db.meta.get('device'))!.value });
    await expect(
      enrolDevice(copy, fetch, { serverUrl: h.url, code: agency.enrolCode, deviceName: 'ปลอม' }, now()),
    ).rejects.toThrow('ลงทะเบียนกับหน่วยงานไว้แล้ว');
    expect(await readServerSettings(copy)).toBeNull();
    await a.sync();
  });
});
