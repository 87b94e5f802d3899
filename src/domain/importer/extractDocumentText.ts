/**
 * Text out of the files people actually have: plain text (UTF-8 or UTF-16),
 * Word .docx (through mammoth's HTML, because its raw text flattens tables:
 * stack.md trap 13) and PDF (pdf.js's text layer). The type is read from the
 * bytes, never from the file name. Tables come out as tab-separated rows,
 * which is what the parser reads.
 *
 * Pure: the libraries come in as loaders, so the command line passes Node
 * builds (pdf.js legacy for Node 20, trap 12) and the app passes browser
 * builds, lazy-loaded and precached, without either importing the other.
 */
import { looksGarbledThai, parseError, type ParseError } from './checkDocumentText';
import { pdfLinesToText, type PdfTextItem } from './pdfTextLines';

export type DocumentKind = 'docx' | 'pdf' | 'text' | 'binary';

export type Extracted =
  { ok: true; kind: DocumentKind; text: string } | { ok: false; kind: DocumentKind; error: ParseError };

/** The part of pdf.js we use. */
export interface PdfjsLike {
  getDocument(params: {
    data: Uint8Array;
    isEvalSupported?: boolean;
    disableFontFace?: boolean;
    useSystemFonts?: boolean;
    verbosity?: number;
  }): {
    promise: Promise<{
      numPages: number;
      getPage(n: number): Promise<{ getTextContent(): Promise<{ items: readonly object[] }> }>;
    }>;
    destroy(): Promise<void>;
  };
}

/**
 * Between two paragraphs of one table cell (U+2063, invisible separator):
 * the parser reads a cell's list of steps one by one, and shows the cell as
 * one line elsewhere.
 */
export const CELL_BREAK = '\u2063';

/** .docx bytes → mammoth's HTML (Node's mammoth takes `{ buffer }`, its browser build `{ arrayBuffer }`). */
export type DocxToHtml = (bytes: Uint8Array) => Promise<string>;

export interface DocumentLibraries {
  loadDocx(): Promise<DocxToHtml>;
  loadPdfjs(): Promise<PdfjsLike>;
}

/** The reader could not be loaded (offline before it was ever cached): not the file's fault. */
export const LIBRARY_ERROR: ParseError = {
  code: 'library',
  message: 'เปิดตัวอ่านไฟล์ไม่ได้ กรุณาเชื่อมต่ออินเทอร์เน็ตแล้วลองใหม่ หรือคัดลอกข้อความมาวางแทน',
};

export interface ExtractOptions {
  /** 0…1 as PDF pages are read. */
  onProgress?: (fraction: number) => void;
}

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

export function detectKind(bytes: Uint8Array): DocumentKind {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return 'docx';
  // "%PDF-" may follow a little junk, which readers tolerate.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  return decodeText(bytes) === null ? 'binary' : 'text';
}

/** UTF-8 (strict) or UTF-16 with a byte-order mark; null for anything else. */
export function decodeText(bytes: Uint8Array): string | null {
  try {
    if (startsWith(bytes, 0xff, 0xfe)) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    if (startsWith(bytes, 0xfe, 0xff)) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#')
      return String.fromCodePoint(
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
      );
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * mammoth's HTML → lines: a paragraph per line, a table row per line with
 * its cells joined by tabs (paragraphs inside a cell joined by spaces, merged
 * cells padded so columns stay aligned, cells merged down left empty in the
 * rows under them, its paragraphs apart by CELL_BREAK),
 * list items as "- " bullets since
 * Word's automatic numbers are not text.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let row: string[] | null = null;
  let cell: string | null = null;
  let span = 1;
  let down = 1;
  // Columns a cell above still covers (rowspan): the rows under it have no cell there.
  const rowSpans: number[] = [];
  /** Empty cells where cells above reach down, up to column `until`. */
  const skipMerged = (row: string[], until: number) => {
    while (row.length < until && (rowSpans[row.length] ?? 0) > 0) {
      rowSpans[row.length]!--;
      row.push('');
    }
  };
  const flush = () => {
    if (line.trim() !== '') lines.push(line.trim());
    line = '';
  };
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi)) {
    const [, close, rawTag, attrs, text] = m;
    if (text !== undefined) {
      if (cell !== null) cell += decodeEntities(text);
      else line += decodeEntities(text);
      continue;
    }
    const tag = (rawTag as string).toLowerCase();
    const block = /^(?:p|h[1-6]|li|br)$/.test(tag);
    if (tag === 'tr') {
      if (!close) row = [];
      else if (row) {
        skipMerged(row, rowSpans.length);
        lines.push(row.join('\t'));
        row = null;
      }
    } else if (tag === 'td' || tag === 'th') {
      if (!close) {
        cell = '';
        span = Number(/colspan="?(\d+)/i.exec(attrs ?? '')?.[1] ?? 1);
        down = Number(/rowspan="?(\d+)/i.exec(attrs ?? '')?.[1] ?? 1);
      } else if (row && cell !== null) {
        skipMerged(row, Number.POSITIVE_INFINITY);
        const at = row.length;
        row.push(
          cell
            .replace(/\s+/g, ' ')
            .replace(/\s*\u2063[\s\u2063]*/g, CELL_BREAK)
            .replace(/^\u2063|\u2063$/g, '')
            .trim(),
          ...Array<string>(Math.max(0, span - 1)).fill(''),
        );
        for (let c = at; c < row.length; c++) rowSpans[c] = down - 1;
        cell = null;
      }
    } else if (tag === 'table') {
      rowSpans.length = 0;
      if (!close) flush();
    } else if (block) {
      // Paragraphs inside a cell stay apart (a list of steps in one cell), marked by CELL_BREAK.
      if (cell !== null) cell += cell.trim() === '' || !close ? ' ' : CELL_BREAK;
      else if (close || tag === 'br') flush();
      else {
        flush();
        if (tag === 'li') line = '- ';
      }
    }
  }
  flush();
  return lines.join('\n');
}

export async function pdfToText(
  pdfjs: PdfjsLike,
  bytes: Uint8Array,
  onProgress?: (fraction: number) => void,
): Promise<string> {
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of (detaches) the buffer it is given
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.filter((i): i is PdfTextItem => 'str' in i);
      pages.push(pdfLinesToText(items));
      onProgress?.(n / pdf.numPages);
    }
    // Glyphs with no Unicode mapping come out as NUL; they are lost characters, not binary data.
    // eslint-disable-next-line no-control-regex -- removing NULs is the point
    return pages.join('\n').replace(/\u0000/g, '');
  } finally {
    await task.destroy();
  }
}

/** The text of a document, or the reason it cannot be read. */
export async function extractDocumentText(
  bytes: Uint8Array,
  libs: DocumentLibraries,
  opts: ExtractOptions = {},
): Promise<Extracted> {
  if (bytes.length === 0) return { ok: false, kind: 'text', error: parseError('empty') };
  const kind = detectKind(bytes);
  let docx: DocxToHtml | null = null;
  let pdfjs: PdfjsLike | null = null;
  try {
    if (kind === 'docx') docx = await libs.loadDocx();
    if (kind === 'pdf') pdfjs = await libs.loadPdfjs();
  } catch {
    return { ok: false, kind, error: LIBRARY_ERROR };
  }
  let text: string | null;
  try {
    if (docx) text = htmlToText(await docx(bytes));
    else if (pdfjs) text = await pdfToText(pdfjs, bytes, opts.onProgress);
    else text = decodeText(bytes);
  } catch {
    // A zip that is not a Word document, or a damaged PDF.
    return { ok: false, kind, error: parseError('binary') };
  }
  if (text === null) return { ok: false, kind, error: parseError('binary') };
  if (kind === 'pdf' && looksGarbledThai(text)) return { ok: false, kind, error: parseError('garbled') };
  return { ok: true, kind, text };
}
