/**
 * The strengths/weaknesses table: แบบวัด | ตัวชี้วัด | ข้อคำถาม | คะแนน | การวิเคราะห์,
 * tab separated. Real tables wrap cells onto following lines (which start
 * with tabs), leave the tool and indicator cells empty to mean "as above",
 * and carry stray rule lines; rows are read by content (which cell holds the
 * code, which the score) rather than by strict column position.
 */
import {
  catalogueIndicator,
  catalogueItem,
  instrumentOfCode,
  type ItaCatalogue,
} from '../catalogue/itaCatalogue';
import type { Finding, FindingKind, Instrument } from '../types';
import { isSeparator, isTableHeader } from './classifyLine';
import type { Line } from './normaliseText';
import { quote, type Warnings } from './planWarnings';
import { readCodeToken, resolveItemCode } from './resolveItemCode';
import { toArabicDigits } from '../thaiFormat';

interface Columns {
  item: number;
  analysis: number;
}

interface Row {
  line: number;
  instrument: string;
  indicator: string;
  raw: string;
  item: string;
  score: string;
  analysis: string;
}

export interface FindingsTable {
  kind: FindingKind | null;
  columns: Columns;
  rows: Row[];
}

const DEFAULT_COLUMNS: Columns = { item: 2, analysis: 4 };
const SCORE = /^\d{1,3}(?:\.\d+)?$/;

export function startFindingsTable(kind: FindingKind | null, header: Line | null): FindingsTable {
  const columns = { ...DEFAULT_COLUMNS };
  header?.cells?.forEach((cell, i) => {
    const c = cell.replace(/\s+/g, '');
    if (/^ข้อ/.test(c)) columns.item = i;
    if (c.includes('วิเคราะห์')) columns.analysis = i;
  });
  return { kind, columns, rows: [] };
}

const append = (a: string, b: string) => (a && b ? `${a} ${b}` : a || b);

/** Adds a line to the table; false when the line is not part of it (the table has ended). */
export function addTableLine(table: FindingsTable, line: Line, warnings: Warnings, measure: number): boolean {
  if (line.text === '' || isSeparator(line)) return true;
  if (isTableHeader(line)) return true; // repeated on a new page
  if (!line.cells) return false;
  const cells = line.cells;
  const keys = cells.map(toArabicDigits);
  const codeAt = cells.findIndex((cell, i) => {
    const token = readCodeToken(cell, keys[i] as string);
    return token !== null && (token.letter !== null || cell.slice(token.end).trim() !== '');
  });
  if (codeAt < 0) {
    const last = table.rows[table.rows.length - 1];
    if (!last) {
      warnings.add('unplaced-line', `บรรทัดในตารางไม่มีรหัสข้อ: ${quote(line.text)}`, { measure, line: line.no });
      return true;
    }
    // A wrapped cell: each non-empty cell continues the field of its column.
    cells.forEach((cell, i) => {
      if (!cell) return;
      if (SCORE.test(toArabicDigits(cell)) && !last.score) last.score = cell;
      else if (i === table.columns.item) last.item = append(last.item, cell);
      else last.analysis = append(last.analysis, cell);
    });
    return true;
  }
  const before = cells.slice(0, codeAt);
  const codeCell = cells[codeAt] as string;
  const token = readCodeToken(codeCell, keys[codeAt] as string);
  const after = cells.slice(codeAt + 1).filter((c) => c !== '');
  const scoreAt = after.findIndex((c) => SCORE.test(toArabicDigits(c)));
  table.rows.push({
    line: line.no,
    instrument: before.find((c) => /^(?:IIT|EIT|OIT)/i.test(c)) ?? '',
    indicator: before.find((c) => /ตัวชี้วัด|^[0-9๐-๙]{1,2}$/.test(c)) ?? '',
    raw: codeCell,
    item: codeCell.slice(token?.end ?? 0).trim(),
    score: scoreAt >= 0 ? (after[scoreAt] as string) : '',
    analysis: after.filter((_, i) => i !== scoreAt).join(' '),
  });
  return true;
}

export function finishFindingsTable(
  table: FindingsTable,
  catalogue: ItaCatalogue,
  warnings: Warnings,
  measure: number,
): Finding[] {
  let instrument: Instrument | null = null;
  let indicator: number | null = null;
  return table.rows.map((row) => {
    const token = readCodeToken(row.raw, toArabicDigits(row.raw));
    const resolved = token ? resolveItemCode(token, row.item, catalogue) : { code: '' };
    if (resolved.warning)
      warnings.add(resolved.warning.code, resolved.warning.message, {
        measure,
        line: row.line,
        item: resolved.code,
      });
    const item = catalogueItem(catalogue, resolved.code);
    const printedIndicator = /(\d{1,2})/.exec(toArabicDigits(row.indicator));
    // Empty tool and indicator cells mean "same as the row above".
    if (printedIndicator) indicator = Number(printedIndicator[1]);
    else if (indicator === null) indicator = item?.indicator ?? null;
    const printedInstrument = /^(IIT|EIT|OIT)/i.exec(row.instrument);
    if (printedInstrument) instrument = (printedInstrument[1] as string).toUpperCase() as Instrument;
    else if (instrument === null)
      instrument =
        (indicator !== null ? catalogueIndicator(catalogue, indicator)?.instrument : undefined) ??
        instrumentOfCode(resolved.code) ??
        'IIT';
    if (item && (item.indicator !== indicator || instrumentOfCode(item.code) !== instrument)) {
      warnings.add(
        'finding-indicator-mismatch',
        `ข้อ ${item.code} อยู่ในตัวชี้วัดที่ ${item.indicator} (${instrumentOfCode(item.code)}) แต่ตารางระบุ ${instrument} ตัวชี้วัดที่ ${indicator ?? '-'}: เก็บตามที่ตารางระบุ`,
        { measure, line: row.line },
      );
    }
    const score = toArabicDigits(row.score);
    const finding: Finding = {
      kind: table.kind,
      instrument,
      indicator,
      code: resolved.code,
      text: row.item,
      score: SCORE.test(score) ? Number(score) : null,
      analysis: row.analysis,
    };
    if (resolved.printed) finding.printed = resolved.printed;
    if (!token) warnings.add('unplaced-line', `อ่านรหัสข้อไม่ได้: ${quote(row.raw)}`, { measure, line: row.line });
    return finding;
  });
}
