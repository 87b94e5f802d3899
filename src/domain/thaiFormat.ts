/**
 * Display formats for Thai users: dates in the Buddhist era through Intl,
 * Arabic digits by default with Thai digits (๐–๙) as a setting.
 */
import { BANGKOK } from './fiscalCalendar';
import { remembered } from './rememberedText';
import type { IsoDate, IsoInstant } from './types';

export type DigitStyle = 'arabic' | 'thai';

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)] ?? d);
}

export function toArabicDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
}

function locale(digits: DigitStyle): string {
  return digits === 'thai' ? 'th-TH-u-ca-buddhist-nu-thai' : 'th-TH-u-ca-buddhist-nu-latn';
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(digits: DigitStyle, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${digits}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(digits), { timeZone: BANGKOK, ...options });
    formatters.set(key, f);
  }
  return f;
}

/**
 * Builds the date formatters ahead of use. The first Intl formatter a page
 * makes costs tens of ms (ICU starts up): done while the page waits for
 * IndexedDB, that time is not added to the first screen.
 */
export function warmUpThaiDates(digits: DigitStyle = 'arabic'): void {
  const noon = new Date('2024-01-05T12:00:00Z');
  for (const month of ['short', 'long'] as const) {
    formatter(digits, { day: 'numeric', month, year: 'numeric' }).format(noon); // not a remembered text: builds it
  }
}

/** `2024-01-05` → `5 ม.ค. 2567` (or long month names with `long`). */
export function formatThaiDate(date: IsoDate, opts: { digits?: DigitStyle; long?: boolean } = {}): string {
  const digits = opts.digits ?? 'arabic';
  const month = opts.long ? 'long' : 'short';
  // Noon UTC is the same calendar day in Bangkok (UTC+7).
  return remembered(`date|${digits}|${month}|${date}`, () =>
    formatter(digits, { day: 'numeric', month, year: 'numeric' }).format(new Date(`${date}T12:00:00Z`)),
  );
}

/** `2024-01-05` → `มกราคม 2567`: the month and year of a date. */
export function formatThaiMonthYear(date: IsoDate, opts: { digits?: DigitStyle } = {}): string {
  return formatter(opts.digits ?? 'arabic', { month: 'long', year: 'numeric' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** An instant as a Bangkok date and time in the Buddhist era. */
export function formatThaiDateTime(instant: IsoInstant, opts: { digits?: DigitStyle } = {}): string {
  return formatter(opts.digits ?? 'arabic', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}

export function formatPeriod(
  period: { start: IsoDate; end: IsoDate },
  opts: { digits?: DigitStyle } = {},
): string {
  return `${formatThaiDate(period.start, opts)} – ${formatThaiDate(period.end, opts)}`;
}

export function formatNumber(n: number, opts: { digits?: DigitStyle } = {}): string {
  return formatCode(String(n), opts);
}

const bahtFormats = new Map<DigitStyle, Intl.NumberFormat>();

/** An amount grouped by thousands, in the digits chosen. */
function formatAmount(amount: number, opts: { digits?: DigitStyle } = {}): string {
  const digits = opts.digits ?? 'arabic';
  let format = bahtFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat(digits === 'thai' ? 'th-TH-u-nu-thai' : 'th-TH-u-nu-latn', {
      maximumFractionDigits: 2,
    });
    bahtFormats.set(digits, format);
  }
  return format.format(amount);
}

/** An amount of money: `12,500.50 บาท`, grouped by thousands, in the digits chosen. */
export function formatBaht(amount: number, opts: { digits?: DigitStyle } = {}): string {
  return `${formatAmount(amount, opts)} บาท`;
}

/** A number people read as a code (`3/2567`, `1.2`) in the digits chosen. */
export function formatCode(code: string, opts: { digits?: DigitStyle } = {}): string {
  return opts.digits === 'thai' ? toThaiDigits(code) : code;
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** A size as people read it: `850 KB`, `5.6 MB`, `10 GB` (1 KB = 1024 bytes; one decimal below 100). */
export function formatBytes(bytes: number, opts: { digits?: DigitStyle } = {}): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown =
    unit === 0 || value >= 100 ? Math.round(value).toString() : value.toFixed(1).replace(/\.0$/, '');
  return formatCode(`${shown} ${BYTE_UNITS[unit]}`, opts);
}

export const STATUS_LABELS = {
  done: 'ดำเนินการแล้ว',
  in_progress: 'อยู่ระหว่างดำเนินการ',
  not_started: 'ยังไม่ดำเนินการ',
} as const;
