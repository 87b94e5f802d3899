/**
 * Whether a measure is due or overdue, from its period and its progress:
 * overdue once its period has ended with actions not done; due when its
 * period ends within the next `soonDays` days.
 */
import type { ProgressCount } from './progress';
import type { IsoDate, Period } from './types';

export type DueStatus = 'done' | 'overdue' | 'due' | 'running' | 'not_started' | 'no_period';

export const DUE_LABELS: Record<DueStatus, string> = {
  done: 'ดำเนินการครบแล้ว',
  overdue: 'เลยกำหนด',
  due: 'ใกล้ครบกำหนด',
  running: 'อยู่ในช่วงดำเนินการ',
  not_started: 'ยังไม่ถึงช่วงดำเนินการ',
  no_period: 'ไม่ได้ระบุระยะเวลา',
};

function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function dueStatus(
  period: Period | null,
  progress: ProgressCount,
  today: IsoDate,
  soonDays = 30,
): DueStatus {
  if (progress.total > 0 && progress.done === progress.total) return 'done';
  if (!period) return 'no_period';
  if (today > period.end) return 'overdue';
  if (today < period.start) return 'not_started';
  if (period.end <= addDays(today, soonDays)) return 'due';
  return 'running';
}
