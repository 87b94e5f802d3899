import { describe, expect, it } from 'vitest';
import { planInput, testDb } from './testDb';

describe('a write that fails half way', () => {
  it('leaves neither the record nor its change-log entry when the log write fails', async () => {
    const { db, commands } = testDb();
    const planId = await commands.createPlan(planInput);
    const recordsBefore = await db.plans.count();
    // The next entry would get deviceSeq 2; take that sequence number so the
    // outbox insert violates its unique index after the record was staged.
    await db.outbox.add({
      opId: 'blocker',
      deviceId: 'x',
      deviceSeq: 2,
      table: 'plans',
      id: 'x',
      kind: 'put',
      fields: {},
      before: null,
      baseRev: null,
      hlc: '0',
      at: '',
      by: '',
      sentAt: null,
    });
    await expect(commands.createPlan({ ...planInput, fiscalYear: 2568 })).rejects.toThrow();
    expect(await db.plans.count()).toBe(recordsBefore);
    expect((await db.outbox.toArray()).map((o) => o.opId)).toHaveLength(2);
    expect((await db.meta.get('deviceSeq'))!.value).toBe(1);
    // An edit that fails half way leaves the record as it was.
    await expect(commands.updatePlan(planId, { ...planInput, rating: 'ผ่าน' })).rejects.toThrow();
    expect((await db.plans.get(planId))!.rating).toBe('ผ่านดีเยี่ยม');
  });

  it('leaves nothing when the record write fails after its log entry was written', async () => {
    const { db, commands } = testDb();
    const planId = await commands.createPlan(planInput);
    const measureId = await commands.createMeasure(planId, {
      number: 1,
      title: 'ม.1',
      responsible: '',
      period: null,
    });
    const opsBefore = await db.outbox.count();
    // A record whose id already exists makes the insert fail after logging.
    await db.actions.add({
      id: 'dup',
      planId,
      measureId,
      kind: 'step',
      number: '3.1',
      text: 'x',
      createdAt: '',
      updatedAt: '',
      deletedAt: null,
      stamps: {},
    });
    const { makeCommands } = await import('../../../src/db/commands');
    const fixedId = makeCommands(db, { now: () => new Date('2024-01-15T03:00:00Z'), newId: () => 'dup' });
    await expect(
      fixedId.createAction(measureId, { kind: 'step', number: '3.2', text: 'y' }),
    ).rejects.toThrow();
    expect(await db.outbox.count()).toBe(opsBefore);
    expect((await db.actions.get('dup'))!.text).toBe('x');
  });
});
