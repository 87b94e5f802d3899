/**
 * Reads of the first screen and the header: the plans, their progress, the
 * device's settings, what waits to be sent. The other pages' reads are in
 * planQueries.ts (not loaded with the first screen). Each returns plain
 * values computed from the tables; the UI runs them inside liveQuery so that
 * any write re-renders what depends on it. Soft-deleted records are left out.
 */
import { progressOf, type ProgressCount } from '../domain/progress';
import type { Plan } from '../domain/types';
import { readDevice, type DeviceSettings } from './device';
import type { ItaDatabase } from './schema';

export const live = <T extends { deletedAt: string | null }>(rows: T[]) => rows.filter((r) => !r.deletedAt);

export interface PlanSummary {
  plan: Plan;
  measureCount: number;
}

/**
 * The plans on this device, newest fiscal year first, with how many measures
 * each has: plans and measures only, so a list shows at once however many
 * years of ticks the device holds (their progress: plansProgress).
 */
export async function listPlans(db: ItaDatabase): Promise<PlanSummary[]> {
  const plans = live(await db.plans.toArray());
  const measures = live(
    await db.measures
      .where('planId')
      .anyOf(plans.map((p) => p.id))
      .toArray(),
  );
  const counts = new Map<string, number>();
  for (const m of measures) counts.set(m.planId, (counts.get(m.planId) ?? 0) + 1);
  return plans
    .map((plan) => ({ plan, measureCount: counts.get(plan.id) ?? 0 }))
    .sort(
      (a, b) =>
        b.plan.fiscalYear - a.plan.fiscalYear || a.plan.agency.name.localeCompare(b.plan.agency.name, 'th'),
    );
}

/** Each live plan's progress by id: reads every action and tick, so a list shows it after the plans. */
export async function plansProgress(db: ItaDatabase): Promise<Record<string, ProgressCount>> {
  const plans = live(await db.plans.toArray());
  const entries = await Promise.all(
    plans.map(async (plan) => {
      const { actions, ticks } = await planRows(db, plan.id);
      return [plan.id, progressOf(actions, ticks)] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** Live measures of a plan, their live actions, and all ticks on those. */
export async function planRows(db: ItaDatabase, planId: string) {
  const measures = live(await db.measures.where('planId').equals(planId).toArray());
  const measureIds = new Set(measures.map((m) => m.id));
  const actions = live(await db.actions.where('planId').equals(planId).toArray()).filter((a) =>
    measureIds.has(a.measureId),
  );
  const ticks = await db.progress.where('planId').equals(planId).toArray();
  return { measures, actions, ticks };
}

export function deviceSettings(db: ItaDatabase): Promise<DeviceSettings | null> {
  return readDevice(db);
}

/** How many changes wait to be sent (shown in the header; sync sends them later). */
export async function pendingChanges(db: ItaDatabase): Promise<number> {
  // Unsent entries have sentAt null, which IndexedDB leaves out of the index:
  // two index counts instead of a scan of the whole log.
  const [all, sent] = await Promise.all([db.outbox.count(), db.outbox.where('sentAt').above('').count()]);
  return all - sent;
}
