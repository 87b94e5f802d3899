/**
 * A measure's period as Thai documents write it: "๑ ตุลาคม ๒๕๖๖ – ๓๐ กันยายน
 * ๒๕๖๗", "มกราคม – มิถุนายน ๒๕๖๗", "1 ต.ค. 66 - 30 ก.ย. 67", "ตลอดปีงบประมาณ
 * พ.ศ. 2567". Years are Buddhist era (two-digit years are 25xx); the result
 * is ISO dates in the Common Era. A missing day means the whole month.
 */
import { beToCe, daysInMonth, fiscalYearRange } from '../fiscalCalendar';
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

export function parsePeriod(text: string): Period | null {
  const key = toArabicDigits(text);
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
    const fy = /ปีงบประมาณ\s*(?:พ\.\s*ศ\.\s*)?(\d{4})/.exec(key);
    return fy ? fiscalYearRange(Number(fy[1])) : null;
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
