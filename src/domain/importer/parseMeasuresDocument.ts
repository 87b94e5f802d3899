/**
 * Text of an ITA measures document (มาตรการส่งเสริมคุณธรรมและความโปร่งใส
 * ภายในหน่วยงาน) → an export document holding exactly one plan. Pure: no DOM,
 * no clock, no randomness; the export's id and time come in as options, and
 * the plan, measure and action ids are derived from the content, so parsing
 * the same document twice gives the same ids.
 */
import { catalogueFor, noCatalogue, type ItaCatalogue } from '../catalogue/itaCatalogue';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument, type ExportMeasure } from '../exportDocument';
import { checkDocumentText, parseError, type ParseError } from './checkDocumentText';
import { checkIndicatorScores, fiscalYearFromPeriods } from './checkPlan';
import { finishMeasure } from './finishMeasure';
import { cleanCharacters, normaliseText, type Line } from './normaliseText';
import { parseConstraints } from './parseConstraints';
import { parseHeader, type Header } from './parseHeader';
import { parseMeasure, type MeasureDraft } from './parseMeasure';
import { rewritePlanTables } from './planTable';
import { createWarnings, type Warnings } from './planWarnings';
import { splitMeasures, type DocumentParts } from './splitMeasures';
import { measureId, planId } from './stableIds';
import { repairThaiText, type TextRepair } from '../thaiText/repairThaiText';

export type { ParseError } from './checkDocumentText';

export interface ParseOptions {
  /** UUID of the export document (the CLI passes a random one). */
  exportId: string;
  /** ISO instant of the export (the CLI passes the current time). */
  exportedAt: string;
  /** Called with 0…1 as measures are read, for a progress bar on large files. */
  onProgress?: (fraction: number) => void;
  /**
   * Read item codes with this year's catalogue instead of the document's own
   * year (the review screen's choice); null reads with none, keeping every
   * code as written.
   */
  catalogueYear?: number | null;
}

export type ParseResult =
  | {
      ok: true;
      document: ExportDocument;
      /** What the text repair changed before parsing (ำ restored, glyphs mapped), for the review. */
      repairs: TextRepair[];
    }
  | { ok: false; error: ParseError };

export function parseMeasuresDocument(text: string, opts: ParseOptions): ParseResult {
  const refused = checkDocumentText(text);
  if (refused) return { ok: false, error: refused };
  // Mend what PDFs do to Thai first (lost ำ, glyph codes), so every keyword below is found.
  const { text: repaired, repairs } = repairThaiText(cleanCharacters(text));
  const lines = rewritePlanTables(normaliseText(repaired));
  const parts = splitMeasures(lines);
  if (parts.measures.length === 0) return { ok: false, error: parseError('no-measures') };

  const header = parseHeader(lines, parts.headerEnd);
  const chosen = (year: number): ItaCatalogue =>
    opts.catalogueYear === undefined
      ? catalogueFor(year)
      : opts.catalogueYear === null
        ? noCatalogue(year)
        : catalogueFor(opts.catalogueYear);

  // Measures are read with the catalogue of the year the header names; when the
  // periods show another assessment year with another catalogue, they are read again.
  let catalogue = chosen(header.assessmentYear ?? header.titleYear ?? 2566);
  let read = readMeasures(lines, parts, catalogue, opts);
  if (!read) return { ok: false, error: parseError('no-measures') };
  let years = documentYears(header, read.drafts, read.warnings);
  const settled = years ? chosen(years.assessmentYear) : catalogue;
  if (settled.year !== catalogue.year || settled.status !== catalogue.status) {
    catalogue = settled;
    read = readMeasures(lines, parts, catalogue, opts) ?? read;
    years = documentYears(header, read.drafts, read.warnings);
  }
  if (!years) return { ok: false, error: parseError('no-year') };
  const { drafts, warnings } = read;
  const { assessmentYear, fiscalYear } = years;
  noteCatalogue(catalogue, assessmentYear, warnings);

  const agency = header.agency ?? { name: '', district: '', province: '' };
  if (!header.agency) warnings.add('agency-missing', 'ไม่พบชื่อหน่วยงานในส่วนหัวของเอกสาร', { line: 1 });
  const occurrences = new Map<number, number>();
  const kinds = new Set(drafts.flatMap((d) => d.actions.map((a) => a.kind)));
  const measures = drafts.map((draft) => {
    const occurrence = occurrences.get(draft.number) ?? 0;
    occurrences.set(draft.number, occurrence + 1);
    if (occurrence > 0)
      warnings.add('duplicate-measure-number', `มาตรการที่ ${draft.number} มีมากกว่าหนึ่งครั้ง`, {
        measure: draft.number,
        line: draft.line,
      });
    const id = measureId(agency.name, fiscalYear, draft.number, occurrence);
    return finishMeasure(draft, id, catalogue, fiscalYear, warnings, kinds);
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
    repairs,
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
          catalogueYear: catalogue.status === 'none' ? null : catalogue.year,
          constraints,
          // In document order, so a reader can walk through them with the text beside.
          warnings: [...warnings.list].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
          measures,
        },
      ],
    },
  };
}

interface ReadMeasures {
  drafts: MeasureDraft[];
  warnings: Warnings;
}

function readMeasures(
  lines: readonly Line[],
  parts: DocumentParts,
  catalogue: ItaCatalogue,
  opts: ParseOptions,
): ReadMeasures | null {
  const warnings = createWarnings();
  const drafts: MeasureDraft[] = parts.measures.map((block, i) => {
    const body = lines.slice(block.start + 1, block.end);
    const draft = parseMeasure(block.heading, body, block.start + 1, catalogue, warnings);
    opts.onProgress?.((i + 1) / (parts.measures.length + 1));
    return draft;
  });
  if (!drafts.some((d) => d.actions.length > 0 || d.period !== null || d.responsibleLines.length > 0)) {
    return null;
  }
  return { drafts, warnings };
}

/** The measures' fiscal year from their periods; the ITA year is the one before it. */
function documentYears(
  header: Header,
  drafts: readonly MeasureDraft[],
  warnings: Warnings,
): { assessmentYear: number; fiscalYear: number } | null {
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
  if (assessmentYear === null || fiscalYear === null) return null;
  if (periodYear === null)
    warnings.add('fiscal-year-guessed', `ไม่พบระยะเวลาดำเนินการ จึงถือว่ามาตรการเป็นของปีงบประมาณ ${fiscalYear}`);
  if (header.assessmentYear === null)
    warnings.add('assessment-year-guessed', `ไม่พบปีที่ประเมิน ITA ในเอกสาร จึงถือว่าเป็นปี ${assessmentYear}`);
  return { assessmentYear, fiscalYear };
}

/** One notice for the whole plan when its codes are kept as written, never one per item. */
function noteCatalogue(catalogue: ItaCatalogue, assessmentYear: number, warnings: Warnings): void {
  if (catalogue.status === 'provisional') {
    warnings.add(
      'catalogue-provisional',
      `เกณฑ์ ITA ปี ${catalogue.year} ในแอปเป็นฉบับชั่วคราว (รวบรวมจากเว็บไซต์หน่วยงาน ยังไม่ได้ตรวจกับคู่มือของสำนักงาน ป.ป.ช.) จึงเก็บรหัสข้อและข้อความตามที่เอกสารเขียน`,
    );
  } else if (catalogue.status === 'none') {
    warnings.add(
      'catalogue-unknown-year',
      `ยังไม่มีเกณฑ์ ITA ปี ${catalogue.year} ในแอป จึงเก็บรหัสข้อและข้อความตามที่เอกสารเขียน เลือกปีเกณฑ์อื่นได้ที่หน้าตรวจทาน`,
    );
  } else if (catalogueFor(assessmentYear) !== catalogue) {
    // The person chose another year's table on the review screen.
    warnings.add(
      'catalogue-other-year',
      `อ่านรหัสข้อด้วยเกณฑ์ ITA ปี ${catalogue.year} ซึ่งไม่ใช่ปีของเอกสาร (${assessmentYear}) กรุณาตรวจรหัสข้อ`,
    );
  }
}
