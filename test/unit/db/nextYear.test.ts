import { describe, expect, it } from 'vitest';
import { makeCommands } from '../../../src/db/commands';
import { makeFollowUpCommands } from '../../../src/db/followUpCommands';
import { makeNextYearCommands } from '../../../src/db/nextYearCommands';
import { planLock } from '../../../src/db/planLock';
import { nextYearDate } from '../../../src/domain/nextYearPlan';
import { seededDatabase } from '../../fixtures/report/exampleExport';

const NEW_RESULT = { assessmentYear: 2567, overallScore: 95.1, rating: 'ผ่านดีเยี่ยม' };

async function example() {
  const s = await seededDatabase({ photos: false });
  s.setNow('2024-10-03T03:00:00.000Z');
  return {
    ...s,
    next: makeNextYearCommands(s.db, s.deps),
    commands: makeCommands(s.db, s.deps),
    followUp: makeFollowUpCommands(s.db, s.deps),
  };
}

const snapshot = async (db: Awaited<ReturnType<typeof example>>['db'], planId: string) => ({
  plan: await db.plans.get(planId),
  measures: await db.measures.where('planId').equals(planId).sortBy('id'),
  actions: await db.actions.where('planId').equals(planId).sortBy('id'),
  ticks: await db.progress.where('planId').equals(planId).count(),
  records: await db.quarterlyRecords.where('planId').equals(planId).count(),
});

describe('สร้างแผนปีถัดไป: next year’s plan from this year’s', () => {
  it('copies every measure and action into fiscal 2568 with periods a year on, no ticks or records, linked to last year’s', async () => {
    const { db, next, seeded } = await example();
    const before = await snapshot(db, seeded.planId);
    const outboxBefore = await db.outbox.count();
    const id = await next.createNextYearPlan(seeded.planId, NEW_RESULT);

    const copy = await snapshot(db, id);
    expect(copy.plan).toMatchObject({
      fiscalYear: 2568,
      assessmentYear: 2567,
      overallScore: 95.1,
      rating: 'ผ่านดีเยี่ยม',
      previousPlanId: seeded.planId,
      agency: before.plan!.agency,
      warnings: [],
    });
    expect(copy.ticks).toBe(0);
    expect(copy.records).toBe(0);
    const summary = (ms: typeof copy.measures) =>
      [...ms]
        .sort((x, y) => x.number - y.number)
        .map((m) => [m.number, m.title, m.responsible, m.budget ?? null]);
    expect(summary(copy.measures)).toEqual(summary(before.measures));
    for (const m of copy.measures) {
      expect(m.period).toEqual({ start: '2024-10-01', end: '2025-09-30' });
      expect(m.findings).toEqual([]);
      expect(m.indicators.every((i) => i.score === null)).toBe(true);
    }
    const key = (a: { kind: string; number: string; text: string }) => `${a.kind}|${a.number}|${a.text}`;
    expect(copy.actions).toHaveLength(43);
    expect(copy.actions.map(key).sort()).toEqual(before.actions.map(key).sort());
    // One transaction, one change-log entry per record made.
    expect((await db.outbox.count()) - outboxBefore).toBe(1 + 7 + 43);
    // Last year's plan is as it was.
    expect(await snapshot(db, seeded.planId)).toEqual(before);
  });

  it('gives the same ids on two phones, so sync makes one plan of them', async () => {
    const a = await example();
    const b = await example();
    const idA = await a.next.createNextYearPlan(a.seeded.planId, NEW_RESULT);
    const idB = await b.next.createNextYearPlan(b.seeded.planId, NEW_RESULT);
    expect(idA).toBe(idB);
    const ids = async (s: typeof a, id: string) =>
      [
        ...(await s.db.measures.where('planId').equals(id).primaryKeys()),
        ...(await s.db.actions.where('planId').equals(id).primaryKeys()),
      ].sort();
    expect(await ids(a, idA)).toEqual(await ids(b, idB));
  });

  it('refuses a second copy with a Thai message and writes nothing', async () => {
    const { db, next, seeded } = await example();
    await next.createNextYearPlan(seeded.planId, NEW_RESULT);
    const count = await db.outbox.count();
    await expect(next.createNextYearPlan(seeded.planId, NEW_RESULT)).rejects.toThrow(
      /มีแผนปีงบประมาณ 2568 ขององค์การบริหารส่วนตำบลเรือเสาะออกในเครื่องนี้แล้ว/,
    );
    expect(await db.outbox.count()).toBe(count);
    expect(await db.plans.count()).toBe(2);
  });

  it('moves 29 February to 28 February', () => {
    expect(nextYearDate('2024-02-29')).toBe('2025-02-28');
    expect(nextYearDate('2023-10-01')).toBe('2024-10-01');
  });
});

describe('last year’s plan is read-only by default', () => {
  it('refuses ticks, edits and records on it with a Thai message, and changes nothing', async () => {
    const { db, next, commands, followUp, seeded } = await example();
    const newId = await next.createNextYearPlan(seeded.planId, NEW_RESULT);
    const action = (await db.actions.where('planId').equals(seeded.planId).first())!;
    const before = await snapshot(db, seeded.planId);
    const outbox = await db.outbox.count();

    const refused = /แผนนี้เป็นแผนของปีที่แล้ว \(มีแผนปีงบประมาณ 2568 ที่สร้างจากแผนนี้แล้ว\)/;
    await expect(
      commands.tickAction(action.id, { date: '2024-09-01', status: 'done', note: '' }),
    ).rejects.toThrow(refused);
    await expect(
      commands.updateMeasure(seeded.measureIds[1]!, {
        number: 1,
        title: 'แก้',
        responsible: 'x',
        period: null,
      }),
    ).rejects.toThrow(refused);
    await expect(
      followUp.saveQuarterlyRecord(seeded.measureIds[1]!, 2567, 4, {
        results: 'x',
        budgetSpent: null,
        problems: '',
        suggestions: '',
        progress: null,
        status: 'draft',
      }),
    ).rejects.toThrow(refused);
    await expect(commands.deletePlan(seeded.planId)).rejects.toThrow(refused);
    expect(await snapshot(db, seeded.planId)).toEqual(before);
    expect(await db.outbox.count()).toBe(outbox);

    // Next year's plan is open for work.
    const newAction = (await db.actions.where('planId').equals(newId).first())!;
    await commands.tickAction(newAction.id, { date: '2024-10-03', status: 'done', note: '' });
  });

  it('opens deliberately on this device for a correction, and locks again', async () => {
    const { db, next, commands, seeded } = await example();
    await next.createNextYearPlan(seeded.planId, NEW_RESULT);
    const action = (await db.actions.where('planId').equals(seeded.planId).first())!;
    expect((await planLock(db, seeded.planId)).locked).toBe(true);

    await next.unlockPlan(seeded.planId);
    expect(await planLock(db, seeded.planId)).toMatchObject({ locked: false, unlocked: true });
    await commands.tickAction(action.id, { date: '2024-09-01', status: 'done', note: 'แก้ไขย้อนหลัง' });

    await next.lockPlan(seeded.planId);
    await expect(
      commands.tickAction(action.id, { date: '2024-09-02', status: 'done', note: '' }),
    ).rejects.toThrow(/ปลดล็อกแผนนี้/);
  });

  it('unlocks by itself when next year’s plan is deleted', async () => {
    const { db, next, commands, seeded } = await example();
    const newId = await next.createNextYearPlan(seeded.planId, NEW_RESULT);
    await commands.deletePlan(newId);
    expect((await planLock(db, seeded.planId)).locked).toBe(false);
  });
});
