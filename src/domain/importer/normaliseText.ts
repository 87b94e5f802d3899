/**
 * Text clean-up before any parsing. Real documents arrive from Word, PDFs and
 * OCR with CRLF, non-breaking and zero-width spaces, stray Devanagari marks
 * in place of Thai ones (ita-reference.md §8), and Thai digits. Each line is
 * kept in three forms so that matching can be lenient while what we store
 * stays as printed.
 */
import { toArabicDigits } from '../thaiFormat';

export interface Line {
  /** 1-based line number in the input, for warnings. */
  no: number;
  /** Cleaned text as printed: tabs and space runs collapsed to one space, trimmed; Thai digits kept. */
  text: string;
  /** `text` with Thai digits made Arabic. Same length as `text`, so indices carry over. */
  key: string;
  /** `key` lower-cased without any spaces, for keyword tests that survive "บริหาร ส่วน ตำบล". */
  compact: string;
  /** The tab-separated cells (cleaned, trimmed) when the line had tabs, else null. */
  cells: string[] | null;
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

/**
 * Thai fonts (Garuda and most TLWG fonts, many Windows fonts) draw shifted
 * tone marks and vowels as private-use glyphs U+F700–U+F71A; PDF text layers
 * then carry those code points. The mapping is the standard one for that block.
 */
const THAI_PUA = [
  '\u0E10', // F700 ฐ without descender
  '\u0E34', // F701 ิ left
  '\u0E35',
  '\u0E36',
  '\u0E37',
  '\u0E48', // F705 ่ low left
  '\u0E49',
  '\u0E4A',
  '\u0E4B',
  '\u0E4C',
  '\u0E48', // F70A ่ low
  '\u0E49',
  '\u0E4A',
  '\u0E4B',
  '\u0E4C',
  '\u0E0D', // F70F ญ without descender
  '\u0E31', // F710 ั left
  '\u0E4D',
  '\u0E47',
  '\u0E48', // F713 ่ left
  '\u0E49',
  '\u0E4A',
  '\u0E4B',
  '\u0E4C',
  '\u0E38', // F718 ุ low
  '\u0E39',
  '\u0E3A',
];

export function repairThaiPrivateUse(text: string): string {
  return text.replace(/[\uF700-\uF71A]/g, (ch) => THAI_PUA[ch.charCodeAt(0) - 0xf700] ?? ch);
}

/** Character-level clean-up of the whole text (line breaks kept). */
export function cleanCharacters(text: string): string {
  return (
    repairThaiPrivateUse(text)
      .replace(INVISIBLE, '')
      .replace(ODD_SPACES, ' ')
      .replace(CONTROLS, '')
      .replace(/[\u0900-\u097F]/g, (ch) => DEVANAGARI[ch] ?? '')
      // Nikhahit + sara aa, as PDF text layers often split sara am (ำ).
      .replace(/\u0E4D\u0E32/g, '\u0E33')
      // A tone mark before its vowel (PDF glyph order) → vowel first, as typed text has it.
      .replace(/([\u0E48-\u0E4C])([\u0E31\u0E34-\u0E3A\u0E47])/g, '$2$1')
  );
}

function collapse(text: string): string {
  return text.replace(/[ \t]+/g, ' ').trim();
}

/** `key` lower-cased without spaces. */
export function compactKey(text: string): string {
  return toArabicDigits(text).replace(/\s+/g, '').toLowerCase();
}

export function normaliseText(text: string): Line[] {
  const raw = cleanCharacters(text).split(/\r\n|\r|\n|\u2028|\u2029/);
  return raw.map((line, index) => {
    const display = collapse(line);
    const key = toArabicDigits(display);
    return {
      no: index + 1,
      text: display,
      key,
      compact: key.replace(/\s+/g, '').toLowerCase(),
      cells: line.includes('\t') ? line.split('\t').map(collapse) : null,
    };
  });
}
