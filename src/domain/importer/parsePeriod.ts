/**
 * A measure's period as Thai documents write it: "๑ ตุลาคม ๒๕๖๖ – ๓๐ กันยายน
 * ๒๕๖๗", "มกราคม – มิถุนายน ๒๕๖๗", "1 ต.ค. 66 - 30 ก.ย. 67", "ตลอดปีงบประมาณ
 * พ.ศ. 2567", "ไตรมาสที่ 1 – 2 ปีงบประมาณ 2568". Years are Buddhist era
 * (two-digit years are 25xx); the result is ISO dates in the Common Era. A
 * missing day means the whole month. A period that names no year ("ไตรมาสที่
 * 2", "ตลอดปีงบประมาณ", "ตุลาคม – มีนาคม") is read relative to the plan's
 * fiscal year once that is known.
 */
import { beToCe, daysInMonth, fiscalYearRange, quarterRange, type Quarter } from '../fiscalCalendar';
import { toArabicDigits } from '../thaiFormat';
import type { Period } from '../types';

// Full names first so that "มกราคม" is not read as the abbreviation "ม.ค." of something else.
const MONTHS: readonly (readonly string[])[] = [
  ['มกราคม', 'ม.ค.'],
  ['กุมภาพันธ์', 'ก.พ.'],
  ['มีนาคม', 'มี.ค.'],
  ['เมษายน', 'เม.ย.'],
  ['พฤษภาคม', 'พ.ค.'],
  ['มิถุนายน', 'มิ.ย.'],
  ['กรกฎาคม', 'ก.ค.'],
  ['สิงหาคม', 'ส.ค.'],
  ['กันยายน', 'ก.ย.'],
  ['ตุลาคม', 'ต.ค.'],
  ['พฤศจิกายน', 'พ.ย.'],
  ['ธันวาคม', 'ธ.ค.'],
];

const escape = (s: string) => s.replace(/\./g, '\\.?\\s*');
const MONTH_NAMES = MONTHS.flat()
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');
// day? month (พ.ศ.)? year?
const DATE = new RegExp(
  `(?:(\\d{1,2})\\s*)?(${MONTH_NAMES})\\s*(?:พ\\.\\s*ศ\\.\\s*)?(\\d{4}|\\d{2}(?!\\d))?`,
  'g',
);

function monthNumber(name: string): number {
  const plain = name.replace(/[.\s]/g, '');
  return MONTHS.findIndex((names) => names.some((n) => n.replace(/\./g, '') === plain)) + 1;
}

/** A BE year as printed (2567 or 67) → CE; a year already in CE (< 2400) is kept. */
function toCe(printed: string): number {
  const n = Number(printed);
  if (printed.length === 2) return beToCe(2500 + n);
  return n >= 2400 ? beToCe(n) : n;
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

interface DatePart {
  day: number | null;
  month: number;
  year: number | null;
}

/** A period named without its year, placed in the plan's fiscal year later. */
export type RelativePeriod =
  | { kind: 'quarters'; from: Quarter; to: Quarter }
  | { kind: 'fiscal-year' }
  | { kind: 'months'; from: number; to: number };

// "ไตรมาสที่ 1 – 4", "ไตรมาส 2-3", "ไตรมาสที่ 1 และ 2", "ไตรมาสที่ 3 ถึงไตรมาสที่ 4".
const QUARTERS = /ไตรมาส(?:ที่)?\s*([1-4])(?:\s*(?:[-–—]|ถึง|และ|,)\s*(?:ไตรมาส(?:ที่)?\s*)?([1-4]))?/;
const FISCAL_YEAR = /ปีงบประมาณ\s*(?:พ\.\s*ศ\.\s*)?(\d{4}|\d{2}(?!\d))/;

function fiscalYearIn(key: string): number | null {
  const m = FISCAL_YEAR.exec(key);
  if (!m) return null;
  return m[1]!.length === 2 ? 2500 + Number(m[1]) : Number(m[1]);
}

function quartersIn(key: string): { from: Quarter; to: Quarter } | null {
  const m = QUARTERS.exec(key);
  if (!m) return null;
  const a = Number(m[1]) as Quarter;
  const b = (m[2] ? Number(m[2]) : a) as Quarter;
  return a <= b ? { from: a, to: b } : null;
}

/** The dates of a relative period in fiscal year `fiscalYear` (BE). */
export function placePeriod(relative: RelativePeriod, fiscalYear: number): Period {
  switch (relative.kind) {
    case 'fiscal-year':
      return fiscalYearRange(fiscalYear);
    case 'quarters':
      return {
        start: quarterRange(fiscalYear, relative.from).start,
        end: quarterRange(fiscalYear, relative.to).end,
      };
    case 'months': {
      // October–December fall in the calendar year before the fiscal year ends.
      const ce = (month: number) => beToCe(fiscalYear) - (month >= 10 ? 1 : 0);
      const startYear = ce(relative.from);
      const endYear = ce(relative.to);
      return {
        start: iso(startYear, relative.from, 1),
        end: iso(endYear, relative.to, daysInMonth(endYear, relative.to)),
      };
    }
  }
}

/** A period that names no year: quarters, the whole fiscal year, or months. Null when it names one. */
export function parseRelativePeriod(text: string): RelativePeriod | null {
  const key = toArabicDigits(text);
  if (fiscalYearIn(key) !== null) return null;
  const quarters = quartersIn(key);
  if (quarters) return { kind: 'quarters', ...quarters };
  if (/ตลอด(?:ทั้ง)?ปี(?:งบประมาณ)?/.test(key)) return { kind: 'fiscal-year' };
  const months = [...key.matchAll(DATE)].slice(0, 2);
  if (months.length === 0 || months.some((m) => m[3] || m[1])) return null;
  const from = monthNumber(months[0]![2] as string);
  const to = months[1] ? monthNumber(months[1][2] as string) : from;
  // Within one fiscal year, October comes first.
  const order = (m: number) => (m + 2) % 12;
  return order(from) <= order(to) ? { kind: 'months', from, to } : null;
}

export function parsePeriod(text: string): Period | null {
  const key = toArabicDigits(text);
  const quarters = quartersIn(key);
  if (quarters) {
    const fy = fiscalYearIn(key);
    return fy === null ? null : placePeriod({ kind: 'quarters', ...quarters }, fy);
  }
  const parts: DatePart[] = [];
  for (const m of key.matchAll(DATE)) {
    parts.push({
      day: m[1] ? Number(m[1]) : null,
      month: monthNumber(m[2] as string),
      year: m[3] ? toCe(m[3]) : null,
    });
    if (parts.length === 2) break;
  }
  if (parts.length === 0) {
    // "ตลอดปีงบประมาณ พ.ศ. 2567" / "ปีงบประมาณ 2567": the whole fiscal year.
    const fy = fiscalYearIn(key);
    return fy === null ? null : fiscalYearRange(fy);
  }
  const [first, second = { ...first, day: null }] = parts as [DatePart, DatePart?];
  const endYear = second.year ?? first.year;
  if (endYear === null) return null;
  // "ตุลาคม – มีนาคม 2567": a start month after the end month is in the year before.
  const startYear = first.year ?? (first.month > second.month ? endYear - 1 : endYear);
  const startDay = first.day ?? 1;
  const endDay = second.day ?? daysInMonth(endYear, second.month);
  if (startDay > daysInMonth(startYear, first.month) || endDay > daysInMonth(endYear, second.month))
    return null;
  const start = iso(startYear, first.month, startDay);
  const end = iso(endYear, second.month, endDay);
  return start <= end ? { start, end } : null;
}
