/**
 * Refusing what is not a measures document before parsing it: empty input,
 * binary data, text with no Thai, and Thai text garbled by a PDF whose font
 * has no proper character map (glyphs in the private-use area, vowels and
 * tone marks detached at the start of words). The parser then refuses a
 * Thai text that has no measures. Messages are Thai with an English gloss.
 */

export interface ParseError {
  code: string;
  message: string;
}

interface Counts {
  thai: number;
  latin: number;
  /** Private-use glyphs, except the Thai glyph variants U+F700–U+F71F that repairThaiText maps back. */
  privateUse: number;
  /** Above/below vowels and tone marks with no Thai letter before them. */
  detached: number;
  controls: number;
  nul: number;
}

const isThai = (c: number) => c >= 0x0e01 && c <= 0x0e5b;
/** Shifted tone marks and vowels of Thai fonts, drawn from the private-use area (mapped back later). */
const isThaiGlyph = (c: number) => c >= 0xf700 && c <= 0xf71f;
const isMark = (c: number) => c === 0x0e31 || (c >= 0x0e34 && c <= 0x0e3a) || (c >= 0x0e47 && c <= 0x0e4e);

/** One pass over the text: a regex match per character would allocate an array as long as the document. */
function countCharacters(text: string): Counts {
  const n: Counts = { thai: 0, latin: 0, privateUse: 0, detached: 0, controls: 0, nul: 0 };
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isThai(c)) {
      n.thai++;
      // A mark after a Thai glyph variant (a shifted tone mark) is in place, not detached.
      if (isMark(c) && !isThai(previous) && !isThaiGlyph(previous)) n.detached++;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) n.latin++;
    else if (c >= 0xe000 && c <= 0xf8ff && !isThaiGlyph(c)) n.privateUse++;
    else if (c === 0) n.nul++;
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) n.controls++;
    previous = c;
  }
  return n;
}

/** True when Thai text has come out of a PDF as private-use glyphs or with marks out of place. */
export function looksGarbledThai(text: string): boolean {
  return garbled(countCharacters(text));
}

function garbled(n: Counts): boolean {
  if (n.privateUse >= 5 && n.privateUse > 0.01 * (n.thai + n.privateUse)) return true;
  return n.thai >= 50 && n.detached >= 5 && n.detached > 0.005 * n.thai;
}

export const PARSE_ERRORS = {
  empty: 'ไฟล์ว่าง ไม่มีข้อความ (empty document)',
  binary: 'ไฟล์นี้ไม่ใช่ข้อความหรือเอกสารที่อ่านได้ (binary data, not a text, Word or PDF document)',
  garbled:
    'ข้อความภาษาไทยในไฟล์เสียหาย อาจเป็น PDF ที่ฟอนต์ไม่มีตารางอักขระ ให้ใช้ไฟล์ Word หรือข้อความแทน (garbled Thai text)',
  'not-thai': 'ไม่พบข้อความภาษาไทย จึงไม่ใช่เอกสารมาตรการ ITA (no Thai text: not an ITA measures document)',
  'no-measures':
    'ไม่พบมาตรการ (วิธีการ ผู้รับผิดชอบ ขั้นตอน ระยะเวลา) จึงไม่ใช่เอกสารมาตรการส่งเสริมคุณธรรมและความโปร่งใส (no measures found)',
  'no-year': 'ไม่พบปีงบประมาณหรือปีที่ประเมิน ITA ในเอกสาร (no fiscal or assessment year found)',
} as const;

export type ParseErrorCode = keyof typeof PARSE_ERRORS;

export function parseError(code: ParseErrorCode): ParseError {
  return { code, message: PARSE_ERRORS[code] };
}

export function checkDocumentText(text: string): ParseError | null {
  if (text.trim() === '') return parseError('empty');
  const n = countCharacters(text);
  if (n.nul > 0 || n.controls > 0.02 * text.length) return parseError('binary');
  if (garbled(n)) return parseError('garbled');
  if (n.thai < 50 || n.thai < 0.2 * (n.thai + n.latin)) return parseError('not-thai');
  return null;
}
