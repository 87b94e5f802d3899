/**
 * Reading a printed item code ("i๑", "E๑๑", "๐๑๑", "๑๑๓") and deciding which
 * ITA item it is. OCR turns o into ๐, drops the i or turns it into ๑/๒, and
 * documents print wrong numbers (ita-reference.md §8); the item's text,
 * matched against the catalogue, settles what the code alone cannot. Every
 * guess or correction comes back with a Thai warning.
 */
import { catalogueItem, type CatalogueItem, type ItaCatalogue } from '../catalogue/itaCatalogue';
import { bigrams, similarity, type Bigrams } from './textSimilarity';

export interface CodeToken {
  /** The code as printed, e.g. "๐๑๔". */
  raw: string;
  letter: 'i' | 'e' | 'o' | null;
  digits: string;
  /** Offset in the line where the item's text starts. */
  end: number;
}

export interface ResolvedCode {
  code: string;
  /** Set when the code was corrected or guessed: what the document printed. */
  printed?: string;
  warning?: { code: string; message: string };
}

// On the Arabic-digit key of a line: optional bullet, optional letter, 1–3 digits (not "1.1").
const TOKEN = /^(?:[-•*▪·]\s*)?([ieoIEO])?\s?-?\s?(\d{1,3})(?!\d|\.\d)/;

/** The item code at the start of a line or cell, or null. */
export function readCodeToken(text: string, key: string): CodeToken | null {
  const m = TOKEN.exec(key);
  if (!m) return null;
  const letter = (m[1]?.toLowerCase() ?? null) as CodeToken['letter'];
  const digits = m[2] as string;
  let end = m[0].length;
  const next = key[end] ?? '';
  // Bare numbers followed by ")" or "." are list numbering, not item codes.
  if (!letter && (next === ')' || next === '.')) return null;
  if (next !== '' && !/[\s.):\u0E01-\u0E5B]/.test(next)) return null;
  while (end < key.length && /[\s.):]/.test(key[end] as string)) end++;
  const raw = text
    .slice(0, m[0].length)
    .replace(/^[-•*▪·]\s*/, '')
    .trim();
  return { raw, letter, digits, end };
}

const OK = 0.6; // a direct reading whose text scores this well is accepted as is
const STRONG = 0.75; // a catalogue item must score this well to replace a printed code
const MARGIN = 0.2;

const cache = new WeakMap<ItaCatalogue, Map<string, Bigrams>>();
function gramsOf(catalogue: ItaCatalogue): Map<string, Bigrams> {
  let map = cache.get(catalogue);
  if (!map) {
    map = new Map(catalogue.items.map((item) => [item.code, bigrams(item.name)]));
    cache.set(catalogue, map);
  }
  return map;
}

function score(catalogue: ItaCatalogue, code: string, text: Bigrams): number {
  const grams = gramsOf(catalogue).get(code);
  return grams ? similarity(text, grams) : 0;
}

function bestMatch(catalogue: ItaCatalogue, text: Bigrams): { item: CatalogueItem; score: number } | null {
  let best: { item: CatalogueItem; score: number } | null = null;
  for (const item of catalogue.items) {
    const s = score(catalogue, item.code, text);
    if (!best || s > best.score) best = { item, score: s };
  }
  return best;
}

/** Survey questions end in มากน้อยเพียงใด / หรือไม่; OIT items are titles. */
export function isQuestion(text: string): boolean {
  return /มากน้อย|เพียงใด|หรือไม่|หรือ\s*$|ไหม|\?/.test(text);
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * The code as the document wrote it, lower case with Arabic digits ("O๒๕" →
 * o25; "๐๑๑" → o11, ๐ being the usual OCR for o; a bare "๑๑๓" stays 113),
 * and what was printed when that differs.
 */
function asWritten(token: CodeToken): ResolvedCode {
  const n = Number(token.digits);
  const code = token.letter ? `${token.letter}${n}` : token.digits.startsWith('0') ? `o${n}` : String(n);
  return token.raw === code ? { code } : { code, printed: token.raw };
}

export function resolveItemCode(token: CodeToken, text: string, catalogue: ItaCatalogue): ResolvedCode {
  // Only an established table corrects codes, and only for the instruments it lists:
  // otherwise the code and text stay as written (the plan carries one notice, not one per item).
  const letter = token.letter ?? (token.digits.startsWith('0') ? 'o' : null);
  const covered = letter ? catalogue.letters.includes(letter) : catalogue.letters.length === 3;
  if (catalogue.status !== 'established' || !covered) return asWritten(token);
  const n = Number(token.digits);
  const grams = bigrams(text);
  const year = catalogue.year;
  const direct = token.letter ? `${token.letter}${n}` : token.digits.startsWith('0') ? `o${n}` : null;

  if (direct) {
    const item = catalogueItem(catalogue, direct);
    if (text === '' || (item && score(catalogue, direct, grams) >= OK)) return { code: direct };
    const own = item ? score(catalogue, direct, grams) : 0;
    const best = bestMatch(catalogue, grams);
    if (best && best.score >= STRONG && best.score >= own + MARGIN) {
      return {
        code: best.item.code,
        printed: token.raw,
        warning: {
          code: 'item-code-resolved',
          message: `รหัสข้อ ${token.raw} ไม่ตรงกับข้อความ "${short(text)}" ซึ่งตรงกับ ${best.item.code} (${best.item.name}) จึงใช้ ${best.item.code}`,
        },
      };
    }
    if (!item) {
      return {
        code: direct,
        warning: { code: 'item-code-unknown', message: `ไม่พบรหัสข้อ ${direct} ในเกณฑ์ ITA ปี ${year}` },
      };
    }
    return {
      code: direct,
      warning: {
        code: 'item-code-mismatch',
        message: `รหัสข้อ ${token.raw} (${direct}) ไม่ตรงกับข้อความ "${short(text)}": ตามเกณฑ์ ITA ปี ${year} ${direct} คือ "${item.name}"`,
      },
    };
  }

  // No letter: the leading ๑ or ๒ may stand for a lost "i" or "o", or the letter was dropped.
  const d = token.digits;
  const options = [`i${n}`, `o${n}`];
  if (d.length >= 2 && (d[0] === '1' || d[0] === '2'))
    options.push(`i${Number(d.slice(1))}`, `o${Number(d.slice(1))}`);
  const question = isQuestion(text);
  let chosen: { code: string; score: number } | null = null;
  for (const code of options) {
    if (!catalogueItem(catalogue, code)) continue;
    const bias = (code[0] === 'o') === question ? -0.1 : 0.1;
    const s = text === '' ? bias : score(catalogue, code, grams) + bias;
    if (!chosen || s > chosen.score) chosen = { code, score: s };
  }
  let guess = chosen && chosen.score >= OK ? chosen.code : undefined;
  if (!guess && text !== '') {
    const best = bestMatch(catalogue, grams);
    guess = best && best.score >= STRONG ? best.item.code : chosen?.code;
  }
  const code = guess ?? `${question ? 'i' : 'o'}${n}`;
  return {
    code,
    printed: token.raw,
    warning: {
      code: 'item-code-guessed',
      message: `รหัสข้อ ${token.raw} ไม่มีตัวอักษรนำหน้า (i/e/o) อ่านเป็น ${code} ตามข้อความ "${short(text)}"`,
    },
  };
}
