import { describe, expect, it } from 'vitest';
import { makeFollowUpCommands } from '../../../src/db/followUpCommands';
import { dashboardView, meetingView, quarterView, storedFiles } from '../../../src/db/followUpQueries';
import { write } from '../../../src/db/writer';
import { quarterlyRecordId } from '../../../src/domain/quarterlyRecordId';
import { planInput, testDb } from './testDb';

async function seed() {
  const t = testDb('2024-01-20T03:00:00.000Z');
  const f = makeFollowUpCommands(t.db, {
    now: t.clock.now,
    newId: (() => {
      let i = 0;
      return () => `f-${++i}`;
    })(),
  });
  const planId = await t.commands.createPlan(planInput);
  const m1 = await t.commands.createMeasure(planId, {
    number: 1,
    title: 'มาตรการหนึ่ง',
    responsible: 'สำนักปลัด/กองคลัง',
    period: { start: '2023-10-01', end: '2024-09-30' },
  });
  const m2 = await t.commands.createMeasure(planId, {
    number: 2,
    title: 'มาตรการสอง',
    responsible: 'กองช่าง',
    period: { start: '2024-04-01', end: '2024-06-30' },
  });
  const a1 = await t.commands.createAction(m1, { kind: 'step', number: '3.1', text: 'เผยแพร่' });
  const a2 = await t.commands.createAction(m1, { kind: 'step', number: '3.2', text: 'รายงาน' });
  const a3 = await t.commands.createAction(m2, { kind: 'step', number: '3.1', text: 'อบรม' });
  const meetingId = await f.createMeeting(planId, {
    date: '2024-01-20',
    number: '4/2567',
    title: 'ประชุมประจำเดือนมกราคม',
    attendees: 12,
    notes: '',
  });
  return { ...t, f, planId, m1, m2, a1, a2, a3, meetingId };
}

describe('meetings', () => {
  it('meeting mode lists the actions of measures running in the meeting quarter, with their status', async () => {
    const { db, f, meetingId, a1 } = await seed();
    await f.tickInMeeting(meetingId, a1, 'done', 'ลงเว็บแล้ว');
    const view = await meetingView(db, meetingId);
    expect(view!.quarter).toBe(2);
    // Measure 2 runs April–June only: not on the January agenda.
    expect(view!.items.map((i) => `${i.measure.number}:${i.action.number}:${i.status}`)).toEqual([
      '1:3.1:done',
      '1:3.2:not_started',
    ]);
    const tick = view!.ticksByAction[a1]![0]!;
    expect(tick).toMatchObject({ meetingId, date: '2024-01-20', note: 'ลงเว็บแล้ว' });
  });

  it('after closing a meeting, a change is a new correction tick and undo is refused', async () => {
    const { db, f, meetingId, a1 } = await seed();
    const first = await f.tickInMeeting(meetingId, a1, 'done', '');
    await f.closeMeeting(meetingId);
    await expect(f.undoMeetingTick(first)).rejects.toThrow(/ปิดการประชุมแล้ว/);
    await expect(
      f.updateMeeting(meetingId, {
        date: '2024-01-20',
        number: '4/2567',
        title: 'x',
        attendees: null,
        notes: '',
      }),
    ).rejects.toThrow(/ปิดการประชุมนี้แล้ว/);
    const correction = await f.tickInMeeting(meetingId, a1, 'in_progress', 'ยังไม่ครบ');
    const ticks = await db.progress.where('actionId').equals(a1).toArray();
    expect(ticks).toHaveLength(2);
    expect(ticks.find((t) => t.id === correction)!.corrects).toBe(first);
    expect(ticks.find((t) => t.id === first)!.deletedAt).toBeNull();
  });

  it('a note typed after the tap is written to that tick, logged; a closed meeting keeps its own ticks as recorded', async () => {
    const { db, f, meetingId, a1 } = await seed();
    const first = await f.tickInMeeting(meetingId, a1, 'in_progress', '');
    await f.noteMeetingTick(first, '  รอผู้บริหารลงนาม ');
    expect((await db.progress.get(first))!.note).toBe('รอผู้บริหารลงนาม');
    const logged = (await db.outbox.toArray()).filter((o) => o.id === first && o.kind === 'patch');
    expect(logged.map((o) => o.fields)).toEqual([{ note: 'รอผู้บริหารลงนาม' }]);

    await f.closeMeeting(meetingId);
    await expect(f.noteMeetingTick(first, 'แก้หลังปิด')).rejects.toThrow(/ปิดการประชุมแล้ว/);
    expect((await db.progress.get(first))!.note).toBe('รอผู้บริหารลงนาม');
    const correction = await f.tickInMeeting(meetingId, a1, 'done', '');
    await f.noteMeetingTick(correction, 'ลงนามแล้ว');
    expect((await db.progress.get(correction))!.note).toBe('ลงนามแล้ว');
  });

  it('refuses a meeting dated outside the plan fiscal year', async () => {
    const { db, f, planId } = await seed();
    const before = await db.meetings.count();
    await expect(
      f.createMeeting(planId, {
        date: '2024-10-01',
        number: '1/2568',
        title: 'x',
        attendees: null,
        notes: '',
      }),
    ).rejects.toThrow(/ปีงบประมาณ 2567/);
    expect(await db.meetings.count()).toBe(before);
  });
});

describe('quarterly records', () => {
  it('a new record is prefilled from the quarter ticks and meetings, and saving twice keeps one record', async () => {
    const { db, f, planId, meetingId, m1, a1, a2 } = await seed();
    await f.tickInMeeting(meetingId, a1, 'done', 'ลงเว็บไซต์ อบต.');
    await f.tickInMeeting(meetingId, a2, 'in_progress', 'รอข้อมูลกองคลัง');
    const view = await quarterView(db, planId, 2);
    const row = view!.measures.find((m) => m.measure.id === m1)!;
    expect(row.record).toBeNull();
    expect(row.prefill.results).toContain('ดำเนินการแล้ว 1 จาก 2 รายการ: 3.1 (ลงเว็บไซต์ อบต.)');
    expect(row.prefill.results).toContain('ครั้งที่ 4/2567');
    expect(row.prefill.problems).toBe('ยังไม่แล้วเสร็จ: 3.2 (รอข้อมูลกองคลัง)');
    expect(row.prefill.progress).toBe(50);

    const input = { ...row.prefill, budgetSpent: 1500, status: 'draft' as const };
    const id1 = await f.saveQuarterlyRecord(m1, 2567, 2, input);
    const id2 = await f.saveQuarterlyRecord(m1, 2567, 2, { ...input, status: 'final' });
    expect(id2).toBe(id1);
    expect(await db.quarterlyRecords.count()).toBe(1);
    const after = await quarterView(db, planId, 2);
    const saved = after!.measures.find((m) => m.measure.id === m1)!;
    expect(saved.record!.status).toBe('final');
    expect(saved.halfYear.budgetSpent).toBe(1500);
    expect(saved.halfYear.missing).toEqual([1]);
  });

  it("a record's id comes from its measure, year and quarter, so two phones writing it write one record", async () => {
    const first = await seed();
    const second = await seed();
    const input = {
      results: 'ผล',
      budgetSpent: null,
      problems: '',
      suggestions: '',
      progress: null,
      status: 'draft' as const,
    };
    // Two phones with the same plan (as after a sync), each writing the record on its own.
    expect(second.m1).toBe(first.m1);
    const id = await first.f.saveQuarterlyRecord(first.m1, 2567, 2, input);
    expect(id).toBe(quarterlyRecordId(first.m1, 2567, 2));
    expect(await second.f.saveQuarterlyRecord(second.m1, 2567, 2, { ...input, results: 'อื่น' })).toBe(id);
    expect(quarterlyRecordId(first.m1, 2567, 3)).not.toBe(id);
    expect(quarterlyRecordId(first.m1, 2568, 2)).not.toBe(id);
  });

  it('a record deleted since is brought back under its id with the new values, its history kept', async () => {
    const { db, f, m1, clock } = await seed();
    const input = {
      results: 'ครั้งแรก',
      budgetSpent: null,
      problems: '',
      suggestions: '',
      progress: null,
      status: 'draft' as const,
    };
    const id = await f.saveQuarterlyRecord(m1, 2567, 2, input);
    await write(db, { now: clock.now, newId: () => crypto.randomUUID() }, ['quarterlyRecords'], (w) =>
      w.remove('quarterlyRecords', id),
    );
    expect(await f.saveQuarterlyRecord(m1, 2567, 2, { ...input, results: 'ครั้งที่สอง' })).toBe(id);
    expect(await db.quarterlyRecords.count()).toBe(1);
    expect(await db.quarterlyRecords.get(id)).toMatchObject({ results: 'ครั้งที่สอง', deletedAt: null });
    const log = await db.outbox.where('[table+id]').equals(['quarterlyRecords', id]).sortBy('deviceSeq');
    expect(log.map((op) => op.kind)).toEqual(['put', 'delete', 'restore', 'patch']);
  });
});

describe('evidence', () => {
  it('stores the bytes once by hash and the record together', async () => {
    const { db, f, planId, meetingId } = await seed();
    const blob = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' });
    const file = {
      sha256: 'abc',
      blob,
      thumb: null,
      name: 'a.jpg',
      type: 'image/jpeg',
      width: 10,
      height: 10,
    };
    await f.attachFile(planId, { table: 'meetings', id: meetingId }, file);
    await f.attachFile(planId, { table: 'meetings', id: meetingId }, file);
    expect(await db.evidence.count()).toBe(2);
    expect(await storedFiles(db)).toEqual({ count: 1, bytes: 3 });
  });

  it('a failure while storing leaves neither the bytes nor the record', async () => {
    const { db, f, planId } = await seed();
    const blob = new Blob([new Uint8Array([1])], { type: 'image/jpeg' });
    const file = { sha256: 'x', blob, thumb: null, name: 'a.jpg', type: 'image/jpeg', width: 1, height: 1 };
    await expect(f.attachFile(planId, { table: 'meetings', id: 'missing' }, file)).rejects.toThrow(
      /ไม่พบรายการ/,
    );
    expect(await db.files.count()).toBe(0);
    expect(await db.evidence.count()).toBe(0);
  });

  it('links are stored as evidence without bytes', async () => {
    const { db, f, planId, meetingId } = await seed();
    await f.attachLink(
      planId,
      { table: 'meetings', id: meetingId },
      { url: 'https://www.example.go.th/', name: 'เว็บ' },
    );
    expect((await db.evidence.toArray())[0]).toMatchObject({
      kind: 'link',
      url: 'https://www.example.go.th/',
      sha256: null,
    });
  });
});

describe('dashboard', () => {
  it('shows progress by measure, quarter and responsible unit, and what is overdue', async () => {
    const { db, f, planId, meetingId, a1 } = await seed();
    await f.tickInMeeting(meetingId, a1, 'done', '');
    const d = await dashboardView(db, planId, '2024-07-15');
    expect(d!.total).toEqual({ done: 1, total: 3 });
    expect(d!.quarters[2]).toEqual({ done: 1, total: 3 });
    expect(d!.measures.map((m) => m.due)).toEqual(['running', 'overdue']);
    expect(d!.units).toEqual([
      { unit: 'กองคลัง', progress: { done: 1, total: 2 } },
      { unit: 'กองช่าง', progress: { done: 0, total: 1 } },
      { unit: 'สำนักปลัด', progress: { done: 1, total: 2 } },
    ]);
  });
});
