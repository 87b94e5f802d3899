/**
 * Text clean-up before any parsing. Real documents arrive from Word, PDFs and
 * OCR with CRLF, non-breaking and zero-width spaces, stray Devanagari marks
 * in place of Thai ones (ita-reference.md §8), and Thai digits. Each line is
 * kept in three forms so that matching can be lenient while what we store
 * stays as printed.
 */
import { foldSaraAm } from '../thaiText/foldThai';
import { toArabicDigits } from '../thaiFormat';

export interface Line {
  /** 1-based line number in the input, for warnings. */
  no: number;
  /** Cleaned text as printed: tabs and space runs collapsed to one space, trimmed; Thai digits kept. */
  text: string;
  /**
   * `text` with Thai digits made Arabic and ำ folded to า (foldThai.ts), for
   * matching only. Same length as `text`, so indices carry over; anything
   * kept is sliced from `text`.
   */
  key: string;
  /** `key` lower-cased without any spaces, for keyword tests that survive "บริหาร ส่วน ตำบล". */
  compact: string;
  /** The tab-separated cells (cleaned, trimmed) when the line had tabs, else null. */
  cells: string[] | null;
  /** Each cell's paragraphs, where a Word table cell held several (a list of steps); else one each. */
  paragraphs: string[][] | null;
  /** A whole paragraph of a table cell: never the wrapped rest of the line before. */
  whole?: boolean;
}

// Invisible characters that only break matching: zero-width spaces/joiners, BOM, soft hyphen.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Spaces of other widths, including the non-breaking space Word and PDFs use.
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
// Control characters other than tab and line breaks (form feeds between PDF pages, NULs).
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
// Devanagari look-alikes seen in Thai OCR output ("พัสดुराย"), mapped to the Thai letters they replace.
const DEVANAGARI: Record<string, string> = {
  '\u0941': '\u0E38', // ु → ุ
  '\u0942': '\u0E39', // ू → ู
  '\u093F': '\u0E34', // ि → ิ
  '\u0940': '\u0E35', // ी → ี
  '\u0930': '\u0E23', // र → ร
  '\u0902': '\u0E4D', // ं → ํ
};

/** Character-level clean-up of the whole text (line breaks kept). */
export function cleanCharacters(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(ODD_SPACES, ' ')
    .replace(CONTROLS, '')
    .replace(/[\u0900-\u097F]/g, (ch) => DEVANAGARI[ch] ?? '');
}

function collapse(text: string): string {
  return text.replace(/[ \t]+/g, ' ').trim();
}

/** `key` lower-cased without spaces. */
export function compactKey(text: string): string {
  return toArabicDigits(text).replace(/\s+/g, '').toLowerCase();
}

/** Between paragraphs of one table cell (extractDocumentText's CELL_BREAK). */
const CELL_BREAK = /\u2063/g;

/** One line's forms, for text that is a line of its own (a paragraph of a cell). */
export function lineOf(no: number, raw: string, whole = false): Line {
  const display = collapse(raw.replace(CELL_BREAK, ' '));
  const key = foldSaraAm(toArabicDigits(display));
  const cells = raw.includes('\t') ? raw.split('\t') : null;
  return {
    no,
    text: display,
    key,
    compact: key.replace(/\s+/g, '').toLowerCase(),
    cells: cells?.map((c) => collapse(c.replace(CELL_BREAK, ' '))) ?? null,
    paragraphs: cells?.map((c) => c.split(CELL_BREAK).map(collapse).filter(Boolean)) ?? null,
    ...(whole ? { whole } : {}),
  };
}

export function normaliseText(text: string): Line[] {
  const raw = cleanCharacters(text).split(/\r\n|\r|\n|\u2028|\u2029/);
  return raw.map((line, index) => lineOf(index + 1, line));
}
