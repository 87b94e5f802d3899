import { describe, expect, it } from 'vitest';
import { actionHistory, measureDetail, planOverview } from '../../../src/db/planQueries';
import { listPlans, pendingChanges, plansProgress } from '../../../src/db/queries';
import { planInput, testDb } from './testDb';

async function seed() {
  const t = testDb();
  const planId = await t.commands.createPlan(planInput);
  const measureId = await t.commands.createMeasure(planId, {
    number: 1,
    title: 'กระบวนการปฏิบัติงานที่โปร่งใส',
    responsible: 'สำนักปลัด',
    period: { start: '2023-10-01', end: '2024-09-30' },
  });
  const a1 = await t.commands.createAction(measureId, { kind: 'method', number: '1.1', text: 'จัดทำคู่มือ' });
  const a2 = await t.commands.createAction(measureId, { kind: 'step', number: '3.1', text: 'เผยแพร่' });
  return { ...t, planId, measureId, a1, a2 };
}

describe('commands', () => {
  it('writes every record together with a change-log entry naming who, device and what changed', async () => {
    const { db, commands, planId } = await seed();
    await commands.saveDeviceSettings({ deviceName: 'มือถือ 1', staffName: 'สมชาย', digits: 'arabic' });
    await commands.updatePlan(planId, { ...planInput, rating: 'ผ่านดี' });
    const ops = await db.outbox.orderBy('deviceSeq').toArray();
    expect(ops.map((o) => [o.table, o.kind])).toEqual([
      ['plans', 'put'],
      ['measures', 'put'],
      ['actions', 'put'],
      ['actions', 'put'],
      ['plans', 'patch'],
    ]);
    const last = ops.at(-1)!;
    expect(last.fields).toEqual({ rating: 'ผ่านดี' });
    expect(last.before).toEqual({ rating: 'ผ่านดีเยี่ยม' });
    expect(last.by).toBe('สมชาย');
    expect(last.deviceId).toBe(ops[0]!.deviceId);
    expect(last.baseRev).toBe(ops[0]!.hlc);
    expect(ops.map((o) => o.deviceSeq)).toEqual([1, 2, 3, 4, 5]);
    const plan = await db.plans.get(planId);
    expect(plan!.stamps.rating).toBe(last.hlc);
    expect(plan!.stamps.fiscalYear).toBe(ops[0]!.hlc);
  });

  it('records nothing when an edit changes nothing', async () => {
    const { db, commands, planId } = await seed();
    const before = await db.outbox.count();
    await commands.updatePlan(planId, planInput);
    expect(await db.outbox.count()).toBe(before);
  });

  it('a tick updates the measure progress and undo keeps both in the history', async () => {
    const { db, commands, measureId, a1, clock } = await seed();
    const tick = await commands.tickAction(a1, { date: '2024-01-10', status: 'done', note: 'เสร็จแล้ว' });
    expect((await measureDetail(db, measureId))!.progress).toEqual({ done: 1, total: 2 });
    clock.advance(1000);
    await commands.undoTick(tick);
    const detail = await measureDetail(db, measureId);
    expect(detail!.progress).toEqual({ done: 0, total: 2 });
    expect(detail!.methods[0]!.latest).toBeUndefined();
    const history = await actionHistory(db, a1);
    expect(history!.ticks).toHaveLength(1);
    expect(history!.ticks[0]!.deletedAt).not.toBeNull();
    expect(history!.changes.map((c) => [c.table, c.kind])).toEqual([
      ['progress', 'delete'],
      ['progress', 'put'],
      ['actions', 'put'],
    ]);
  });

  it('history shows ticks that came from another phone by sync, with their author and device', async () => {
    const { db, a1, measureId, planId } = await seed();
    await db.progress.put({
      id: 'remote-tick',
      planId,
      measureId,
      actionId: a1,
      date: '2024-01-12',
      status: 'done',
      note: 'จากเครื่องบี',
      by: 'สมหญิง',
      at: '2024-01-12T03:00:00.000Z',
      deviceId: 'device-b',
      createdAt: '2024-01-12T03:00:00.000Z',
      updatedAt: '2024-01-12T03:00:00.000Z',
      deletedAt: '2024-01-13T03:00:00.000Z',
      stamps: { status: '001705028400000-000000-device-b', deletedAt: '001705114800000-000000-device-b' },
    });
    const h = await actionHistory(db, a1);
    const remote = h!.changes.filter((c) => c.id === 'remote-tick');
    expect(remote.map((c) => [c.kind, c.by, c.deviceId])).toEqual([
      ['delete', 'สมหญิง', 'device-b'],
      ['put', 'สมหญิง', 'device-b'],
    ]);
    expect(remote[1]!.fields).toMatchObject({ status: 'done', note: 'จากเครื่องบี' });
  });

  it('plan overview counts done actions per quarter of the fiscal year', async () => {
    const { db, commands, planId, a1, a2 } = await seed();
    await commands.tickAction(a1, { date: '2023-12-31', status: 'done', note: '' });
    await commands.tickAction(a2, { date: '2024-01-01', status: 'in_progress', note: '' });
    const o = await planOverview(db, planId);
    expect(o!.progress).toEqual({ done: 1, total: 2 });
    expect(o!.quarters[1]).toEqual({ done: 1, total: 2 });
    expect(o!.quarters[2]).toEqual({ done: 0, total: 2 });
    expect(o!.measures[0]!.quarters[1].done).toBe(1);
  });

  it('refuses a tick dated outside the plan fiscal year and writes nothing', async () => {
    const { db, commands, a1 } = await seed();
    const before = await db.outbox.count();
    await expect(commands.tickAction(a1, { date: '2024-10-01', status: 'done', note: '' })).rejects.toThrow(
      /ปีงบประมาณ 2567/,
    );
    expect(await db.outbox.count()).toBe(before);
    expect(await db.progress.count()).toBe(0);
  });

  it('soft-deletes and restores: the record stays, hidden, and both changes are logged', async () => {
    const { db, commands, planId, measureId } = await seed();
    await commands.deleteMeasure(measureId);
    expect((await planOverview(db, planId))!.measures).toHaveLength(0);
    expect(await db.measures.get(measureId)).toBeDefined();
    await commands.restore('measures', measureId);
    expect((await planOverview(db, planId))!.measures).toHaveLength(1);
    const kinds = (await db.outbox.where('[table+id]').equals(['measures', measureId]).toArray()).map(
      (o) => o.kind,
    );
    expect(kinds).toEqual(['put', 'delete', 'restore']);
  });

  it('lists plans newest year first with their live measure counts, and counts progress apart', async () => {
    const { db, commands, planId, a1 } = await seed();
    const older = await commands.createPlan({ ...planInput, fiscalYear: planInput.fiscalYear - 1 });
    const gone = await commands.createMeasure(planId, {
      number: 2,
      title: 'ลบแล้ว',
      responsible: '',
      period: null,
    });
    await commands.deleteMeasure(gone);
    await commands.tickAction(a1, { date: '2024-01-10', status: 'done', note: '' });
    expect((await listPlans(db)).map((s) => [s.plan.id, s.measureCount])).toEqual([
      [planId, 1],
      [older, 0],
    ]);
    expect(await plansProgress(db)).toEqual({
      [planId]: { done: 1, total: 2 },
      [older]: { done: 0, total: 0 },
    });
  });

  it('a deleted plan leaves the list but its data is kept', async () => {
    const { db, commands, planId } = await seed();
    expect(await listPlans(db)).toHaveLength(1);
    await commands.deletePlan(planId);
    expect(await listPlans(db)).toHaveLength(0);
    expect(await db.measures.count()).toBe(1);
  });

  it('refuses to add an action to a deleted measure', async () => {
    const { db, commands, measureId } = await seed();
    await commands.deleteMeasure(measureId);
    const count = await db.actions.count();
    await expect(
      commands.createAction(measureId, { kind: 'step', number: '3.2', text: 'x' }),
    ).rejects.toThrow(/ไม่พบมาตรการ/);
    expect(await db.actions.count()).toBe(count);
  });

  it('counts changes waiting to be sent, not those already sent', async () => {
    const { db } = await seed();
    expect(await pendingChanges(db)).toBe(4);
    const first = await db.outbox.orderBy('deviceSeq').first();
    await db.outbox.update(first!.opId, { sentAt: '2024-01-15T04:00:00.000Z' });
    expect(await pendingChanges(db)).toBe(3);
  });
});
