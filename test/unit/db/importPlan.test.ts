import { describe, expect, it } from 'vitest';
import { makeImportCommands } from '../../../src/db/importPlan';
import { WriteError } from '../../../src/db/writer';
import type { ExportPlan } from '../../../src/domain/exportDocument';
import { parsePlan, readDocument, readExample } from '../domain/importer/fixtures';
import { testDb } from './testDb';

const example = (): ExportPlan => structuredClone(parsePlan(readExample()).plan);

function setup() {
  const t = testDb();
  let id = 0;
  const importer = makeImportCommands(t.db, {
    now: t.clock.now,
    newId: () => `00000000-0000-7000-9000-${String(++id).padStart(12, '0')}`,
  });
  return { ...t, importer };
}

const liveCount = async (table: { toArray(): Promise<{ deletedAt: string | null }[]> }) =>
  (await table.toArray()).filter((r) => !r.deletedAt).length;

describe('importing a plan', () => {
  it('saves the example with its 7 measures and actions, one outbox entry per record', async () => {
    const { db, importer } = setup();
    const plan = example();
    const actionCount = plan.measures.reduce((n, m) => n + m.actions.length, 0);

    const { planId } = await importer.importPlan(plan, 'new');

    expect(planId).toBe(plan.id);
    const saved = await db.plans.get(planId);
    expect(saved?.agency.name).toBe('องค์การบริหารส่วนตำบลเรือเสาะออก');
    expect(saved?.warnings).toEqual(plan.warnings);
    expect(await db.measures.count()).toBe(7);
    expect(await db.actions.count()).toBe(actionCount);
    const m2 = await db.measures.get(plan.measures[1]!.id);
    expect(m2?.title).toBe(plan.measures[1]!.title);
    expect(m2?.findings).toEqual(plan.measures[1]!.findings);
    const ops = await db.outbox.toArray();
    expect(ops).toHaveLength(1 + 7 + actionCount);
    expect(new Set(ops.map((o) => o.id)).size).toBe(ops.length);
    expect(ops.every((o) => o.kind === 'put')).toBe(true);
  });

  it('keeps the catalogue year the codes were read with, and each measure’s budget and success indicator', async () => {
    const { db, importer } = setup();
    const text = readDocument('tessaban-prose-2568.txt');
    const plan = structuredClone(parsePlan(text).plan);
    const { planId } = await importer.importPlan(plan, 'new');
    expect((await db.plans.get(planId))?.catalogueYear).toBeNull();
    const saved = await db.measures.where('planId').equals(planId).sortBy('number');
    expect(saved.map((m) => [m.budget, m.successIndicator])).toEqual([
      [15000, 'เผยแพร่ข้อมูลการจัดซื้อจัดจ้างครบ 12 เดือน'],
      [0, 'บุคลากรร้อยละ 80 ทราบขั้นตอนการยืมทรัพย์สินของราชการ'],
    ]);
    const example2566 = await importer.importPlan(example(), 'new');
    expect((await db.plans.get(example2566.planId))?.catalogueYear).toBe(2566);
  });

  it('finds a live plan of the same agency and fiscal year, ignoring spaces in the name', async () => {
    const { importer } = setup();
    const plan = example();
    expect(await importer.findPlanLike(plan.agency.name, 2567)).toEqual([]);
    await importer.importPlan(plan, 'new');
    const found = await importer.findPlanLike(' องค์การบริหารส่วนตำบล เรือเสาะออก', 2567);
    expect(found.map((p) => p.id)).toEqual([plan.id]);
    expect(await importer.findPlanLike(plan.agency.name, 2568)).toEqual([]);
  });

  it('replacing with the same document changes nothing and keeps the ticks', async () => {
    const { db, importer, commands, clock } = setup();
    const plan = example();
    await importer.importPlan(plan, 'new');
    const action = plan.measures[0]!.actions[0]!;
    await commands.tickAction(action.id, { date: '2024-01-10', status: 'done', note: 'ทำแล้ว' });
    const before = await db.outbox.count();
    clock.advance(60_000);

    const result = await importer.importPlan(example(), 'replace', plan.id);

    expect(result.planId).toBe(plan.id);
    expect(await db.outbox.count()).toBe(before);
    expect(await db.plans.count()).toBe(1);
    const ticks = await db.progress.where('actionId').equals(action.id).toArray();
    expect(ticks).toHaveLength(1);
    expect((await db.actions.get(action.id))?.deletedAt).toBeNull();
  });

  it('replacing with an edited document patches what changed, deletes what is gone and restores what is back', async () => {
    const { db, importer, commands } = setup();
    const plan = example();
    await importer.importPlan(plan, 'new');
    const kept = plan.measures[0]!.actions[0]!;
    await commands.tickAction(kept.id, { date: '2024-01-10', status: 'done', note: '' });
    const removed = plan.measures[0]!.actions[1]!;
    const before = await db.outbox.count();

    const edited = example();
    edited.measures[0]!.title = 'ชื่อใหม่';
    edited.measures[0]!.actions.splice(1, 1);
    edited.measures.pop();
    await importer.importPlan(edited, 'replace', plan.id);

    const ops = (await db.outbox.toArray()).slice(before);
    const lastMeasure = plan.measures[6]!;
    expect(ops.map((o) => `${o.table} ${o.kind} ${o.id}`).sort()).toEqual(
      [
        `measures patch ${plan.measures[0]!.id}`,
        `measures delete ${lastMeasure.id}`,
        ...[removed, ...lastMeasure.actions].map((a) => `actions delete ${a.id}`),
      ].sort(),
    );
    expect(ops[0]!.fields).toEqual({ title: 'ชื่อใหม่' });
    expect((await db.actions.get(removed.id))?.deletedAt).not.toBeNull();
    expect(await liveCount(db.measures)).toBe(6);
    expect(await db.progress.where('actionId').equals(kept.id).count()).toBe(1);

    // The full document again brings the deleted records back under their old ids.
    await importer.importPlan(example(), 'replace', plan.id);
    expect(await liveCount(db.measures)).toBe(7);
    expect((await db.actions.get(removed.id))?.deletedAt).toBeNull();
    expect((await db.measures.get(plan.measures[0]!.id))?.title).toBe(plan.measures[0]!.title);
  });

  it('keeping both saves a second plan with fresh ids', async () => {
    const { db, importer } = setup();
    const plan = example();
    await importer.importPlan(plan, 'new');
    const counts = [await db.plans.count(), await db.measures.count(), await db.actions.count()];

    const { planId } = await importer.importPlan(example(), 'copy');

    expect(planId).not.toBe(plan.id);
    expect([await db.plans.count(), await db.measures.count(), await db.actions.count()]).toEqual(
      counts.map((n) => n * 2),
    );
    const copied = await db.measures.where('planId').equals(planId).toArray();
    expect(copied).toHaveLength(7);
    expect(copied.some((m) => plan.measures.some((d) => d.id === m.id))).toBe(false);
    expect((await db.plans.get(plan.id))?.deletedAt).toBeNull();
  });

  it('a plain import of a plan that is already there keeps the old one and saves a copy', async () => {
    const { db, importer } = setup();
    await importer.importPlan(example(), 'new');
    const { planId } = await importer.importPlan(example(), 'new');
    expect(await db.plans.count()).toBe(2);
    expect(await db.measures.where('planId').equals(planId).count()).toBe(7);
  });

  it('refuses what is not a plan with a Thai message and writes nothing', async () => {
    const { db, importer } = setup();
    const broken = { ...example(), fiscalYear: 'สองพัน' } as unknown as ExportPlan;
    const error = await importer.importPlan(broken, 'new').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteError);
    expect((error as WriteError).message).toMatch(/ไม่ถูกต้อง/);
    await expect(importer.importPlan({} as ExportPlan, 'new')).rejects.toThrow(WriteError);
    expect(await db.plans.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a failure half way through leaves nothing of the plan', async () => {
    const { db, importer } = setup();
    // The 20th change-log entry would take deviceSeq 20: take it first so that write fails mid-import.
    await db.outbox.add({
      opId: 'blocker',
      deviceId: 'x',
      deviceSeq: 20,
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
    await expect(importer.importPlan(example(), 'new')).rejects.toThrow();
    expect(await db.plans.count()).toBe(0);
    expect(await db.measures.count()).toBe(0);
    expect(await db.actions.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
  });
});
