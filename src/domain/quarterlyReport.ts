/**
 * Quarterly follow-up records: a new one is prefilled from the quarter's
 * ticks, notes and meetings so a person edits rather than writes; six-month
 * and year-end summaries combine a measure's quarterly records.
 */
import { isWithin, quarterRange, type Quarter } from './fiscalCalendar';
import { compareNumbering } from './numbering';
import { latestTicks, progressOf } from './progress';
import { meetingNumbers } from './report/reportWords';
import type { Action, Meeting, Progress, QuarterlyRecord, QuarterlyRecordFields } from './types';

export interface PrefillInput {
  planId: string;
  measureId: string;
  fiscalYear: number;
  quarter: Quarter;
  actions: readonly Action[];
  /** All ticks of the measure (the quarter's are picked here). */
  ticks: readonly Progress[];
  meetings: readonly Meeting[];
}

/**
 * Steps by number, with the note each tick carried: the record says what was
 * done in a few lines, and the steps' full text stays in the plan (the
 * published report lists the steps beside it, so repeating them would only
 * lengthen it).
 */
const item = (a: Action, t: Progress) => `${a.number}${t.note ? ` (${t.note})` : ''}`;

export function prefillQuarterlyRecord(input: PrefillInput): QuarterlyRecordFields {
  const range = quarterRange(input.fiscalYear, input.quarter);
  const actions = input.actions
    .filter((a) => !a.deletedAt)
    .sort((a, b) => compareNumbering(a.number, b.number));
  const inQuarter = input.ticks.filter((t) => !t.deletedAt && isWithin(t.date, range));
  const latest = latestTicks(inQuarter);
  const meetingIds = new Set(inQuarter.map((t) => t.meetingId).filter(Boolean));
  const meetings = input.meetings
    .filter((m) => !m.deletedAt && (meetingIds.has(m.id) || isWithin(m.date, range)))
    .sort((a, b) => a.date.localeCompare(b.date));

  const done: string[] = [];
  const open: string[] = [];
  for (const a of actions) {
    const t = latest.get(a.id);
    if (t?.status === 'done') done.push(item(a, t));
    else if (t) open.push(item(a, t));
  }
  const results = [
    done.length > 0 ? `ดำเนินการแล้ว ${done.length} จาก ${actions.length} รายการ: ${done.join(', ')}` : '',
    meetings.length > 0
      ? `ติดตามในการประชุมประจำเดือนครั้งที่ ${meetingNumbers(meetings.map((m) => m.number))}`
      : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  const count = progressOf(actions, inQuarter);
  return {
    planId: input.planId,
    measureId: input.measureId,
    fiscalYear: input.fiscalYear,
    quarter: input.quarter,
    results,
    budgetSpent: null,
    problems: open.length > 0 ? `ยังไม่แล้วเสร็จ: ${open.join(', ')}` : '',
    suggestions: '',
    progress: count.total === 0 ? null : Math.round((count.done / count.total) * 100),
    status: 'draft',
  };
}

export interface RecordSummary {
  quarters: Quarter[];
  /** Quarters with no record yet. */
  missing: Quarter[];
  results: string;
  problems: string;
  suggestions: string;
  budgetSpent: number;
  /** Latest recorded progress. */
  progress: number | null;
  allFinal: boolean;
}

/** What a summary reads of a record (the app's rows and an export file's alike). */
export type SummarizedRecord = Pick<
  QuarterlyRecord,
  'deletedAt' | 'quarter' | 'results' | 'problems' | 'suggestions' | 'budgetSpent' | 'progress' | 'status'
>;

/** Six-month (quarters 1–2) or year-end (1–4) summary of one measure's records. */
export function summarizeRecords(records: readonly SummarizedRecord[], quarters: Quarter[]): RecordSummary {
  const byQuarter = new Map(records.filter((r) => !r.deletedAt).map((r) => [r.quarter, r]));
  const present = quarters.filter((q) => byQuarter.has(q)).map((q) => byQuarter.get(q)!);
  const join = (pick: (r: SummarizedRecord) => string) =>
    present
      .filter((r) => pick(r).trim())
      .map((r) => `ไตรมาส ${r.quarter}: ${pick(r).trim()}`)
      .join('\n');
  const withProgress = present.filter((r) => r.progress !== null);
  return {
    quarters,
    missing: quarters.filter((q) => !byQuarter.has(q)),
    results: join((r) => r.results),
    problems: join((r) => r.problems),
    suggestions: join((r) => r.suggestions),
    budgetSpent: present.reduce((sum, r) => sum + (r.budgetSpent ?? 0), 0),
    progress: withProgress.length > 0 ? withProgress[withProgress.length - 1]!.progress : null,
    allFinal: present.length === quarters.length && present.every((r) => r.status === 'final'),
  };
}

export const SIX_MONTHS: Quarter[] = [1, 2];
export const FULL_YEAR: Quarter[] = [1, 2, 3, 4];
