/**
 * Is this value a plan of the export document (contracts.md)? Checked before
 * an import writes anything, so a damaged draft or a hand-edited file is
 * refused as a whole with a Thai message instead of saving half a plan.
 */
import * as v from 'valibot';
import type { ExportPlan } from '../exportDocument';

const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const year = v.pipe(v.number(), v.integer(), v.minValue(2400), v.maxValue(2800));
const id = v.pipe(v.string(), v.nonEmpty());

const actionSchema = v.object({
  id,
  kind: v.picklist(['method', 'step']),
  number: v.string(),
  text: v.string(),
});

const measureSchema = v.object({
  id,
  number: v.pipe(v.number(), v.integer(), v.minValue(0)),
  title: v.string(),
  items: v.array(v.object({ code: v.string(), text: v.string(), printed: v.optional(v.string()) })),
  indicators: v.array(
    v.object({
      number: v.number(),
      name: v.string(),
      score: v.nullable(v.number()),
      printed: v.optional(v.string()),
    }),
  ),
  findings: v.array(
    v.object({
      kind: v.nullable(v.picklist(['strength', 'weakness'])),
      instrument: v.picklist(['IIT', 'EIT', 'OIT']),
      indicator: v.nullable(v.number()),
      code: v.string(),
      text: v.string(),
      score: v.nullable(v.number()),
      analysis: v.string(),
      printed: v.optional(v.string()),
    }),
  ),
  responsible: v.string(),
  responsibleUnits: v.optional(v.array(v.string())),
  period: v.nullable(v.object({ start: isoDate, end: isoDate })),
  actions: v.array(actionSchema),
});

const planSchema = v.object({
  id,
  agency: v.object({
    name: v.pipe(v.string(), v.trim(), v.nonEmpty()),
    district: v.string(),
    province: v.string(),
  }),
  assessmentYear: year,
  fiscalYear: year,
  overallScore: v.nullable(v.number()),
  rating: v.string(),
  constraints: v.array(v.string()),
  warnings: v.array(
    v.object({
      code: v.string(),
      message: v.string(),
      measure: v.optional(v.number()),
      line: v.optional(v.number()),
    }),
  ),
  measures: v.array(measureSchema),
});

export const INVALID_PLAN_MESSAGE = 'ข้อมูลแผนที่จะนำเข้าไม่ถูกต้องหรือไม่ครบ จึงไม่ได้บันทึกสิ่งใด กรุณาเปิดเอกสารใหม่อีกครั้ง';

/** The plan when it has the export format's shape, otherwise null. */
export function checkExportPlan(value: unknown): ExportPlan | null {
  const result = v.safeParse(planSchema, value);
  return result.success ? (value as ExportPlan) : null;
}
