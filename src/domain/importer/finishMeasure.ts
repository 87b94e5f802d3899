/**
 * A parsed measure made into its export form: indicators checked, responsible
 * units split, stable ids given, and a warning for each part the document
 * left out (a measure with no steps or no period cannot be followed up).
 */
import type { ItaCatalogue } from '../catalogue/itaCatalogue';
import type { ExportAction, ExportMeasure } from '../exportDocument';
import type { ActionKind } from '../types';
import type { MeasureDraft } from './parseMeasure';
import type { Warnings } from './planWarnings';
import { placePeriod } from './parsePeriod';
import { resolveIndicators } from './resolveIndicators';
import { actionId } from './stableIds';

/** "๑. กองคลัง", "- กองช่าง", "กองคลัง และกองช่าง", "กองคลัง, สำนักปลัด" → one unit each. */
export function splitResponsible(lines: readonly string[]): string[] {
  return lines
    .flatMap((line) =>
      line.replace(/^(?:[-•*▪·]|\(?[0-9๐-๙]{1,2}\s*[.)])\s*/, '').split(/\s*[,;，]\s*|\s+และ\s*/),
    )
    .map((unit) => unit.trim())
    .filter((unit) => unit !== '');
}

const MISSING = {
  methods: ['measure-no-methods', 'ไม่พบวิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ'],
  steps: ['measure-no-steps', 'ไม่พบขั้นตอนหรือวิธีการปฏิบัติ'],
  responsible: ['measure-no-responsible', 'ไม่พบผู้รับผิดชอบ'],
  period: ['measure-no-period', 'ไม่พบระยะเวลาดำเนินการ'],
} as const;

export function finishMeasure(
  draft: MeasureDraft,
  id: string,
  catalogue: ItaCatalogue,
  fiscalYear: number,
  warnings: Warnings,
  /** The kinds of action the document lists in some measure: one missing from this measure is worth a warning. */
  documentKinds: ReadonlySet<ActionKind>,
): ExportMeasure {
  const m = draft.number;
  const where = { measure: m, line: draft.line };
  const actions = (kind: ActionKind) => draft.actions.filter((a) => a.kind === kind);
  // A document that lists only activities (or only methods) is not missing the other kind.
  const missing = (kind: ActionKind) =>
    actions(kind).length === 0 && (documentKinds.has(kind) || draft.actions.length === 0);
  if (missing('method')) warnings.add(MISSING.methods[0], `มาตรการที่ ${m}: ${MISSING.methods[1]}`, where);
  if (missing('step')) warnings.add(MISSING.steps[0], `มาตรการที่ ${m}: ${MISSING.steps[1]}`, where);
  if (draft.responsibleLines.length === 0)
    warnings.add(MISSING.responsible[0], `มาตรการที่ ${m}: ${MISSING.responsible[1]}`, where);
  if (!draft.period && !draft.sections.has('period'))
    warnings.add(MISSING.period[0], `มาตรการที่ ${m}: ${MISSING.period[1]}`, where);

  const seen = new Map<string, number>();
  const exportActions: ExportAction[] = draft.actions.map((a) => {
    const key = `${a.kind}|${a.number}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    if (occurrence > 0)
      warnings.add('duplicate-action-number', `ข้อ ${a.number} ซ้ำกันในมาตรการที่ ${m}`, {
        measure: m,
        line: a.line,
      });
    return { id: actionId(id, a.kind, a.number, occurrence), kind: a.kind, number: a.number, text: a.text };
  });

  const units = splitResponsible(draft.responsibleLines);
  const measure: ExportMeasure = {
    id,
    number: m,
    title: draft.title,
    items: draft.items,
    indicators: resolveIndicators(draft.indicators, { ...draft, measure: m }, catalogue, warnings),
    findings: draft.findings,
    responsible: draft.responsibleLines.join(' '),
    ...(units.length > 0 ? { responsibleUnits: units } : {}),
    period: draft.period ?? (draft.relativePeriod ? placePeriod(draft.relativePeriod, fiscalYear) : null),
    ...(draft.budget !== null ? { budget: draft.budget } : {}),
    ...(draft.successLines.length > 0 ? { successIndicator: draft.successLines.join('\n') } : {}),
    actions: exportActions,
  };
  return measure;
}
