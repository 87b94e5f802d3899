import { describe, expect, it } from 'vitest';
import {
  addAction,
  draftFromPlan,
  groupWarnings,
  removeAction,
  updateMeasure,
  validateDraft,
} from '../../../../src/domain/importer/reviewPlan';
import { parsePlan, readExample } from './fixtures';

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
