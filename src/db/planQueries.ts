/**
 * Reads of the plan, measure, action and history pages (the first screen's
 * are in queries.ts). Each returns plain values computed from the tables; the
 * UI runs them inside liveQuery so that any write re-renders what depends on
 * it. Soft-deleted records are left out (except in history, which shows all).
 */
import type { ChangeOp } from '../domain/changeLog';
import { compareNumbering } from '../domain/numbering';
import { latestTicks, progressOf, quarterlyProgress, type ProgressCount } from '../domain/progress';
import type { Quarter } from '../domain/fiscalCalendar';
import type { Action, Measure, Plan, Progress } from '../domain/types';
import { live, planRows } from './queries';
import type { ItaDatabase } from './schema';

export interface MeasureSummary {
  measure: Measure;
  progress: ProgressCount;
  quarters: Record<Quarter, ProgressCount>;
}

export interface PlanOverview {
  plan: Plan;
  measures: MeasureSummary[];
  progress: ProgressCount;
  quarters: Record<Quarter, ProgressCount>;
}

export async function planOverview(db: ItaDatabase, planId: string): Promise<PlanOverview | null> {
  const plan = await db.plans.get(planId);
  if (!plan || plan.deletedAt) return null;
  const { measures, actions, ticks } = await planRows(db, planId);
  const summaries = measures
    .sort((a, b) => a.number - b.number)
    .map((measure) => {
      const own = actions.filter((a) => a.measureId === measure.id);
      return {
        measure,
        progress: progressOf(own, ticks),
        quarters: quarterlyProgress(own, ticks, plan.fiscalYear),
      };
    });
  return {
    plan,
    measures: summaries,
    progress: progressOf(actions, ticks),
    quarters: quarterlyProgress(actions, ticks, plan.fiscalYear),
  };
}

export interface ActionState {
  action: Action;
  latest: Progress | undefined;
}

export interface MeasureDetail {
  plan: Plan;
  measure: Measure;
  methods: ActionState[];
  steps: ActionState[];
  progress: ProgressCount;
}

export async function measureDetail(db: ItaDatabase, measureId: string): Promise<MeasureDetail | null> {
  const measure = await db.measures.get(measureId);
  if (!measure || measure.deletedAt) return null;
  const plan = await db.plans.get(measure.planId);
  if (!plan || plan.deletedAt) return null;
  const actions = live(await db.actions.where('measureId').equals(measureId).toArray()).sort((a, b) =>
    compareNumbering(a.number, b.number),
  );
  const ticks = await db.progress.where('measureId').equals(measureId).toArray();
  const latest = latestTicks(ticks);
  const state = (a: Action): ActionState => ({ action: a, latest: latest.get(a.id) });
  return {
    plan,
    measure,
    methods: actions.filter((a) => a.kind === 'method').map(state),
    steps: actions.filter((a) => a.kind === 'step').map(state),
    progress: progressOf(actions, ticks),
  };
}

export interface ActionContext {
  plan: Plan;
  measure: Measure;
  action: Action;
}

export async function actionContext(db: ItaDatabase, actionId: string): Promise<ActionContext | null> {
  const action = await db.actions.get(actionId);
  if (!action) return null;
  const [measure, plan] = await Promise.all([db.measures.get(action.measureId), db.plans.get(action.planId)]);
  if (!measure || !plan) return null;
  return { plan, measure, action };
}

export interface ActionHistory extends ActionContext {
  ticks: Progress[];
  /** Change-log entries of the action and of its ticks, newest first. */
  changes: ChangeOp[];
}

export async function actionHistory(db: ItaDatabase, actionId: string): Promise<ActionHistory | null> {
  const ctx = await actionContext(db, actionId);
  if (!ctx) return null;
  const ticks = await db.progress.where('actionId').equals(actionId).toArray();
  const keys: [string, string][] = [
    ['actions', actionId],
    ...ticks.map((t): [string, string] => ['progress', t.id]),
  ];
  const changes = await db.outbox.where('[table+id]').anyOf(keys).toArray();
  changes.push(...remoteTickEntries(ticks, changes));
  // HLC stamps order changes across devices; device sequences only within one.
  changes.sort((a, b) => (b.hlc > a.hlc ? 1 : b.hlc < a.hlc ? -1 : 0));
  ticks.sort((a, b) => (b.date === a.date ? (b.at > a.at ? 1 : -1) : b.date > a.date ? 1 : -1));
  return { ...ctx, ticks, changes };
}

/**
 * Ticks that came from other phones by sync are not in this device's change
 * log: their history entries are read from the ticks themselves (who, when,
 * which device; an undo from its deletedAt stamp).
 */
function remoteTickEntries(ticks: Progress[], logged: ChangeOp[]): ChangeOp[] {
  const known = new Set(logged.filter((op) => op.table === 'progress').map((op) => `${op.id}:${op.kind}`));
  const out: ChangeOp[] = [];
  for (const t of ticks) {
    const entry = (
      kind: 'put' | 'delete',
      fields: Record<string, unknown>,
      hlc: string,
      at: string,
    ): ChangeOp => ({
      opId: `remote:${t.id}:${kind}`,
      deviceId: t.deviceId,
      deviceSeq: 0,
      table: 'progress',
      id: t.id,
      kind,
      fields,
      before: null,
      baseRev: null,
      hlc,
      at,
      by: t.by,
      sentAt: at,
    });
    if (!known.has(`${t.id}:put`)) {
      out.push(entry('put', { date: t.date, status: t.status, note: t.note }, t.stamps.status ?? '', t.at));
    }
    if (t.deletedAt && !known.has(`${t.id}:delete`)) {
      out.push(entry('delete', { deletedAt: t.deletedAt }, t.stamps.deletedAt ?? '', t.deletedAt));
    }
  }
  return out;
}

/**
 * The change log of any record, with what hangs off it: a meeting's ticks,
 * and evidence attached to it. Newest first; undone and deleted entries stay.
 */
export async function recordHistory(
  db: ItaDatabase,
  table: 'meetings' | 'quarterlyRecords',
  id: string,
): Promise<{ changes: ChangeOp[]; planId: string } | null> {
  const record = await db.table(table).get(id);
  if (!record) return null;
  const keys: [string, string][] = [[table, id]];
  if (table === 'meetings') {
    for (const t of await db.progress.where('meetingId').equals(id).toArray()) keys.push(['progress', t.id]);
  }
  const evidence = await db.evidence.where('[targetTable+targetId]').equals([table, id]).toArray();
  for (const e of evidence) keys.push(['evidence', e.id]);
  const changes = await db.outbox.where('[table+id]').anyOf(keys).toArray();
  changes.sort((a, b) => (b.hlc > a.hlc ? 1 : b.hlc < a.hlc ? -1 : 0));
  return { changes, planId: (record as { planId: string }).planId };
}
