/**
 * Text out of the files people actually have: plain text (UTF-8 or UTF-16),
 * Word .docx (through mammoth's HTML, because its raw text flattens tables:
 * stack.md trap 13) and PDF (pdfjs-dist legacy build, for Node 20: trap 12).
 * The type is read from the bytes, never from the file name. Tables come out
 * as tab-separated rows, which is what the parser reads. Kept free of Node
 * APIs so the app can reuse it in a browser later.
 */
import { looksGarbledThai, parseError, type ParseError } from '../domain/importer/checkDocumentText';
import { pdfLinesToText, type PdfTextItem } from '../domain/importer/pdfTextLines';

export type DocumentKind = 'docx' | 'pdf' | 'text' | 'binary';

export type Extracted = { ok: true; kind: DocumentKind; text: string } | { ok: false; error: ParseError };

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
 * cells padded so columns stay aligned), list items as "- " bullets since
 * Word's automatic numbers are not text.
 */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let row: string[] | null = null;
  let cell: string | null = null;
  let span = 1;
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
        lines.push(row.join('\t'));
        row = null;
      }
    } else if (tag === 'td' || tag === 'th') {
      if (!close) {
        cell = '';
        span = Number(/colspan="?(\d+)/i.exec(attrs ?? '')?.[1] ?? 1);
      } else if (row && cell !== null) {
        row.push(cell.replace(/\s+/g, ' ').trim(), ...Array<string>(Math.max(0, span - 1)).fill(''));
        cell = null;
      }
    } else if (tag === 'table' && !close) {
      flush();
    } else if (block) {
      if (cell !== null) cell += ' ';
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

export async function docxToText(bytes: Uint8Array): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  // mammoth's Node entry wants a Buffer-like value; a Uint8Array view over the same bytes serves.
  const result = await mammoth.convertToHtml({ buffer: bytes as unknown as Buffer });
  return htmlToText(result.value);
}

export async function pdfToText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
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
      const items = content.items.filter((i): i is PdfTextItem & typeof i => 'str' in i);
      pages.push(pdfLinesToText(items));
    }
    // Glyphs with no Unicode mapping come out as NUL; they are lost characters, not binary data.
    // eslint-disable-next-line no-control-regex -- removing NULs is the point
    return pages.join('\n').replace(/\u0000/g, '');
  } finally {
    await task.destroy();
  }
}

/** The text of a document, or the reason it cannot be read. */
export async function extractText(bytes: Uint8Array): Promise<Extracted> {
  if (bytes.length === 0) return { ok: false, error: parseError('empty') };
  const kind = detectKind(bytes);
  let text: string | null;
  try {
    if (kind === 'docx') text = await docxToText(bytes);
    else if (kind === 'pdf') text = await pdfToText(bytes);
    else text = decodeText(bytes);
  } catch {
    // A zip that is not a Word document, or a damaged PDF.
    return { ok: false, error: parseError('binary') };
  }
  if (text === null) return { ok: false, error: parseError('binary') };
  if (kind === 'pdf' && looksGarbledThai(text)) return { ok: false, error: parseError('garbled') };
  return { ok: true, kind, text };
}
