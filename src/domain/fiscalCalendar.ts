/**
 * The Thai government fiscal calendar: fiscal year N (Buddhist era) runs from
 * 1 October of BE N−1 to 30 September of BE N. Quarters: Q1 Oct–Dec,
 * Q2 Jan–Mar, Q3 Apr–Jun, Q4 Jul–Sep. The six-month round is Q1+Q2.
 *
 * Everything works on calendar dates (`YYYY-MM-DD`); an instant becomes a
 * date in Asia/Bangkok, whatever the device's own zone.
 */
import type { IsoDate, Period } from './types';

export const BE_OFFSET = 543;
export const BANGKOK = 'Asia/Bangkok';

export type Quarter = 1 | 2 | 3 | 4;
export type Half = 1 | 2;

export function ceToBe(ceYear: number): number {
  return ceYear + BE_OFFSET;
}

export function beToCe(beYear: number): number {
  return beYear - BE_OFFSET;
}

/**
 * Asia/Bangkok has kept UTC+7, with no daylight saving, since 1 April 1920
 * (IANA tzdata), so its date at an instant is plain arithmetic. No Intl
 * formatter here: the first one a page builds costs tens of ms (ICU starts
 * up), and "today" is needed before a first screen can even ask for its
 * data. A test checks this against Intl's Asia/Bangkok over 1920–2200.
 */
const BANGKOK_OFFSET_MS = 7 * 3_600_000;

/** The calendar date in Bangkok at an instant (from 1920 on). */
export function bangkokDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!isValidDate(year, month, day)) throw new RangeError(`no such date: ${date}`);
  return { year, month, day };
}

/** True for a real calendar date written `YYYY-MM-DD` (29 Feb only in leap years). */
export function isIsoDate(date: string): boolean {
  const m = ISO_DATE.exec(date);
  return m !== null && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Fiscal year (BE) that a date falls in: October onwards belongs to the next one. */
export function fiscalYearOf(date: IsoDate): number {
  const { year, month } = parseIsoDate(date);
  return ceToBe(month >= 10 ? year + 1 : year);
}

/** Fiscal year and quarter of a date. */
export function quarterOf(date: IsoDate): { fiscalYear: number; quarter: Quarter } {
  const { month } = parseIsoDate(date);
  // Oct–Dec → 1, Jan–Mar → 2, Apr–Jun → 3, Jul–Sep → 4.
  const quarter = (month >= 10 ? 1 : Math.floor((month - 1) / 3) + 2) as Quarter;
  return { fiscalYear: fiscalYearOf(date), quarter };
}

export function fiscalYearRange(fiscalYear: number): Period {
  const ce = beToCe(fiscalYear);
  return { start: iso(ce - 1, 10, 1), end: iso(ce, 9, 30) };
}

export function quarterRange(fiscalYear: number, quarter: Quarter): Period {
  const ce = beToCe(fiscalYear);
  switch (quarter) {
    case 1:
      return { start: iso(ce - 1, 10, 1), end: iso(ce - 1, 12, 31) };
    case 2:
      return { start: iso(ce, 1, 1), end: iso(ce, 3, 31) };
    case 3:
      return { start: iso(ce, 4, 1), end: iso(ce, 6, 30) };
    case 4:
      return { start: iso(ce, 7, 1), end: iso(ce, 9, 30) };
  }
}

/** Half 1 is the six-month round (Oct–Mar); half 2 is Apr–Sep. */
export function halfYearRange(fiscalYear: number, half: Half): Period {
  const first = quarterRange(fiscalYear, half === 1 ? 1 : 3);
  const last = quarterRange(fiscalYear, half === 1 ? 2 : 4);
  return { start: first.start, end: last.end };
}

/** ISO dates compare correctly as strings. */
export function isWithin(date: IsoDate, period: Period): boolean {
  return date >= period.start && date <= period.end;
}

export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];
