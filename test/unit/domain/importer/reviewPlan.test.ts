import { describe, expect, it } from 'vitest';
import {
  addAction,
  draftFromPlan,
  groupWarnings,
  removeAction,
  updateItem,
  updateMeasure,
  validateDraft,
} from '../../../../src/domain/importer/reviewPlan';
import {
  dismissWarning,
  unreadText,
  warningPlace,
  warningsAt,
} from '../../../../src/domain/importer/reviewWarnings';
import { parsePlan, readDocument, readExample } from './fixtures';

const example = () => parsePlan(readExample()).plan;

describe('reviewing an imported plan', () => {
  it('a draft of an untouched plan validates back to the same plan', () => {
    const plan = example();
    const result = validateDraft(draftFromPlan(plan, 'ตัวอย่าง'));
    expect(result).toEqual({ ok: true, value: plan });
  });

  it('adds a step after the last one with the next number, and removes actions by id', () => {
    const plan = example();
    const steps = plan.measures[0]!.actions.filter((a) => a.kind === 'step');
    const added = addAction(plan, 0, 'step', 'new-id');
    const m = added.measures[0]!;
    const at = m.actions.findIndex((a) => a.id === 'new-id');
    expect(m.actions[at]).toEqual({ id: 'new-id', kind: 'step', number: `3.${steps.length + 1}`, text: '' });
    expect(m.actions[at - 1]!.id).toBe(steps.at(-1)!.id);
    expect(plan.measures[0]!.actions).toHaveLength(m.actions.length - 1);
    expect(removeAction(added, 0, 'new-id').measures[0]!.actions).toEqual(plan.measures[0]!.actions);
  });

  it('points at each field that is wrong, in Thai', () => {
    const plan = example();
    let edited = updateMeasure(plan, 1, { title: ' ', period: { start: '2024-01-01', end: '' } });
    edited = updateMeasure(edited, 2, { period: { start: '2024-05-01', end: '2024-01-01' } });
    edited = addAction(edited, 3, 'method', 'empty');
    const draft = {
      ...draftFromPlan(edited, 'x'),
      header: { ...draftFromPlan(edited, 'x').header, agencyName: '' },
    };
    const result = validateDraft(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      agencyName: 'กรุณากรอกชื่อหน่วยงาน',
      'm1.title': 'กรุณากรอกชื่อมาตรการ',
      'm1.period': 'กรุณากรอกทั้งวันเริ่มต้นและวันสิ้นสุด',
      'm2.period': 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น',
      'm3.empty': 'กรุณากรอกรายละเอียด หรือลบรายการนี้',
    });
  });

  it('cleans what was typed: empty periods become none, blank unit lines go', () => {
    const plan = updateMeasure(example(), 0, {
      period: { start: '', end: '' },
      responsibleUnits: ['สำนักปลัด', '', '  กองคลัง '],
    });
    const result = validateDraft(draftFromPlan(plan, 'x'));
    if (!result.ok) throw new Error('invalid');
    expect(result.value.measures[0]!.period).toBeNull();
    expect(result.value.measures[0]!.responsibleUnits).toEqual(['สำนักปลัด', 'กองคลัง']);
  });

  it('groups warnings by measure number, keeping document-wide ones apart', () => {
    const { general, byMeasure } = groupWarnings([
      { code: 'a', message: 'ทั้งเอกสาร' },
      { code: 'b', message: 'ม.2', measure: 2, line: 5 },
      { code: 'c', message: 'ม.2 อีก', measure: 2 },
    ]);
    expect(general.map((w) => w.code)).toEqual(['a']);
    expect(byMeasure.get(2)?.map((w) => w.code)).toEqual(['b', 'c']);
  });
});

describe('answering warnings in the review', () => {
  const plan = () => parsePlan(readExample()).plan;

  it('places every warning of the example beside a field, not in one list', () => {
    const places = new Set(plan().warnings.map(warningPlace));
    expect(places.has('measure')).toBe(false);
    expect(warningsAt(plan().warnings, 5, 'items', 'o19').map((w) => w.code)).toEqual([
      'item-code-resolved',
      'item-code-resolved',
    ]);
  });

  it('a corrected item code answers that item’s warnings only, and is kept lower case', () => {
    const p = plan();
    const m5 = p.measures.findIndex((m) => m.number === 5);
    const at = p.measures[m5]!.items.findIndex((i) => i.code === 'i12');
    const before = warningsAt(p.warnings, 5, 'items').length;
    const edited = updateItem(p, m5, at, { code: 'I12 ' });
    expect(edited.measures[m5]!.items[at]!.code).toBe('i12');
    expect(warningsAt(edited.warnings, 5, 'items', 'i12')).toEqual([]);
    expect(warningsAt(edited.warnings, 5, 'items').length).toBe(
      before - warningsAt(p.warnings, 5, 'items', 'i12').length,
    );
  });

  it('a period typed answers "no period", a step added answers "no steps"', () => {
    const text = readDocument('obt-thai-bullets-missing.txt');
    const p = parsePlan(text).plan;
    const i = p.measures.findIndex((m) => m.number === 3);
    expect(warningsAt(p.warnings, 3, 'step').length).toBe(1);
    const withStep = addAction(p, i, 'step', 'new', 'ติดตามผลรายไตรมาส');
    expect(warningsAt(withStep.warnings, 3, 'step')).toEqual([]);
    expect(withStep.measures[i]!.actions.at(-1)).toMatchObject({ kind: 'step', text: 'ติดตามผลรายไตรมาส' });
    const unread = warningsAt(p.warnings, 1, 'unread')[0]!;
    expect(unreadText(unread)).toBe('หมายเหตุ ข้อมูลจากระบบ ITAS');
    expect(dismissWarning(p, unread).warnings).toHaveLength(p.warnings.length - 1);
  });

  it('a budget is read from what was typed, and one that is not an amount stops the save', () => {
    const p = plan();
    const draft = { ...draftFromPlan(p, 'x'), budgetInputs: { [p.measures[0]!.id]: '15,000' } };
    const ok = validateDraft(draft);
    expect(ok.ok && ok.value.measures[0]!.budget).toBe(15000);
    const bad = validateDraft({ ...draft, budgetInputs: { [p.measures[0]!.id]: 'หนึ่งหมื่น' } });
    expect(bad.ok ? null : bad.errors['m0.budget']).toBe('งบประมาณต้องเป็นจำนวนเงิน (บาท) ไม่ติดลบ เช่น 15,000');
  });
});
