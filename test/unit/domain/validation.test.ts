import { describe, expect, it } from 'vitest';
import {
  NOTE_MAX,
  validateAction,
  validateMeasure,
  validatePlan,
  validateTick,
  type ActionForm,
  type MeasureForm,
  type PlanForm,
  type TickForm,
} from '../../../src/domain/validation';

const OUTSIDE_2567 = 'วันที่ต้องอยู่ในปีงบประมาณ 2567 (1 ต.ค. 2566 – 30 ก.ย. 2567)';

function errorsOf<T>(result: { ok: true; value: T } | { ok: false; errors: Record<string, string> }) {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

// ---------------------------------------------------------------- plan

const planForm: PlanForm = {
  agencyName: '  เทศบาลตำบลบางพลี ',
  district: ' บางพลี',
  province: 'สมุทรปราการ ',
  assessmentYear: '2566',
  fiscalYear: '2567',
  overallScore: '85.5',
  rating: ' A ',
  constraints: 'งบประมาณจำกัด\n\n   บุคลากรไม่เพียงพอ  \n',
};

describe('validatePlan', () => {
  it('returns the clean plan: trimmed text, numeric years and score, one constraint per non-empty line', () => {
    expect(validatePlan(planForm)).toEqual({
      ok: true,
      value: {
        agency: { name: 'เทศบาลตำบลบางพลี', district: 'บางพลี', province: 'สมุทรปราการ' },
        assessmentYear: 2566,
        fiscalYear: 2567,
        overallScore: 85.5,
        rating: 'A',
        constraints: ['งบประมาณจำกัด', 'บุคลากรไม่เพียงพอ'],
      },
    });
  });

  it('asks for the agency name when it is empty or only spaces', () => {
    expect(errorsOf(validatePlan({ ...planForm, agencyName: '' }))).toEqual({
      agencyName: 'กรุณากรอกชื่อหน่วยงาน',
    });
    expect(errorsOf(validatePlan({ ...planForm, agencyName: '   ' }))).toEqual({
      agencyName: 'กรุณากรอกชื่อหน่วยงาน',
    });
  });

  it.each(['', '66', '25666', 'abcd', '2567.0', '2499', '2701', '2024x'])(
    'refuses the assessment year %j with a four-digit BE hint',
    (year) => {
      expect(errorsOf(validatePlan({ ...planForm, assessmentYear: year }))).toEqual({
        assessmentYear: 'ปีที่ประเมินต้องเป็นปี พ.ศ. สี่หลัก เช่น 2566',
      });
    },
  );

  it.each(['', '67', 'สองห้า', '2499', '2701'])(
    'refuses the fiscal year %j with a four-digit BE hint',
    (year) => {
      expect(errorsOf(validatePlan({ ...planForm, fiscalYear: year }))).toEqual({
        fiscalYear: 'ปีงบประมาณต้องเป็นปี พ.ศ. สี่หลัก เช่น 2567',
      });
    },
  );

  it('accepts the limits 2500 and 2700', () => {
    const result = validatePlan({ ...planForm, assessmentYear: '2500', fiscalYear: '2700' });
    expect(result.ok && [result.value.assessmentYear, result.value.fiscalYear]).toEqual([2500, 2700]);
  });

  it('refuses a fiscal year before the assessment year but accepts the same year', () => {
    expect(errorsOf(validatePlan({ ...planForm, assessmentYear: '2567', fiscalYear: '2566' }))).toEqual({
      fiscalYear: 'ปีงบประมาณต้องไม่ก่อนปีที่ประเมิน',
    });
    const same = validatePlan({ ...planForm, assessmentYear: '2567', fiscalYear: '2567' });
    expect(same.ok).toBe(true);
  });

  it('accepts years typed in Thai digits (๒๕๖๖, ๒๕๖๗)', () => {
    const result = validatePlan({ ...planForm, assessmentYear: '๒๕๖๖', fiscalYear: ' ๒๕๖๗ ' });
    expect(result.ok && [result.value.assessmentYear, result.value.fiscalYear]).toEqual([2566, 2567]);
  });

  it.each(['101', '100.01', '-1', 'abc', '8O', '1e2', '50%'])(
    'refuses the score %j as outside 0–100',
    (score) => {
      expect(errorsOf(validatePlan({ ...planForm, overallScore: score }))).toEqual({
        overallScore: 'คะแนนภาพรวมต้องเป็นตัวเลข 0–100',
      });
    },
  );

  it.each([
    ['0', 0],
    ['100', 100],
    ['99.99', 99.99],
    ['๘๕.๕', 85.5],
    ['', null],
    ['   ', null],
  ])('accepts the score %j as %s', (score, value) => {
    const result = validatePlan({ ...planForm, overallScore: score });
    expect(result.ok && result.value.overallScore).toBe(value);
  });

  it('reports every bad field at once, one message each', () => {
    const errors = errorsOf(
      validatePlan({
        ...planForm,
        agencyName: '',
        assessmentYear: 'x',
        fiscalYear: 'y',
        overallScore: '200',
      }),
    );
    expect(Object.keys(errors).sort()).toEqual([
      'agencyName',
      'assessmentYear',
      'fiscalYear',
      'overallScore',
    ]);
  });

  it('keeps an empty constraint list when nothing but blank lines was typed', () => {
    const result = validatePlan({ ...planForm, constraints: '\n  \n' });
    expect(result.ok && result.value.constraints).toEqual([]);
  });
});

// ---------------------------------------------------------------- measure

const measureForm: MeasureForm = {
  number: '3',
  title: ' มาตรการเปิดเผยข้อมูลสาธารณะ ',
  responsible: 'สำนักปลัด',
  periodStart: '2023-10-01',
  periodEnd: '2024-09-30',
  budget: '',
  successIndicator: '',
};

describe('validateMeasure', () => {
  it('returns the clean measure with its period', () => {
    expect(validateMeasure(measureForm, 2567)).toEqual({
      ok: true,
      value: {
        number: 3,
        title: 'มาตรการเปิดเผยข้อมูลสาธารณะ',
        responsible: 'สำนักปลัด',
        period: { start: '2023-10-01', end: '2024-09-30' },
        budget: null,
        successIndicator: '',
      },
    });
  });

  it('reads a budget typed with separators or in Thai digits, and keeps the success indicator', () => {
    const value = (budget: string) => {
      const r = validateMeasure({ ...measureForm, budget, successIndicator: ' ร้อยละ 80 ' }, 2567);
      return r.ok ? [r.value.budget, r.value.successIndicator] : r.errors;
    };
    expect(value('15,000')).toEqual([15000, 'ร้อยละ 80']);
    expect(value('๑๕,๐๐๐.๕๐')).toEqual([15000.5, 'ร้อยละ 80']);
    expect(value('0')).toEqual([0, 'ร้อยละ 80']);
    expect(value('สองหมื่น')).toEqual({ budget: 'งบประมาณต้องเป็นจำนวนเงิน (บาท) ไม่ติดลบ เช่น 15,000' });
    expect(value('-5')).toEqual({ budget: 'งบประมาณต้องเป็นจำนวนเงิน (บาท) ไม่ติดลบ เช่น 15,000' });
  });

  it('returns no period when both dates are left empty', () => {
    const result = validateMeasure({ ...measureForm, periodStart: '', periodEnd: ' ' }, 2567);
    expect(result).toEqual({
      ok: true,
      value: {
        number: 3,
        title: 'มาตรการเปิดเผยข้อมูลสาธารณะ',
        responsible: 'สำนักปลัด',
        period: null,
        budget: null,
        successIndicator: '',
      },
    });
  });

  it('accepts a measure number in Thai digits', () => {
    const result = validateMeasure({ ...measureForm, number: '๑๒' }, 2567);
    expect(result.ok && result.value.number).toBe(12);
  });

  it.each(['', '0', '1000', 'หนึ่ง', '1.2', '-1'])('refuses the measure number %j', (number) => {
    expect(errorsOf(validateMeasure({ ...measureForm, number }, 2567))).toEqual({
      number: 'ลำดับมาตรการต้องเป็นตัวเลข เช่น 1',
    });
  });

  it('asks for a title when it is empty', () => {
    expect(errorsOf(validateMeasure({ ...measureForm, title: '  ' }, 2567))).toEqual({
      title: 'กรุณากรอกชื่อมาตรการ',
    });
  });

  it('refuses an end date before the start date', () => {
    expect(
      errorsOf(validateMeasure({ ...measureForm, periodStart: '2024-03-01', periodEnd: '2024-02-29' }, 2567)),
    ).toEqual({ periodEnd: 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น' });
  });

  it('accepts a one-day period', () => {
    const result = validateMeasure(
      { ...measureForm, periodStart: '2024-02-29', periodEnd: '2024-02-29' },
      2567,
    );
    expect(result.ok && result.value.period).toEqual({ start: '2024-02-29', end: '2024-02-29' });
  });

  it('refuses a start date before the plan’s fiscal year', () => {
    expect(errorsOf(validateMeasure({ ...measureForm, periodStart: '2023-09-30' }, 2567))).toEqual({
      periodStart: OUTSIDE_2567,
    });
  });

  it('refuses an end date after the plan’s fiscal year', () => {
    expect(errorsOf(validateMeasure({ ...measureForm, periodEnd: '2024-10-01' }, 2567))).toEqual({
      periodEnd: OUTSIDE_2567,
    });
  });

  it('names the plan’s own fiscal year in the message', () => {
    expect(errorsOf(validateMeasure(measureForm, 2568))).toEqual({
      periodStart: 'วันที่ต้องอยู่ในปีงบประมาณ 2568 (1 ต.ค. 2567 – 30 ก.ย. 2568)',
    });
  });

  it('asks for the end date when only the start is given, and the other way round', () => {
    expect(errorsOf(validateMeasure({ ...measureForm, periodEnd: '' }, 2567))).toEqual({
      periodEnd: 'กรุณากรอกทั้งวันเริ่มต้นและวันสิ้นสุด',
    });
    expect(errorsOf(validateMeasure({ ...measureForm, periodStart: '' }, 2567))).toEqual({
      periodStart: 'กรุณากรอกทั้งวันเริ่มต้นและวันสิ้นสุด',
    });
  });

  it('refuses a date that does not exist', () => {
    expect(errorsOf(validateMeasure({ ...measureForm, periodStart: '2023-02-29' }, 2567))).toEqual({
      periodStart: 'วันที่ไม่ถูกต้อง',
    });
    expect(errorsOf(validateMeasure({ ...measureForm, periodEnd: '30/09/2567' }, 2567))).toEqual({
      periodEnd: 'วันที่ไม่ถูกต้อง',
    });
  });
});

// ---------------------------------------------------------------- action

const actionForm: ActionForm = { kind: 'step', number: '1.2', text: ' จัดทำประกาศเผยแพร่ทางเว็บไซต์ ' };

describe('validateAction', () => {
  it('returns the clean action with trimmed text', () => {
    expect(validateAction(actionForm)).toEqual({
      ok: true,
      value: { kind: 'step', number: '1.2', text: 'จัดทำประกาศเผยแพร่ทางเว็บไซต์' },
    });
  });

  it.each([
    ['1', '1'],
    ['12', '12'],
    ['1.2.3', '1.2.3'],
    ['10.11', '10.11'],
    ['๓.๔', '3.4'],
    [' 2.1 ', '2.1'],
  ])('accepts the number %j as %j', (number, clean) => {
    const result = validateAction({ ...actionForm, number });
    expect(result.ok && result.value.number).toBe(clean);
  });

  it.each(['', '1.', '.1', '1..2', '123', '1.2.3.4', '1.234', 'ก', '1-2', '1,2'])(
    'refuses the number %j with an example of the format',
    (number) => {
      expect(errorsOf(validateAction({ ...actionForm, number }))).toEqual({
        number: 'ลำดับต้องเป็นตัวเลข เช่น 1.2',
      });
    },
  );

  it('asks for the text when it is empty', () => {
    expect(errorsOf(validateAction({ ...actionForm, text: ' \n ' }))).toEqual({ text: 'กรุณากรอกรายละเอียด' });
  });

  it('asks for a kind when it is neither method nor step', () => {
    expect(errorsOf(validateAction({ ...actionForm, kind: '' }))).toEqual({ kind: 'กรุณาเลือกประเภท' });
    expect(errorsOf(validateAction({ ...actionForm, kind: 'task' }))).toEqual({ kind: 'กรุณาเลือกประเภท' });
    expect(validateAction({ ...actionForm, kind: 'method' }).ok).toBe(true);
  });
});

// ---------------------------------------------------------------- tick

const tickForm: TickForm = { date: '2024-01-05', status: 'done', note: ' ส่งรายงานแล้ว ' };
const TODAY = '2024-06-01';

describe('validateTick', () => {
  it('returns the clean tick with a trimmed note', () => {
    expect(validateTick(tickForm, 2567, TODAY)).toEqual({
      ok: true,
      value: { date: '2024-01-05', status: 'done', note: 'ส่งรายงานแล้ว' },
    });
  });

  it.each(['done', 'in_progress', 'not_started'])('accepts the status %s', (status) => {
    expect(validateTick({ ...tickForm, status }, 2567, TODAY).ok).toBe(true);
  });

  it.each(['', 'finished', 'DONE'])('asks for a status instead of %j', (status) => {
    expect(errorsOf(validateTick({ ...tickForm, status }, 2567, TODAY))).toEqual({
      status: 'กรุณาเลือกสถานะ',
    });
  });

  it('asks for a date when it is empty, and refuses one that does not exist', () => {
    expect(errorsOf(validateTick({ ...tickForm, date: ' ' }, 2567, TODAY))).toEqual({ date: 'กรุณาระบุวันที่' });
    expect(errorsOf(validateTick({ ...tickForm, date: '2024-02-30' }, 2567, TODAY))).toEqual({
      date: 'วันที่ไม่ถูกต้อง',
    });
  });

  it('refuses a date outside the plan’s fiscal year on either side', () => {
    expect(errorsOf(validateTick({ ...tickForm, date: '2023-09-30' }, 2567, TODAY))).toEqual({
      date: OUTSIDE_2567,
    });
    expect(errorsOf(validateTick({ ...tickForm, date: '2024-10-01' }, 2567, '2024-12-01'))).toEqual({
      date: OUTSIDE_2567,
    });
  });

  it('accepts the first and last day of the fiscal year', () => {
    expect(validateTick({ ...tickForm, date: '2023-10-01' }, 2567, '2024-12-01').ok).toBe(true);
    expect(validateTick({ ...tickForm, date: '2024-09-30' }, 2567, '2024-12-01').ok).toBe(true);
  });

  it('refuses a date after today but accepts today', () => {
    expect(errorsOf(validateTick({ ...tickForm, date: '2024-06-02' }, 2567, TODAY))).toEqual({
      date: 'วันที่ต้องไม่เกินวันนี้',
    });
    expect(validateTick({ ...tickForm, date: TODAY }, 2567, TODAY).ok).toBe(true);
  });

  it(`refuses a note longer than ${NOTE_MAX} characters but accepts exactly ${NOTE_MAX}`, () => {
    expect(NOTE_MAX).toBe(2000);
    expect(errorsOf(validateTick({ ...tickForm, note: 'ก'.repeat(2001) }, 2567, TODAY))).toEqual({
      note: 'บันทึกยาวเกิน 2000 ตัวอักษร',
    });
    const exact = validateTick({ ...tickForm, note: `  ${'ก'.repeat(2000)}  ` }, 2567, TODAY);
    expect(exact.ok && exact.value.note).toBe('ก'.repeat(2000));
  });

  it('accepts an empty note', () => {
    const result = validateTick({ ...tickForm, note: '' }, 2567, TODAY);
    expect(result.ok && result.value.note).toBe('');
  });

  it('reports a bad status and a too-long note together', () => {
    expect(
      errorsOf(validateTick({ date: '2024-01-05', status: 'x', note: 'x'.repeat(3000) }, 2567, TODAY)),
    ).toEqual({
      status: 'กรุณาเลือกสถานะ',
      note: 'บันทึกยาวเกิน 2000 ตัวอักษร',
    });
  });
});
