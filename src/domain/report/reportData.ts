/**
 * What a report is built from: one plan and its records, as the app reads
 * them from IndexedDB or the command line reads them from an export file.
 * Records carry `deletedAt`; the builders leave deleted ones out.
 */
import type { ValidExportDocument } from '../exportSchema';
import type { Action, Evidence, Measure, Meeting, Plan, Progress, QuarterlyRecord } from '../types';

type Row<T> = Omit<T, 'createdAt' | 'updatedAt' | 'stamps'>;

export interface ReportData {
  plan: Row<Plan>;
  measures: Row<Measure>[];
  actions: Row<Action>[];
  ticks: Row<Progress>[];
  meetings: Row<Meeting>[];
  records: Row<QuarterlyRecord>[];
  evidence: Row<Evidence>[];
}

export type ReportDataResult = { ok: true; data: ReportData } | { ok: false; message: string };

/**
 * One plan of an export document (the only one, or `planId`), with the
 * records that belong to it. Thai message when the plan cannot be chosen.
 */
export function reportDataFromExport(doc: ValidExportDocument, planId?: string): ReportDataResult {
  const plans = doc.plans.filter((p) => !p.deletedAt);
  const chosen = planId ? plans.find((p) => p.id === planId) : plans.length === 1 ? plans[0] : undefined;
  if (!chosen) {
    const list = plans.map((p) => `${p.id} (${p.agency.name} ปีงบประมาณ ${p.fiscalYear})`).join(', ');
    if (plans.length === 0) return { ok: false, message: 'ไฟล์นี้ไม่มีแผนมาตรการ' };
    return {
      ok: false,
      message: planId ? `ไม่พบแผน ${planId} ในไฟล์นี้ แผนที่มี: ${list}` : `ไฟล์นี้มีหลายแผน ระบุ --plan ID: ${list}`,
    };
  }
  const { measures: nested, ...planFields } = chosen;
  const live = { deletedAt: null };
  const plan = { ...live, ...planFields } as Row<Plan>;
  const measures: Row<Measure>[] = [];
  const actions: Row<Action>[] = [];
  for (const m of nested) {
    const { actions: as, ...measure } = m;
    measures.push({ ...live, ...measure, planId: plan.id } as Row<Measure>);
    for (const a of as) actions.push({ ...live, ...a, planId: plan.id, measureId: m.id } as Row<Action>);
  }
  const own = <T extends { planId: string }>(rows: readonly T[] | undefined) =>
    (rows ?? []).filter((r) => r.planId === plan.id).map((r) => ({ ...live, ...r }));
  return {
    ok: true,
    data: {
      plan,
      measures,
      actions,
      ticks: own(doc.progress) as Row<Progress>[],
      meetings: own(doc.meetings) as Row<Meeting>[],
      records: own(doc.quarterlyRecords) as Row<QuarterlyRecord>[],
      evidence: own(doc.evidence) as Row<Evidence>[],
    },
  };
}
