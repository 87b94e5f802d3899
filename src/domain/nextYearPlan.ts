/**
 * "สร้างแผนปีถัดไป": next fiscal year's plan from this year's. Measures,
 * methods, steps, responsible units, budgets and periods (moved one year)
 * are copied; ticks and records are not. Last year's analysis (findings,
 * indicator scores) belonged to last year's assessment, so the copy starts
 * without them, waiting for the new result or the new document.
 *
 * Ids are the ones the importer would give next year's document of the same
 * agency (UUIDv5 of agency, year and numbers, stableIds.ts): two phones that
 * make the copy offline make the same records, which sync merges into one
 * plan, and importing the new document later updates this plan in place.
 */
import { actionId, measureId, planId } from './importer/stableIds';
import type { Action, ActionFields, Measure, MeasureFields, Period, Plan, PlanFields } from './types';

export interface NewAssessment {
  assessmentYear: number;
  overallScore: number | null;
  rating: string;
}

export interface NextYearRecords {
  plan: { id: string; fields: PlanFields };
  measures: { id: string; fields: MeasureFields }[];
  actions: { id: string; fields: ActionFields }[];
}

/** The same day a year later; 29 February becomes 28 February. */
export function nextYearDate(date: string): string {
  const [y, m, d] = date.split('-');
  const year = String(Number(y) + 1).padStart(4, '0');
  const leap = (n: number) => (n % 4 === 0 && n % 100 !== 0) || n % 400 === 0;
  const day = m === '02' && d === '29' && !leap(Number(year)) ? '28' : d;
  return `${year}-${m}-${day}`;
}

const nextPeriod = (p: Period | null): Period | null =>
  p ? { start: nextYearDate(p.start), end: nextYearDate(p.end) } : null;

/** `fresh` gives new ids instead, when the stable ones are already taken on this device. */
export function nextYearPlan(
  plan: Plan,
  measures: readonly Measure[],
  actions: readonly Action[],
  assessment: NewAssessment,
  fresh?: () => string,
): NextYearRecords {
  const fiscalYear = plan.fiscalYear + 1;
  const name = plan.agency.name;
  const newPlanId = fresh ? fresh() : planId(name, fiscalYear);
  const fields: PlanFields = {
    agency: { ...plan.agency },
    assessmentYear: assessment.assessmentYear,
    fiscalYear,
    overallScore: assessment.overallScore,
    rating: assessment.rating,
    constraints: [...plan.constraints],
    warnings: [],
    previousPlanId: plan.id,
  };
  if (plan.catalogueYear !== undefined) fields.catalogueYear = plan.catalogueYear;
  if (plan.signatures) fields.signatures = { ...plan.signatures };

  const liveMeasures = measures.filter((m) => !m.deletedAt).sort((a, b) => a.number - b.number);
  const seen = new Map<number, number>();
  const outMeasures: NextYearRecords['measures'] = [];
  const outActions: NextYearRecords['actions'] = [];
  for (const m of liveMeasures) {
    const occurrence = seen.get(m.number) ?? 0;
    seen.set(m.number, occurrence + 1);
    const id = fresh ? fresh() : measureId(name, fiscalYear, m.number, occurrence);
    const mf: MeasureFields = {
      planId: newPlanId,
      number: m.number,
      title: m.title,
      items: m.items.map((i) => ({ ...i })),
      indicators: m.indicators.map((i) => ({ number: i.number, name: i.name, score: null })),
      findings: [],
      responsible: m.responsible,
      period: nextPeriod(m.period),
    };
    if (m.responsibleUnits) mf.responsibleUnits = [...m.responsibleUnits];
    if (m.budget !== undefined) mf.budget = m.budget;
    if (m.successIndicator !== undefined) mf.successIndicator = m.successIndicator;
    outMeasures.push({ id, fields: mf });
    const numbers = new Map<string, number>();
    for (const a of actions.filter((x) => x.measureId === m.id && !x.deletedAt)) {
      const key = `${a.kind}|${a.number}`;
      const n = numbers.get(key) ?? 0;
      numbers.set(key, n + 1);
      outActions.push({
        id: fresh ? fresh() : actionId(id, a.kind, a.number, n),
        fields: { planId: newPlanId, measureId: id, kind: a.kind, number: a.number, text: a.text },
      });
    }
  }
  return { plan: { id: newPlanId, fields }, measures: outMeasures, actions: outActions };
}
