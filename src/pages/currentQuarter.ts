import { quarterOf, type Quarter } from '../domain/fiscalCalendar';
import { todayInBangkok } from '../hooks/useToday';

/** The quarter a plan's screens open on: today's, in a plan of this year; else the last (past) or first (future). */
export function defaultQuarter(fiscalYear: number): { quarter: Quarter; current: Quarter | null } {
  const now = quarterOf(todayInBangkok());
  if (now.fiscalYear === fiscalYear) return { quarter: now.quarter, current: now.quarter };
  return { quarter: now.fiscalYear > fiscalYear ? 4 : 1, current: null };
}

export function parseQuarter(s: string | undefined): Quarter | null {
  return s === '1' || s === '2' || s === '3' || s === '4' ? (Number(s) as Quarter) : null;
}
