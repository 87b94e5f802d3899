/**
 * Next year's plan from this year's, the lock on last year's plan, and the
 * report's signature names.
 *
 * createNextYearPlan writes the new plan, its measures and actions in ONE
 * transaction with their change-log entries (writer.ts): all or nothing.
 * Offline it works the same and waits in the outbox. Two phones that make
 * it offline make the same ids (nextYearPlan.ts), so sync merges them into
 * one plan, field by field by HLC stamp, rather than two.
 *
 * unlockPlan / lockPlan are device-local (meta, not logged, not synced): a
 * deliberate unlock on this phone for a correction to last year's record.
 */
import { nextYearPlan, type NewAssessment } from '../domain/nextYearPlan';
import type { Action, Measure, ReportSignatures } from '../domain/types';
import { unlockedPlans, UNLOCKED_KEY } from './planLock';
import type { ItaDatabase } from './schema';
import { write, WriteError, type WriteDeps } from './writer';

const sameName = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

export function makeNextYearCommands(db: ItaDatabase, deps: WriteDeps) {
  async function setUnlocked(planId: string, unlocked: boolean): Promise<void> {
    await db.transaction('rw', db.meta, async () => {
      const list = (await unlockedPlans(db)).filter((id) => id !== planId);
      await db.meta.put({ key: UNLOCKED_KEY, value: unlocked ? [...list, planId] : list });
    });
  }

  return {
    /** Returns the new plan's id. Refused (Thai message) when next year's plan already exists. */
    async createNextYearPlan(planId: string, assessment: NewAssessment): Promise<string> {
      return write(db, deps, ['plans', 'measures', 'actions'], async (w) => {
        const plan = await db.plans.get(planId);
        if (!plan || plan.deletedAt) throw new WriteError('not_found', 'ไม่พบแผนนี้ อาจถูกลบไปแล้ว');
        const fiscalYear = plan.fiscalYear + 1;
        const existing = (await db.plans.where('fiscalYear').equals(fiscalYear).toArray()).find(
          (p) => !p.deletedAt && (p.previousPlanId === plan.id || sameName(p.agency.name, plan.agency.name)),
        );
        if (existing) {
          throw new WriteError(
            'invalid',
            `มีแผนปีงบประมาณ ${fiscalYear} ของ${existing.agency.name}ในเครื่องนี้แล้ว เปิดแผนนั้นแทนการสร้างใหม่`,
          );
        }
        const measures: Measure[] = await db.measures.where('planId').equals(plan.id).toArray();
        const actions: Action[] = await db.actions.where('planId').equals(plan.id).toArray();
        let records = nextYearPlan(plan, measures, actions, assessment);
        // The stable id is taken (a plan made and deleted before): the copy gets fresh ids.
        const taken =
          (await db.plans.get(records.plan.id)) ||
          (await db.measures.bulkGet(records.measures.map((m) => m.id))).some(Boolean) ||
          (await db.actions.bulkGet(records.actions.map((a) => a.id))).some(Boolean);
        if (taken) records = nextYearPlan(plan, measures, actions, assessment, deps.newId);
        await w.insert('plans', records.plan.fields, records.plan.id);
        for (const m of records.measures) await w.insert('measures', m.fields, m.id);
        for (const a of records.actions) await w.insert('actions', a.fields, a.id);
        return records.plan.id;
      });
    },

    /**
     * The names and positions that sign the report, kept on the plan so they
     * are typed once. A patch of one field: offline it waits in the outbox; on
     * conflict the later stamp wins. Refused on a locked plan like any edit.
     */
    async saveSignatures(planId: string, signatures: ReportSignatures): Promise<void> {
      await write(db, deps, ['plans'], (w) => w.patch('plans', planId, { signatures }));
    },

    unlockPlan: (planId: string) => setUnlocked(planId, true),
    lockPlan: (planId: string) => setUnlocked(planId, false),
  };
}

export type NextYearCommands = ReturnType<typeof makeNextYearCommands>;
