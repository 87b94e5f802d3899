/**
 * Validation of the follow-up forms (meetings, quarterly records, evidence
 * links), with Thai messages, in the same shape as validation.ts.
 */
import * as v from 'valibot';
import { fiscalYearOf, isIsoDate } from './fiscalCalendar';
import { parseBahtInput } from './bahtInput';
import { toArabicDigits } from './thaiFormat';
import { QUARTERLY_STATUSES, type QuarterlyStatus } from './types';
import type { Validated } from './validation';

const text = v.pipe(v.string(), v.trim());
const TEXT_MAX = 5000;
const longText = v.pipe(text, v.maxLength(TEXT_MAX, `ข้อความยาวเกิน ${TEXT_MAX} ตัวอักษร`));

function run<S extends v.GenericSchema>(schema: S, input: unknown) {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  const errors: Record<string, string> = {};
  if (!result.success) {
    for (const issue of result.issues) {
      const key = issue.path?.map((p) => String(p.key)).join('.') ?? '';
      if (!(key in errors)) errors[key] = issue.message;
    }
  }
  return { value: result.success ? result.output : undefined, errors };
}

const optionalNumber = (message: string, min: number, max: number, integer = false) =>
  v.pipe(
    text,
    v.transform((s) => toArabicDigits(s).replace(/,/g, '')),
    v.check((s) => s === '' || (integer ? /^\d+$/ : /^\d+(\.\d{1,2})?$/).test(s), message),
    v.transform((s) => (s === '' ? null : Number(s))),
    v.check((n) => n === null || (n >= min && n <= max), message),
  );

// ---------------------------------------------------------------- meeting

export interface MeetingForm {
  date: string;
  number: string;
  title: string;
  attendees: string;
  notes: string;
}

export interface MeetingInput {
  date: string;
  number: string;
  title: string;
  attendees: number | null;
  notes: string;
}

const meetingSchema = v.object({
  date: v.pipe(text, v.nonEmpty('กรุณาระบุวันที่ประชุม'), v.check(isIsoDate, 'วันที่ไม่ถูกต้อง')),
  number: v.pipe(
    text,
    v.transform(toArabicDigits),
    v.nonEmpty('กรุณาระบุครั้งที่ประชุม เช่น 3/2567'),
    v.regex(/^\d{1,3}(\/\d{4})?$/, 'ครั้งที่ประชุมต้องเป็นรูปแบบ เช่น 3/2567'),
  ),
  title: v.pipe(text, v.nonEmpty('กรุณากรอกชื่อการประชุม'), v.maxLength(300, 'ชื่อการประชุมยาวเกินไป')),
  attendees: optionalNumber('จำนวนผู้เข้าประชุมต้องเป็นจำนวนเต็ม 0–10000', 0, 10000, true),
  notes: longText,
});

export function validateMeeting(form: MeetingForm, fiscalYear: number): Validated<MeetingInput> {
  const { value, errors } = run(meetingSchema, form);
  if (value && fiscalYearOf(value.date) !== fiscalYear) {
    errors.date = `วันที่ประชุมต้องอยู่ในปีงบประมาณ ${fiscalYear}`;
  }
  if (!value || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value };
}

// ---------------------------------------------------------------- quarterly record

export interface QuarterlyForm {
  results: string;
  budgetSpent: string;
  problems: string;
  suggestions: string;
  progress: string;
  status: string;
}

export interface QuarterlyInput {
  results: string;
  budgetSpent: number | null;
  problems: string;
  suggestions: string;
  progress: number | null;
  status: QuarterlyStatus;
}

const quarterlySchema = v.object({
  results: longText,
  budgetSpent: v.pipe(
    v.string(),
    v.transform(parseBahtInput),
    v.check((n) => n !== undefined, 'งบประมาณที่ใช้ต้องเป็นจำนวนเงิน (บาท) ไม่ติดลบ เช่น 15,000 หรือ 2500.50'),
    v.transform((n) => n ?? null),
  ),
  problems: longText,
  suggestions: longText,
  progress: optionalNumber('ความก้าวหน้าต้องเป็นร้อยละ 0–100', 0, 100, true),
  status: v.picklist(QUARTERLY_STATUSES, 'กรุณาเลือกสถานะ'),
});

export function validateQuarterly(form: QuarterlyForm): Validated<QuarterlyInput> {
  const { value, errors } = run(quarterlySchema, form);
  if (value && value.status === 'final' && value.results === '') {
    errors.results = 'บันทึกฉบับสมบูรณ์ต้องมีผลการดำเนินงาน';
  }
  if (!value || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value };
}

// ---------------------------------------------------------------- link

export interface LinkInput {
  url: string;
  name: string;
}

/** A link to the website or Facebook post that shows the work: http(s) only. */
export function validateLink(form: { url: string; name: string }): Validated<LinkInput> {
  const raw = form.url.trim();
  let url: URL | null;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`);
  } catch {
    url = null;
  }
  if (raw === '') return { ok: false, errors: { url: 'กรุณาใส่ลิงก์' } };
  if (!url || !/^https?:$/.test(url.protocol) || !url.hostname.includes('.')) {
    return {
      ok: false,
      errors: { url: 'ลิงก์ไม่ถูกต้อง ต้องขึ้นต้นด้วย https:// เช่น https://www.example.go.th/news/1' },
    };
  }
  const name = form.name.trim().slice(0, 200) || url.hostname;
  return { ok: true, value: { url: url.href, name } };
}
