/**
 * A printable document as plain data: what the report and the measures
 * document say, in order, already worded and formatted (digits, dates). The
 * HTML and .docx renderers (src/report/) only lay it out, so print, Word and
 * the command line show the same rows: tests compare each output with this.
 */
import type { DigitStyle } from '../thaiFormat';

/** A run of text, or a link (evidence on a website, a Facebook post…). */
export type DocText = string | { text: string; href: string };

export interface DocCell {
  lines: DocText[];
  /** Columns this cell spans (a measure with nothing recorded: one cell for the rest of the row). */
  span?: number;
}

export interface DocRow {
  cells: DocCell[];
}

export interface DocColumn {
  label: string;
  /** Share of the table's width, in percent. */
  width: number;
}

export interface DocPhoto {
  sha256: string;
  caption: string;
  width: number | null;
  height: number | null;
}

/** One side of a signature block: its lines, the first one bold when it names the role. */
export interface SignatureColumn {
  lines: string[];
}

export type DocBlock =
  /** Centred, bold lines at the top. */
  | { kind: 'title'; lines: string[] }
  | { kind: 'heading'; text: string; pageBreakBefore?: boolean }
  | { kind: 'paragraph'; text: string; indent?: boolean }
  | { kind: 'table'; label: string; columns: DocColumn[]; rows: DocRow[] }
  | { kind: 'signatures'; columns: SignatureColumn[] }
  /** Photos two per row, each with its caption. */
  | { kind: 'photos'; photos: DocPhoto[] };

export interface DocModel {
  kind: 'report' | 'measures';
  /** The document's title, for the file's properties and the browser tab. */
  title: string;
  orientation: 'portrait' | 'landscape';
  /** Page numbers follow the same digits as the text. */
  digits: DigitStyle;
  /** Without extension: agency, what it is, period and the Bangkok date it was made. */
  fileName: string;
  blocks: DocBlock[];
}

export const textOf = (t: DocText): string => (typeof t === 'string' ? t : t.text);

/** A cell as one string, lines joined by newlines: how tests compare the outputs. */
export const cellText = (cell: DocCell): string => cell.lines.map(textOf).join('\n');

/** The tables' rows as text, header first: the content every output must show. */
export function tableRows(model: DocModel): string[][] {
  const rows: string[][] = [];
  for (const block of model.blocks) {
    if (block.kind !== 'table') continue;
    rows.push(block.columns.map((c) => c.label));
    for (const row of block.rows) rows.push(row.cells.map(cellText));
  }
  return rows;
}
