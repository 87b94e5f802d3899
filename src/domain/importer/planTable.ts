/**
 * A plan written as one big table (a Word document whose every measure is a
 * row: ที่ | มาตรการ | วิธีการดำเนินการ | ผู้รับผิดชอบ | ระยะเวลา | งบประมาณ |
 * ตัวชี้วัด…) rewritten as the sections the parser reads elsewhere: a
 * "มาตรการที่ N" heading per row, then each column's header and its
 * paragraphs as lines. The rest of the parser then treats it as any other
 * document; the lines keep the row's number for warnings.
 */
import { classifyColumn, type SectionName } from './classifyLine';
import { lineOf, type Line } from './normaliseText';
import { parseBudget } from './parseBudget';

type Column = SectionName | 'measure' | 'number' | null;

/** A header row: a measure column and at least two columns the parser has sections for. */
function headerColumns(line: Line): Column[] | null {
  if (!line.cells || line.cells.length < 3) return null;
  const columns = line.cells.map(classifyColumn);
  const sections = columns.filter((c) => c !== null && c !== 'measure' && c !== 'number');
  return columns.includes('measure') && sections.length >= 2 ? columns : null;
}

interface Row {
  no: number;
  cells: string[][];
}

function rowAsLines(row: Row, columns: Column[], headers: string[], index: number): Line[] {
  const at = (kind: Column) => columns.indexOf(kind);
  const measure = row.cells[at('measure')]?.join(' ') ?? '';
  const printed = /^\(?([0-9๐-๙]{1,2})\s*[.)]\s*/.exec(measure);
  const numberCell = at('number') >= 0 ? (row.cells[at('number')]?.join(' ') ?? '') : '';
  const number = /^[0-9๐-๙]{1,2}$/.test(numberCell.trim())
    ? numberCell.trim()
    : (printed?.[1] ?? String(index + 1));
  const title = printed ? measure.slice(printed[0].length) : measure;
  const out = [lineOf(row.no, `มาตรการที่ ${number} ${title}`)];
  columns.forEach((column, i) => {
    if (column === null || column === 'measure' || column === 'number') return;
    const paragraphs = row.cells[i] ?? [];
    if (paragraphs.length === 0) return;
    out.push(lineOf(row.no, headers[i] ?? ''), ...paragraphs.map((p) => lineOf(row.no, p, true)));
  });
  return out;
}

/**
 * A row that continues the measure above (its measure cell merged down, one
 * activity a row): its activities join the measure's, the same period is
 * not repeated, and the activities' budgets add up.
 */
function mergeRow(row: Row, cells: string[][], columns: Column[]): void {
  cells.forEach((paragraphs, k) => {
    const own = row.cells[k] ?? [];
    if (columns[k] === 'budget') {
      const amounts = [...own, ...paragraphs].map(parseBudget);
      if (amounts.every((a) => a !== null)) {
        row.cells[k] = [String(amounts.reduce((s, a) => s + (a ?? 0), 0))];
        return;
      }
    }
    const fresh = columns[k] === 'period' ? paragraphs.filter((p) => !own.includes(p)) : paragraphs;
    row.cells[k] = [...own, ...fresh];
  });
}

export function rewritePlanTables(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const columns = headerColumns(line);
    if (!columns) {
      out.push(line);
      continue;
    }
    const headers = (line.cells ?? []).map((c) => c.replace(/\s*\(.*$/, ''));
    const rows: Row[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = lines[j] as Line;
      if (!next.paragraphs) break;
      const cells = next.paragraphs;
      const last = rows[rows.length - 1];
      // A row with no measure and no number continues the one above (a row split across pages).
      const opens = (cells[columns.indexOf('measure')] ?? []).length > 0;
      if (!opens && last) mergeRow(last, cells, columns);
      else rows.push({ no: next.no, cells: cells.map((c) => [...c]) });
    }
    rows.forEach((row, index) => out.push(...rowAsLines(row, columns, headers, index)));
    i = j - 1;
  }
  return out;
}
