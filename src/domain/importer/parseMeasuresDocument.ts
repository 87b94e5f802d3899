/**
 * Text of an ITA measures document (มาตรการส่งเสริมคุณธรรมและความโปร่งใส
 * ภายในหน่วยงาน) → an export document holding exactly one plan. Pure: no DOM,
 * no clock, no randomness; the export's id and time come in as options, and
 * the plan, measure and action ids are derived from the content, so parsing
 * the same document twice gives the same ids.
 */
import { catalogueFor } from '../catalogue/itaCatalogue';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument, type ExportMeasure } from '../exportDocument';
import { checkDocumentText, parseError, type ParseError } from './checkDocumentText';
import { checkIndicatorScores, fiscalYearFromPeriods } from './checkPlan';
import { finishMeasure } from './finishMeasure';
import { normaliseText } from './normaliseText';
import { parseConstraints } from './parseConstraints';
import { parseHeader } from './parseHeader';
import { parseMeasure, type MeasureDraft } from './parseMeasure';
import { createWarnings } from './planWarnings';
import { splitMeasures } from './splitMeasures';
import { measureId, planId } from './stableIds';

export type { ParseError } from './checkDocumentText';

export interface ParseOptions {
  /** UUID of the export document (the CLI passes a random one). */
  exportId: string;
  /** ISO instant of the export (the CLI passes the current time). */
  exportedAt: string;
  /** Called with 0…1 as measures are read, for a progress bar on large files. */
  onProgress?: (fraction: number) => void;
}

export type ParseResult = { ok: true; document: ExportDocument } | { ok: false; error: ParseError };

export function parseMeasuresDocument(text: string, opts: ParseOptions): ParseResult {
  const refused = checkDocumentText(text);
  if (refused) return { ok: false, error: refused };
  const lines = normaliseText(text);
  const parts = splitMeasures(lines);
  if (parts.measures.length === 0) return { ok: false, error: parseError('no-measures') };

  const header = parseHeader(lines, parts.headerEnd);
  const warnings = createWarnings();
  const catalogue = catalogueFor(header.assessmentYear ?? header.titleYear ?? 2566);

  const drafts: MeasureDraft[] = parts.measures.map((block, i) => {
    const body = lines.slice(block.start + 1, block.end);
    const draft = parseMeasure(block.heading, body, block.start + 1, catalogue, warnings);
    opts.onProgress?.((i + 1) / (parts.measures.length + 1));
    return draft;
  });
  if (!drafts.some((d) => d.actions.length > 0 || d.period !== null || d.responsibleLines.length > 0)) {
    return { ok: false, error: parseError('no-measures') };
  }

  // Years: the measures' periods say which fiscal year they are for; the ITA year is the one before it.
  const periodYear = fiscalYearFromPeriods(
    drafts.map((d) => ({ period: d.period }) as ExportMeasure),
    warnings,
  );
  const assessmentYear =
    header.assessmentYear ??
    (periodYear !== null && header.titleYear === periodYear ? periodYear - 1 : header.titleYear) ??
    (periodYear !== null ? periodYear - 1 : null);
  const fiscalYear =
    periodYear ??
    (header.titleYear !== null && header.titleYear !== assessmentYear ? header.titleYear : null) ??
    (assessmentYear !== null ? assessmentYear + 1 : null);
  if (assessmentYear === null || fiscalYear === null) return { ok: false, error: parseError('no-year') };
  if (periodYear === null)
    warnings.add('fiscal-year-guessed', `ไม่พบระยะเวลาดำเนินการ จึงถือว่ามาตรการเป็นของปีงบประมาณ ${fiscalYear}`);
  if (header.assessmentYear === null)
    warnings.add('assessment-year-guessed', `ไม่พบปีที่ประเมิน ITA ในเอกสาร จึงถือว่าเป็นปี ${assessmentYear}`);

  const agency = header.agency ?? { name: '', district: '', province: '' };
  if (!header.agency) warnings.add('agency-missing', 'ไม่พบชื่อหน่วยงานในส่วนหัวของเอกสาร', { line: 1 });
  const occurrences = new Map<number, number>();
  const measures = drafts.map((draft) => {
    const occurrence = occurrences.get(draft.number) ?? 0;
    occurrences.set(draft.number, occurrence + 1);
    if (occurrence > 0)
      warnings.add('duplicate-measure-number', `มาตรการที่ ${draft.number} มีมากกว่าหนึ่งครั้ง`, {
        measure: draft.number,
        line: draft.line,
      });
    const id = measureId(agency.name, fiscalYear, draft.number, occurrence);
    return finishMeasure(draft, id, catalogue, warnings);
  });
  checkIndicatorScores(
    measures,
    drafts.map((d) => d.indicators.map((p) => p.line)),
    warnings,
  );
  const constraints = parts.constraints
    ? parseConstraints(lines.slice(parts.constraints.start, parts.constraints.end))
    : [];
  opts.onProgress?.(1);

  return {
    ok: true,
    document: {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      id: opts.exportId,
      exportedAt: opts.exportedAt,
      plans: [
        {
          id: planId(agency.name, fiscalYear),
          agency,
          assessmentYear,
          fiscalYear,
          overallScore: header.overallScore,
          rating: header.rating,
          constraints,
          // In document order, so a reader can walk through them with the text beside.
          warnings: [...warnings.list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
          measures,
        },
      ],
    },
  };
}
