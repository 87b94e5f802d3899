/**
 * Saving an imported plan (from the parser or an export document): the plan,
 * its measures and their actions in ONE write transaction, each record with
 * its change-log/outbox entry (writer.ts). Either the whole plan is saved or
 * nothing is.
 *
 * Modes:
 * - `new`: the document's stable ids (UUIDv5, stableIds.ts) are kept, so a
 *   later import of the same document finds the same records. A plan with
 *   that id that was deleted comes back; one that is live is kept and the
 *   import gets fresh ids (the person renamed the agency in review).
 * - `replace`: updates the plan `replaceId` (default: the document's plan id)
 *   in place. Measures and actions are matched by id, else by number, and
 *   patched (the writer logs only fields that changed, so the same document
 *   again logs nothing); those no longer in the document are soft-deleted,
 *   deleted ones that are back are restored. Ticks point at action ids, so
 *   they stay attached to the actions that remain.
 * - `copy` ("keep both"): every record gets a fresh id.
 *
 * Offline: works the same; the entries wait in the outbox. On conflict with
 * another device (later, with sync): field by field, the newest stamp wins.
 */
import { checkExportPlan, INVALID_PLAN_MESSAGE } from '../domain/importer/checkExportPlan';
import type { ExportAction, ExportMeasure, ExportPlan } from '../domain/exportDocument';
import type { Action, ActionFields, Measure, MeasureFields, Plan, PlanFields } from '../domain/types';
import type { ItaDatabase } from './schema';
import { write, WriteError, type WriteDeps, type Writer } from './writer';

export type ImportMode = 'new' | 'replace' | 'copy';

export interface ImportResult {
  planId: string;
  /** What happened, for the toast. */
  mode: ImportMode;
}

const sameName = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

function planFields(plan: ExportPlan): PlanFields {
  return {
    agency: { ...plan.agency, name: plan.agency.name.trim() },
    assessmentYear: plan.assessmentYear,
    fiscalYear: plan.fiscalYear,
    overallScore: plan.overallScore,
    rating: plan.rating,
    constraints: plan.constraints,
    warnings: plan.warnings,
    // The catalogue the codes were read with; null (no table for the year) is kept too.
    ...(plan.catalogueYear !== undefined ? { catalogueYear: plan.catalogueYear } : {}),
  };
}

function measureFields(planId: string, m: ExportMeasure): MeasureFields {
  const fields: MeasureFields = {
    planId,
    number: m.number,
    title: m.title,
    items: m.items,
    indicators: m.indicators,
    findings: m.findings,
    responsible: m.responsible,
    period: m.period,
  };
  // Left out rather than stored as undefined, so a re-import compares equal.
  if (m.responsibleUnits) fields.responsibleUnits = m.responsibleUnits;
  if (m.budget !== undefined) fields.budget = m.budget;
  if (m.successIndicator !== undefined) fields.successIndicator = m.successIndicator;
  return fields;
}

const actionFields = (planId: string, measureId: string, a: ExportAction): ActionFields => ({
  planId,
  measureId,
  kind: a.kind,
  number: a.number,
  text: a.text,
});

/** Picks the existing record a document record updates: same id, else same key, each used once. */
function matcher<T extends { id: string; deletedAt: string | null }>(existing: T[], key: (r: T) => string) {
  const used = new Set<string>();
  const byId = new Map(existing.map((r) => [r.id, r]));
  return (id: string, k: string): T | undefined => {
    const same = byId.get(id);
    const found =
      same && !used.has(same.id)
        ? same
        : // Prefer a live record with the key, then a deleted one.
          (existing.find((r) => !used.has(r.id) && !r.deletedAt && key(r) === k) ??
          existing.find((r) => !used.has(r.id) && key(r) === k));
    if (found) used.add(found.id);
    return found;
  };
}

export function makeImportCommands(db: ItaDatabase, deps: WriteDeps) {
  /** Insert, or bring an existing record (restored if deleted) up to the given fields. */
  async function upsert(
    w: Writer,
    table: 'plans' | 'measures' | 'actions',
    existing: { id: string; deletedAt: string | null } | undefined,
    fields: object,
    id: string,
  ): Promise<void> {
    if (!existing) {
      await w.insert(table, fields, id);
      return;
    }
    if (existing.deletedAt) await w.restore(table, existing.id);
    await w.patch(table, existing.id, { ...fields });
  }

  /** An id for a new record: the document's when no record holds it yet, else a fresh one. */
  async function freeId(table: 'measures' | 'actions', wanted: string, fresh: boolean): Promise<string> {
    if (fresh || (await db.table(table).get(wanted))) return deps.newId();
    return wanted;
  }

  return {
    /**
     * Live plans of the same agency (name, ignoring spaces) and fiscal year:
     * what a re-import would duplicate. Read once before saving, not live.
     */
    async findPlanLike(agencyName: string, fiscalYear: number): Promise<Plan[]> {
      const plans = await db.plans.where('fiscalYear').equals(fiscalYear).toArray();
      return plans.filter((p) => !p.deletedAt && sameName(p.agency.name, agencyName));
    },

    /** Saves the plan in one transaction; see the module comment for the modes. */
    async importPlan(input: ExportPlan, mode: ImportMode, replaceId?: string): Promise<ImportResult> {
      const plan = checkExportPlan(input);
      if (!plan) throw new WriteError('invalid', INVALID_PLAN_MESSAGE);
      return write(db, deps, ['plans', 'measures', 'actions'], async (w) => {
        let target: Plan | undefined;
        let fresh = mode === 'copy';
        if (mode === 'replace') {
          target = (await db.plans.get(replaceId ?? plan.id)) ?? undefined;
          if (!target) throw new WriteError('not_found', 'ไม่พบแผนเดิมที่จะแทนที่ อาจถูกลบไปแล้ว');
        } else if (mode === 'new') {
          const same = await db.plans.get(plan.id);
          if (same?.deletedAt) target = same;
          else if (same) fresh = true;
        }
        const planId = target?.id ?? (fresh ? deps.newId() : plan.id);
        await upsert(w, 'plans', target, planFields(plan), planId);

        const oldMeasures: Measure[] = target
          ? await db.measures.where('planId').equals(target.id).toArray()
          : [];
        const oldActions: Action[] = target
          ? await db.actions.where('planId').equals(target.id).toArray()
          : [];
        const matchMeasure = matcher(oldMeasures, (m) => String(m.number));
        const kept = new Set<string>();

        for (const m of plan.measures) {
          const old = matchMeasure(m.id, String(m.number));
          const measureId = old?.id ?? (await freeId('measures', m.id, fresh));
          kept.add(measureId);
          await upsert(w, 'measures', old, measureFields(planId, m), measureId);
          const matchAction = matcher(
            oldActions.filter((a) => a.measureId === measureId),
            (a) => `${a.kind}|${a.number}`,
          );
          for (const a of m.actions) {
            const oldAction = matchAction(a.id, `${a.kind}|${a.number}`);
            const actionId = oldAction?.id ?? (await freeId('actions', a.id, fresh));
            kept.add(actionId);
            await upsert(w, 'actions', oldAction, actionFields(planId, measureId, a), actionId);
          }
        }
        // What the old plan had and the document no longer has is deleted softly (undo, history).
        for (const m of oldMeasures) if (!kept.has(m.id) && !m.deletedAt) await w.remove('measures', m.id);
        for (const a of oldActions) if (!kept.has(a.id) && !a.deletedAt) await w.remove('actions', a.id);
        return { planId, mode };
      });
    },
  };
}

export type ImportCommands = ReturnType<typeof makeImportCommands>;
