/**
 * Validation of what a person types, with Thai messages. Field rules are
 * valibot schemas; rules across fields (end before start, a date outside the
 * plan's fiscal year) are checked after them. Returns either the clean value
 * or an error message per field, never both.
 */
import * as v from 'valibot';
import { fiscalYearOf, fiscalYearRange, isIsoDate, isWithin } from './fiscalCalendar';
import { parseBahtInput } from './bahtInput';
import { toArabicDigits } from './thaiFormat';
import { TICK_STATUSES, type ActionKind, type Agency, type Period, type TickStatus } from './types';

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/** Trimmed text; Thai digits typed by a person become Arabic ones. */
const text = v.pipe(v.string(), v.trim());
const required = (message: string) => v.pipe(text, v.nonEmpty(message));
const optionalNumber = (message: string, min: number, max: number) =>
  v.pipe(
    text,
    v.transform((s) => toArabicDigits(s).replace(/,/g, '')),
    v.check((s) => s === '' || /^\d+(\.\d+)?$/.test(s), message),
    v.transform((s) => (s === '' ? null : Number(s))),
    v.check((n) => n === null || (n >= min && n <= max), message),
  );
export const AMOUNT_MESSAGE = 'งบประมาณต้องเป็นจำนวนเงิน (บาท) ไม่ติดลบ เช่น 15,000';

const beYear = (message: string) =>
  v.pipe(
    text,
    v.transform(toArabicDigits),
    v.regex(/^\d{4}$/, message),
    v.transform(Number),
    v.minValue(2500, message),
    v.maxValue(2700, message),
  );
const dateField = (missing: string) => v.pipe(text, v.nonEmpty(missing), v.check(isIsoDate, 'วันที่ไม่ถูกต้อง'));
const optionalDate = v.pipe(
  text,
  v.check((s) => s === '' || isIsoDate(s), 'วันที่ไม่ถูกต้อง'),
);

function run<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): { value?: v.InferOutput<S>; errors: Record<string, string> } {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return { value: result.output, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of result.issues) {
    const key = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    if (!(key in errors)) errors[key] = issue.message;
  }
  return { errors };
}

function finish<T>(value: T | undefined, errors: Record<string, string>): Validated<T> {
  if (value === undefined || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value };
}

// ---------------------------------------------------------------- plan

export interface PlanForm {
  agencyName: string;
  district: string;
  province: string;
  assessmentYear: string;
  fiscalYear: string;
  overallScore: string;
  rating: string;
  constraints: string;
}

export interface PlanInput {
  agency: Agency;
  assessmentYear: number;
  fiscalYear: number;
  overallScore: number | null;
  rating: string;
  constraints: string[];
}

const planSchema = v.object({
  agencyName: required('กรุณากรอกชื่อหน่วยงาน'),
  district: text,
  province: text,
  assessmentYear: beYear('ปีที่ประเมินต้องเป็นปี พ.ศ. สี่หลัก เช่น 2566'),
  fiscalYear: beYear('ปีงบประมาณต้องเป็นปี พ.ศ. สี่หลัก เช่น 2567'),
  overallScore: optionalNumber('คะแนนภาพรวมต้องเป็นตัวเลข 0–100', 0, 100),
  rating: text,
  constraints: v.string(),
});

export function validatePlan(form: PlanForm): Validated<PlanInput> {
  const { value, errors } = run(planSchema, form);
  if (value && value.fiscalYear < value.assessmentYear) {
    errors.fiscalYear = 'ปีงบประมาณต้องไม่ก่อนปีที่ประเมิน';
  }
  return finish(
    value && {
      agency: { name: value.agencyName, district: value.district, province: value.province },
      assessmentYear: value.assessmentYear,
      fiscalYear: value.fiscalYear,
      overallScore: value.overallScore,
      rating: value.rating,
      constraints: value.constraints
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
    },
    errors,
  );
}

// ---------------------------------------------------------------- measure

export interface MeasureForm {
  number: string;
  title: string;
  responsible: string;
  periodStart: string;
  periodEnd: string;
  /** Planned baht as typed ("15,000", "๑๕,๐๐๐"); empty for none stated. */
  budget: string;
  successIndicator: string;
}

export interface MeasureInput {
  number: number;
  title: string;
  responsible: string;
  period: Period | null;
  /** Planned baht; null when none is stated. Absent: left as it was. */
  budget?: number | null;
  successIndicator?: string;
}

const measureSchema = v.object({
  number: v.pipe(
    text,
    v.transform(toArabicDigits),
    v.regex(/^\d{1,3}$/, 'ลำดับมาตรการต้องเป็นตัวเลข เช่น 1'),
    v.transform(Number),
    v.minValue(1, 'ลำดับมาตรการต้องเป็นตัวเลข เช่น 1'),
  ),
  title: required('กรุณากรอกชื่อมาตรการ'),
  responsible: text,
  periodStart: optionalDate,
  periodEnd: optionalDate,
  budget: v.pipe(
    v.string(),
    v.transform(parseBahtInput),
    v.check((n) => n !== undefined, AMOUNT_MESSAGE),
    v.transform((n) => n ?? null),
  ),
  successIndicator: text,
});

/** `fiscalYear` is the plan's: a period must lie inside it. */
export function validateMeasure(form: MeasureForm, fiscalYear: number): Validated<MeasureInput> {
  const { value, errors } = run(measureSchema, form);
  let period: Period | null = null;
  if (value) {
    const { periodStart: start, periodEnd: end } = value;
    if ((start === '') !== (end === '')) {
      errors[start === '' ? 'periodStart' : 'periodEnd'] = 'กรุณากรอกทั้งวันเริ่มต้นและวันสิ้นสุด';
    } else if (start !== '' && end !== '') {
      const fy = fiscalYearRange(fiscalYear);
      if (end < start) errors.periodEnd = 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น';
      else if (!isWithin(start, fy)) errors.periodStart = outsideFiscalYear(fiscalYear);
      else if (!isWithin(end, fy)) errors.periodEnd = outsideFiscalYear(fiscalYear);
      else period = { start, end };
    }
  }
  return finish(
    value && {
      number: value.number,
      title: value.title,
      responsible: value.responsible,
      period,
      budget: value.budget,
      successIndicator: value.successIndicator,
    },
    errors,
  );
}

function outsideFiscalYear(fiscalYear: number): string {
  return `วันที่ต้องอยู่ในปีงบประมาณ ${fiscalYear} (1 ต.ค. ${fiscalYear - 1} – 30 ก.ย. ${fiscalYear})`;
}

// ---------------------------------------------------------------- action

export interface ActionForm {
  kind: string;
  number: string;
  text: string;
}

export interface ActionInput {
  kind: ActionKind;
  number: string;
  text: string;
}

const actionSchema = v.object({
  kind: v.picklist(['method', 'step'], 'กรุณาเลือกประเภท'),
  number: v.pipe(
    text,
    v.transform(toArabicDigits),
    v.regex(/^\d{1,2}(\.\d{1,2}){0,2}$/, 'ลำดับต้องเป็นตัวเลข เช่น 1.2'),
  ),
  text: required('กรุณากรอกรายละเอียด'),
});

export function validateAction(form: ActionForm): Validated<ActionInput> {
  const { value, errors } = run(actionSchema, form);
  return finish(value, errors);
}

// ---------------------------------------------------------------- tick

export interface TickForm {
  date: string;
  status: string;
  note: string;
}

export interface TickInput {
  date: string;
  status: TickStatus;
  note: string;
}

export const NOTE_MAX = 2000;

const tickSchema = v.object({
  date: dateField('กรุณาระบุวันที่'),
  status: v.picklist(TICK_STATUSES, 'กรุณาเลือกสถานะ'),
  note: v.pipe(text, v.maxLength(NOTE_MAX, `บันทึกยาวเกิน ${NOTE_MAX} ตัวอักษร`)),
});

/** `today` is the Bangkok date now: a tick cannot be dated in the future. */
export function validateTick(form: TickForm, fiscalYear: number, today: string): Validated<TickInput> {
  const { value, errors } = run(tickSchema, form);
  if (value) {
    if (fiscalYearOf(value.date) !== fiscalYear) errors.date = outsideFiscalYear(fiscalYear);
    else if (value.date > today) errors.date = 'วันที่ต้องไม่เกินวันนี้';
  }
  return finish(value, errors);
}
