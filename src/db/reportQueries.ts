/**
 * Reads for the report pages: one plan with everything a report is built
 * from (measures, actions, ticks, meetings, quarterly records, evidence
 * metadata), deleted records included as they are (the builders skip them),
 * and whether the plan is locked because next year's plan was made from it.
 */
import type { ReportData } from '../domain/report/reportData';
import type { Plan } from '../domain/types';
import { planLock, type PlanLock } from './planLock';
import type { ItaDatabase } from './schema';

export interface ReportView {
  data: ReportData;
  lock: PlanLock;
}

export async function reportView(db: ItaDatabase, planId: string): Promise<ReportView | null> {
  const plan = await db.plans.get(planId);
  if (!plan || plan.deletedAt) return null;
  const [measures, actions, ticks, meetings, records, evidence, lock] = await Promise.all([
    db.measures.where('planId').equals(planId).toArray(),
    db.actions.where('planId').equals(planId).toArray(),
    db.progress.where('planId').equals(planId).toArray(),
    db.meetings.where('planId').equals(planId).toArray(),
    db.quarterlyRecords.where('planId').equals(planId).toArray(),
    db.evidence.where('planId').equals(planId).toArray(),
    planLock(db, planId),
  ]);
  const liveMeasures = new Set(measures.filter((m) => !m.deletedAt).map((m) => m.id));
  return {
    data: {
      plan,
      measures,
      // An action of a deleted measure is not in the plan any more.
      actions: actions.filter((a) => liveMeasures.has(a.measureId)),
      ticks,
      meetings,
      records,
      evidence,
    },
    lock,
  };
}

/** The plan a plan was made from, or else the same agency's plan of the year before, if on this device. */
export async function previousPlan(
  db: ItaDatabase,
  plan: Pick<Plan, 'previousPlanId' | 'fiscalYear' | 'agency'>,
): Promise<Plan | null> {
  if (plan.previousPlanId) {
    const before = await db.plans.get(plan.previousPlanId);
    if (before && !before.deletedAt) return before;
  }
  const key = (name: string) => name.replace(/\s+/g, '');
  const candidates = await db.plans
    .where('fiscalYear')
    .equals(plan.fiscalYear - 1)
    .toArray();
  return candidates.find((p) => !p.deletedAt && key(p.agency.name) === key(plan.agency.name)) ?? null;
}
