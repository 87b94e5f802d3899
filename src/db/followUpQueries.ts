/**
 * Reads for the follow-up screens: meetings, meeting mode, quarterly records,
 * evidence and the dashboard. Plain values for liveQuery, soft-deleted rows
 * left out.
 */
import { dueStatus, type DueStatus } from '../domain/dueStatus';
import { quarterOf, type Quarter } from '../domain/fiscalCalendar';
import { agendaItems, type AgendaItem } from '../domain/meetingAgenda';
import { progressOf, quarterlyProgress, type ProgressCount } from '../domain/progress';
import {
  FULL_YEAR,
  prefillQuarterlyRecord,
  SIX_MONTHS,
  summarizeRecords,
  type RecordSummary,
} from '../domain/quarterlyReport';
import { groupByUnitName } from '../domain/responsibleUnits';
import type {
  Action,
  Evidence,
  EvidenceTargetTable,
  Finding,
  Measure,
  Meeting,
  Plan,
  Progress,
  QuarterlyRecord,
  QuarterlyRecordFields,
} from '../domain/types';
import type { ItaDatabase } from './schema';

const live = <T extends { deletedAt: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt);

async function livePlan(db: ItaDatabase, planId: string): Promise<Plan | null> {
  const plan = await db.plans.get(planId);
  return plan && !plan.deletedAt ? plan : null;
}

/** A plan's live measures, actions and ticks, read at once. */
async function planData(db: ItaDatabase, planId: string) {
  const [measures, actions, ticks] = await Promise.all([
    db.measures.where('planId').equals(planId).toArray(),
    db.actions.where('planId').equals(planId).toArray(),
    db.progress.where('planId').equals(planId).toArray(),
  ]);
  const liveMeasures = live(measures).sort((a, b) => a.number - b.number);
  const ids = new Set(liveMeasures.map((m) => m.id));
  return {
    measures: liveMeasures,
    actions: live(actions).filter((a) => ids.has(a.measureId)),
    ticks: live(ticks),
  };
}

const planMeetings = async (db: ItaDatabase, planId: string) =>
  live(await db.meetings.where('planId').equals(planId).toArray());

// ---------------------------------------------------------------- meetings

export interface MeetingSummary {
  meeting: Meeting;
  ticks: number;
}

export async function listMeetings(
  db: ItaDatabase,
  planId: string,
): Promise<{ plan: Plan; meetings: MeetingSummary[] } | null> {
  const plan = await livePlan(db, planId);
  if (!plan) return null;
  const meetings = (await planMeetings(db, planId)).sort((a, b) =>
    a.date === b.date ? (b.createdAt > a.createdAt ? 1 : -1) : b.date > a.date ? 1 : -1,
  );
  const counts = await Promise.all(
    meetings.map((m) =>
      db.progress
        .where('meetingId')
        .equals(m.id)
        .filter((t) => !t.deletedAt)
        .count(),
    ),
  );
  return { plan, meetings: meetings.map((meeting, i) => ({ meeting, ticks: counts[i] ?? 0 })) };
}

export interface MeetingView {
  plan: Plan;
  meeting: Meeting;
  quarter: Quarter;
  items: AgendaItem[];
  /** This meeting's live ticks per action, newest first. */
  ticksByAction: Record<string, Progress[]>;
}

export async function meetingView(db: ItaDatabase, meetingId: string): Promise<MeetingView | null> {
  const meeting = await db.meetings.get(meetingId);
  if (!meeting || meeting.deletedAt) return null;
  // The plan and its rows at once: one round trip to IndexedDB fewer before meeting mode shows.
  const [plan, { measures, actions, ticks }] = await Promise.all([
    livePlan(db, meeting.planId),
    planData(db, meeting.planId),
  ]);
  if (!plan) return null;
  const { quarter } = quarterOf(meeting.date);
  const own = ticks
    .filter((t) => t.meetingId === meetingId)
    .sort((a, b) => (b.at > a.at ? 1 : b.at < a.at ? -1 : 0));
  const ticksByAction: Record<string, Progress[]> = {};
  for (const t of own) (ticksByAction[t.actionId] ??= []).push(t);
  // Evidence is not read here: each panel reads its own, so attaching a photo
  // re-renders that panel, not the whole agenda.
  return {
    plan,
    meeting,
    quarter,
    items: agendaItems(measures, actions, ticks, plan.fiscalYear, quarter),
    ticksByAction,
  };
}

// ---------------------------------------------------------------- evidence

export async function evidenceFor(
  db: ItaDatabase,
  targets: { table: EvidenceTargetTable; id: string }[],
): Promise<Evidence[]> {
  if (targets.length === 0) return [];
  const rows = await db.evidence
    .where('[targetTable+targetId]')
    .anyOf(targets.map((t) => [t.table, t.id]))
    .toArray();
  return live(rows).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/** The stored bytes of a photo or file (and its thumbnail), or null when missing on this device. */
export async function fileOf(db: ItaDatabase, sha256: string) {
  return (await db.files.get(sha256)) ?? null;
}

export async function storedFiles(db: ItaDatabase): Promise<{ count: number; bytes: number }> {
  let bytes = 0;
  let count = 0;
  await db.files.each((f) => {
    bytes += f.size;
    count += 1;
  });
  return { count, bytes };
}

// ---------------------------------------------------------------- quarterly records

export interface QuarterMeasure {
  measure: Measure;
  actions: Action[];
  record: QuarterlyRecord | null;
  /** What a new record would start with. */
  prefill: QuarterlyRecordFields;
  progress: ProgressCount;
  halfYear: RecordSummary;
  fullYear: RecordSummary;
}

export interface QuarterView {
  plan: Plan;
  quarter: Quarter;
  measures: QuarterMeasure[];
}

export async function quarterView(
  db: ItaDatabase,
  planId: string,
  quarter: Quarter,
): Promise<QuarterView | null> {
  // Everything at once: one round trip to IndexedDB instead of three.
  const [plan, { measures, actions, ticks }, meetings, allRecords] = await Promise.all([
    livePlan(db, planId),
    planData(db, planId),
    planMeetings(db, planId),
    db.quarterlyRecords.where('planId').equals(planId).toArray(),
  ]);
  if (!plan) return null;
  const records = live(allRecords).filter((r) => r.fiscalYear === plan.fiscalYear);
  return {
    plan,
    quarter,
    measures: measures.map((measure) => {
      const own = actions.filter((a) => a.measureId === measure.id);
      const ownTicks = ticks.filter((t) => t.measureId === measure.id);
      const ownRecords = records.filter((r) => r.measureId === measure.id);
      return {
        measure,
        actions: own,
        record: ownRecords.find((r) => r.quarter === quarter) ?? null,
        prefill: prefillQuarterlyRecord({
          planId,
          measureId: measure.id,
          fiscalYear: plan.fiscalYear,
          quarter,
          actions: own,
          ticks: ownTicks,
          meetings,
        }),
        progress: quarterlyProgress(own, ownTicks, plan.fiscalYear)[quarter],
        halfYear: summarizeRecords(ownRecords, SIX_MONTHS),
        fullYear: summarizeRecords(ownRecords, FULL_YEAR),
      };
    }),
  };
}

// ---------------------------------------------------------------- dashboard

export interface UnitProgress {
  unit: string;
  progress: ProgressCount;
}

export interface DashboardView {
  plan: Plan;
  measures: { measure: Measure; progress: ProgressCount; due: DueStatus }[];
  quarters: Record<Quarter, ProgressCount>;
  units: UnitProgress[];
  /** Findings marked as weaknesses, lowest score first. */
  weaknesses: (Finding & { measureNumber: number })[];
  total: ProgressCount;
}

export async function dashboardView(
  db: ItaDatabase,
  planId: string,
  today: string,
): Promise<DashboardView | null> {
  // The plan and its rows at once: one round trip to IndexedDB fewer before the dashboard shows.
  const [plan, { measures, actions, ticks }] = await Promise.all([
    livePlan(db, planId),
    planData(db, planId),
  ]);
  if (!plan) return null;
  const byMeasure = new Map<string, Action[]>();
  for (const a of actions) {
    const list = byMeasure.get(a.measureId) ?? [];
    list.push(a);
    byMeasure.set(a.measureId, list);
  }
  const ticksByMeasure = new Map<string, Progress[]>();
  for (const t of ticks) {
    const list = ticksByMeasure.get(t.measureId) ?? [];
    list.push(t);
    ticksByMeasure.set(t.measureId, list);
  }
  const rows = measures.map((measure) => {
    const progress = progressOf(byMeasure.get(measure.id) ?? [], ticksByMeasure.get(measure.id) ?? []);
    return { measure, progress, due: dueStatus(measure.period, progress, today) };
  });
  // One unit written two ways ("สำนักปลัด งานบริหารทั่วไป", "งานบริหารทั่วไป สำนักปลัด") is one bar.
  const units = groupByUnitName(rows.map(({ measure, progress }) => ({ measure, value: progress }))).map(
    (g) => ({
      unit: g.name,
      progress: g.values.reduce<ProgressCount>(
        (sum, p) => ({ done: sum.done + p.done, total: sum.total + p.total }),
        { done: 0, total: 0 },
      ),
    }),
  );
  const weaknesses = measures
    .flatMap((m) =>
      m.findings.filter((f) => f.kind === 'weakness').map((f) => ({ ...f, measureNumber: m.number })),
    )
    .sort((a, b) => (a.score ?? 101) - (b.score ?? 101));
  return {
    plan,
    measures: rows,
    quarters: quarterlyProgress(actions, ticks, plan.fiscalYear),
    units,
    weaknesses,
    total: progressOf(actions, ticks),
  };
}
