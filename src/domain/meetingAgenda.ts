/**
 * What a monthly meeting goes through: the actions of measures that run in
 * the quarter, each with its status in that quarter, grouped by measure or by
 * responsible unit. "Open" means not yet done this quarter.
 */
import { isWithin, quarterRange, type Quarter } from './fiscalCalendar';
import { compareNumbering } from './numbering';
import { latestTicks } from './progress';
import { groupByUnitName } from './responsibleUnits';
import { formatNumber, toArabicDigits, type DigitStyle } from './thaiFormat';
import type { Action, Measure, Period, Progress, TickStatus } from './types';

export interface AgendaItem {
  action: Action;
  measure: Measure;
  /** Latest live tick dated in the quarter. */
  latest: Progress | undefined;
  status: TickStatus;
}

export interface AgendaGroup {
  key: string;
  title: string;
  items: AgendaItem[];
}

export function overlaps(a: Period, b: Period): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Actions to go through in a quarter, in measure and numbering order. */
export function agendaItems(
  measures: readonly Measure[],
  actions: readonly Action[],
  ticks: readonly Progress[],
  fiscalYear: number,
  quarter: Quarter,
): AgendaItem[] {
  const range = quarterRange(fiscalYear, quarter);
  const active = new Map(
    measures.filter((m) => !m.deletedAt && (!m.period || overlaps(m.period, range))).map((m) => [m.id, m]),
  );
  const latest = latestTicks(ticks.filter((t) => isWithin(t.date, range)));
  return actions
    .filter((a) => !a.deletedAt && active.has(a.measureId))
    .map((action) => {
      const tick = latest.get(action.id);
      return {
        action,
        measure: active.get(action.measureId)!,
        latest: tick,
        status: tick?.status ?? 'not_started',
      };
    })
    .sort(
      (a, b) =>
        a.measure.number - b.measure.number ||
        (a.action.kind === b.action.kind ? 0 : a.action.kind === 'method' ? -1 : 1) ||
        compareNumbering(a.action.number, b.action.number),
    );
}

export function groupByMeasure(items: readonly AgendaItem[], digits: DigitStyle = 'arabic'): AgendaGroup[] {
  const groups = new Map<string, AgendaGroup>();
  for (const item of items) {
    const g = groups.get(item.measure.id) ?? {
      key: item.measure.id,
      title: `มาตรการที่ ${formatNumber(item.measure.number, { digits })} ${item.measure.title}`,
      items: [],
    };
    g.items.push(item);
    groups.set(item.measure.id, g);
  }
  return [...groups.values()];
}

/** An action whose measure names two units appears under both; one unit written two ways is one group. */
export function groupByUnit(items: readonly AgendaItem[]): AgendaGroup[] {
  return groupByUnitName(items.map((item) => ({ measure: item.measure, value: item }))).map((g) => ({
    key: g.key,
    title: g.name,
    items: g.values,
  }));
}

/**
 * The first `rows` rows of an agenda, in their groups (the last one cut
 * short): what a screen shows first of it.
 */
export function firstGroups(groups: readonly AgendaGroup[], rows: number): AgendaGroup[] {
  const out: AgendaGroup[] = [];
  let left = rows;
  for (const group of groups) {
    if (left <= 0) break;
    out.push(group.items.length <= left ? group : { ...group, items: group.items.slice(0, left) });
    left -= group.items.length;
  }
  return out;
}

/**
 * Whether a tick's note may still be written in meeting mode: any tick of an
 * open meeting, and after closing only a correction (the closed record stays).
 */
export function canEditTickNote(meetingClosed: boolean, tick: Pick<Progress, 'corrects'>): boolean {
  return !meetingClosed || Boolean(tick.corrects);
}

/**
 * The number to offer for a plan's next meeting: one after the highest of
 * the year's numbers ("3/2567" → "4/2567"), not after the count of meetings
 * (a deleted or skipped number would repeat one). Numbers of other years and
 * ones not in the N/YYYY form are left out; Thai digits are read too.
 */
export function nextMeetingNumber(numbers: readonly string[], fiscalYear: number): string {
  let highest = 0;
  for (const raw of numbers) {
    const m = /^\s*(\d{1,3})\s*(?:\/\s*(\d{4}))?\s*$/.exec(toArabicDigits(raw));
    if (!m || (m[2] !== undefined && Number(m[2]) !== fiscalYear)) continue;
    highest = Math.max(highest, Number(m[1]));
  }
  return `${highest + 1}/${fiscalYear}`;
}
