import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildExport } from '../../../src/db/exportData';
import { makeFollowUpCommands } from '../../../src/db/followUpCommands';
import { applyImport, previewImport } from '../../../src/db/importExport';
import { checkExportDocument, type ValidExportDocument } from '../../../src/domain/exportSchema';
import { parseMeasuresDocument } from '../../../src/domain/importer/parseMeasuresDocument';
import { planInput, testDb } from './testDb';

const EXPORT_ID = '7f0c2a4e-3b1d-4c5e-9f6a-0b1c2d3e4f5a';

async function deviceWithWork(start = '2024-01-20T03:00:00.000Z') {
  const t = testDb(start);
  let n = 0;
  const f = makeFollowUpCommands(t.db, { now: t.clock.now, newId: () => `f${t.db.name.slice(-6)}-${++n}` });
  await t.commands.saveDeviceSettings({ deviceName: 'A', staffName: 'สมชาย', digits: 'arabic' });
  const planId = await t.commands.createPlan(planInput);
  const measureId = await t.commands.createMeasure(planId, {
    number: 1,
    title: 'ม.1',
    responsible: 'สำนักปลัด',
    period: null,
  });
  const actionId = await t.commands.createAction(measureId, { kind: 'step', number: '3.1', text: 'เผยแพร่' });
  const meetingId = await f.createMeeting(planId, {
    date: '2024-01-20',
    number: '4/2567',
    title: 'ประชุม',
    attendees: 5,
    notes: '',
  });
  await f.tickInMeeting(meetingId, actionId, 'done', 'เสร็จ');
  await f.saveQuarterlyRecord(measureId, 2567, 2, {
    results: 'ผล',
    budgetSpent: 100,
    problems: '',
    suggestions: '',
    progress: 100,
    status: 'draft',
  });
  return { ...t, f, planId, measureId, actionId, meetingId };
}

/** What a file carried by hand looks like: JSON text, parsed and checked. */
function viaFile(doc: ValidExportDocument): ValidExportDocument {
  const r = checkExportDocument(JSON.parse(JSON.stringify(doc)));
  if (!r.ok) throw new Error(r.message);
  return r.document;
}

const opts = (at: string) => ({ exportId: EXPORT_ID, exportedAt: at, includeChanges: false });

describe('export and import', () => {
  it('an export passes the schema and carries plans, ticks, meetings and quarterly records', async () => {
    const a = await deviceWithWork();
    const doc = viaFile(await buildExport(a.db, { kind: 'all' }, opts('2024-01-21T00:00:00.000Z')));
    expect(doc.plans[0]!.measures[0]!.actions).toHaveLength(1);
    expect(doc.progress).toHaveLength(1);
    expect(doc.meetings).toHaveLength(1);
    expect(doc.quarterlyRecords).toHaveLength(1);
  });

  it('importing into another device adds everything, and importing the same file again changes nothing', async () => {
    const a = await deviceWithWork();
    const b = testDb('2024-01-22T03:00:00.000Z');
    const doc = viaFile(await buildExport(a.db, { kind: 'all' }, opts('2024-01-21T00:00:00.000Z')));
    expect((await previewImport(b.db, doc)).progress).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
      keptNewer: 0,
    });
    await applyImport(b.db, { now: b.clock.now, newId: () => crypto.randomUUID() }, doc);
    expect(await b.db.progress.count()).toBe(1);
    // The audit trail says what came in: one entry per table for the new records, already marked sent
    // (the device that made them syncs them itself).
    const audit = await b.db.outbox.orderBy('deviceSeq').toArray();
    expect(audit.map((op) => [op.table, op.kind, op.fields.added])).toEqual(
      ['plans', 'measures', 'actions', 'progress', 'meetings', 'quarterlyRecords'].map((t) => [
        t,
        'import',
        1,
      ]),
    );
    expect(audit.every((op) => op.sentAt !== null && op.id === doc.id)).toBe(true);
    const opsAfterFirst = await b.db.outbox.count();
    const snapshot = await b.db.plans.toArray();

    const again = await applyImport(b.db, { now: b.clock.now, newId: () => crypto.randomUUID() }, doc);
    expect(again.preview.plans).toEqual({ added: 0, updated: 0, unchanged: 1, keptNewer: 0 });
    expect(await b.db.outbox.count()).toBe(opsAfterFirst);
    expect(await b.db.plans.toArray()).toEqual(snapshot);
  });

  it('a plan’s catalogue year, signatures and origin, and a measure’s budget and success indicator travel in the file', async () => {
    const a = await deviceWithWork();
    const signatures = {
      reporterName: 'นางสาวสมศรี ใจดี',
      reporterPosition: 'นักวิเคราะห์นโยบายและแผน',
      headName: 'นายสมชาย รักดี',
      headPosition: 'นายกองค์การบริหารส่วนตำบล',
    };
    await a.db.plans.update(a.planId, { catalogueYear: 2569, signatures, previousPlanId: 'prev-plan' });
    await a.db.measures.update(a.measureId, { budget: 15000, successIndicator: 'ร้อยละ 80 ของบุคลากร' });
    const doc = viaFile(await buildExport(a.db, { kind: 'all' }, opts('2024-01-21T00:00:00.000Z')));
    const b = testDb('2024-01-22T00:00:00.000Z');
    await applyImport(b.db, { now: b.clock.now, newId: () => crypto.randomUUID() }, doc);
    expect(await b.db.plans.get(a.planId)).toMatchObject({
      catalogueYear: 2569,
      signatures,
      previousPlanId: 'prev-plan',
    });
    expect(await b.db.measures.get(a.measureId)).toMatchObject({
      budget: 15000,
      successIndicator: 'ร้อยละ 80 ของบุคลากร',
    });
  });

  it('an older file never overwrites newer work, and a newer one updates only what it changed', async () => {
    const a = await deviceWithWork();
    const old = viaFile(await buildExport(a.db, { kind: 'all' }, opts('2024-01-21T00:00:00.000Z')));
    const b = testDb('2024-01-22T03:00:00.000Z');
    const bDeps = { now: b.clock.now, newId: () => crypto.randomUUID() };
    await applyImport(b.db, bDeps, old);
    // B edits the plan's rating later than anything in the file.
    await b.commands.updatePlan(a.planId, { ...planInput, rating: 'ผ่านดี' });
    const preview = await previewImport(b.db, old);
    expect(preview.plans).toEqual({ added: 0, updated: 0, unchanged: 1, keptNewer: 1 });
    await applyImport(b.db, bDeps, old);
    expect((await b.db.plans.get(a.planId))!.rating).toBe('ผ่านดี');

    // A later edits the overall score; B imports A's newer file: the score comes, B's rating stays.
    a.clock.advance(3 * 86_400_000);
    await a.commands.updatePlan(a.planId, { ...planInput, overallScore: 99.5 });
    const newer = viaFile(await buildExport(a.db, { kind: 'all' }, opts('2024-01-24T00:00:00.000Z')));
    await applyImport(b.db, bDeps, newer);
    const updates = await b.db.outbox.where('[table+id]').equals(['plans', a.planId]).toArray();
    expect(updates.at(-1)).toMatchObject({ kind: 'import', fields: { overallScore: true } });
    const plan = (await b.db.plans.get(a.planId))!;
    expect(plan.overallScore).toBe(99.5);
    expect(plan.rating).toBe('ผ่านดี');
  });

  it('a delete travels in the file and is not undone by an older copy', async () => {
    const a = await deviceWithWork();
    const b = testDb('2024-01-22T03:00:00.000Z');
    const bDeps = { now: b.clock.now, newId: () => crypto.randomUUID() };
    const before = viaFile(await buildExport(a.db, { kind: 'all' }, opts('2024-01-21T00:00:00.000Z')));
    await applyImport(b.db, bDeps, before);
    a.clock.advance(60_000);
    await a.commands.deleteMeasure(a.measureId);
    await applyImport(
      b.db,
      bDeps,
      viaFile(await buildExport(a.db, { kind: 'all' }, opts('2024-01-21T00:01:00.000Z'))),
    );
    expect((await b.db.measures.get(a.measureId))!.deletedAt).not.toBeNull();
    await applyImport(b.db, bDeps, before);
    expect((await b.db.measures.get(a.measureId))!.deletedAt).not.toBeNull();
  });

  it('a quarter export carries only that quarter’s ticks, meetings and records', async () => {
    const a = await deviceWithWork();
    const q1 = await buildExport(
      a.db,
      { kind: 'quarter', planId: a.planId, quarter: 1 },
      opts('2024-01-21T00:00:00.000Z'),
    );
    const q2 = await buildExport(
      a.db,
      { kind: 'quarter', planId: a.planId, quarter: 2 },
      opts('2024-01-21T00:00:00.000Z'),
    );
    expect([q1.progress?.length, q1.meetings?.length, q1.quarterlyRecords?.length]).toEqual([0, 0, 0]);
    expect([q2.progress?.length, q2.meetings?.length, q2.quarterlyRecords?.length]).toEqual([1, 1, 1]);
  });

  it('a parsed measures document imports as a plan, and never overwrites edits made since', async () => {
    const text = readFileSync('test/fixtures/000_8abfe1898a6e5c73.txt', 'utf8');
    const parsed = parseMeasuresDocument(text, {
      exportId: EXPORT_ID,
      exportedAt: '2024-01-01T00:00:00.000Z',
    });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const doc = viaFile(parsed.document as unknown as ValidExportDocument);
    const b = testDb();
    const deps = { now: b.clock.now, newId: () => crypto.randomUUID() };
    await applyImport(b.db, deps, doc);
    expect(await b.db.measures.count()).toBe(7);
    const m = (await b.db.measures.toArray())[0]!;
    await b.commands.updateMeasure(m.id, {
      number: m.number,
      title: 'แก้แล้ว',
      responsible: m.responsible,
      period: m.period,
    });
    await applyImport(b.db, deps, doc);
    expect((await b.db.measures.get(m.id))!.title).toBe('แก้แล้ว');
  });

  it('a failure half way through an import leaves the database as it was', async () => {
    const a = await deviceWithWork();
    const doc = viaFile(await buildExport(a.db, { kind: 'all' }, opts('2024-01-21T00:00:00.000Z')));
    const b = testDb('2024-01-22T03:00:00.000Z');
    await b.commands.createPlan(planInput); // occupies deviceSeq 1
    // A log entry with the sequence number the import would take next makes it fail mid-way.
    await b.db.outbox.add({ ...(await b.db.outbox.toArray())[0]!, opId: 'blocker', deviceSeq: 4 });
    const counts = async () =>
      Promise.all([b.db.plans.count(), b.db.measures.count(), b.db.progress.count()]);
    const before = await counts();
    await expect(
      applyImport(b.db, { now: b.clock.now, newId: () => crypto.randomUUID() }, doc),
    ).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });
});
