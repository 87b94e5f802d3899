/**
 * How alike two Thai phrases are, for matching a printed item against the
 * catalogue. Character bigrams survive what OCR and typing do to Thai text
 * (spaces inside words, a dropped or doubled letter, a wrong tone mark) far
 * better than word comparison, which would need a Thai word segmenter.
 */
import { foldSaraAm } from '../thaiText/foldThai';
import { toArabicDigits } from '../thaiFormat';

export type Bigrams = ReadonlySet<string>;

// Tone marks and thanthakhat are the marks OCR gets wrong most often (คุ่มค่า for คุ้มค่า).
const NOISE = /[\s\u0E48-\u0E4C.,:;()"'“”‘’\-–—/]/g;

export function bigrams(text: string): Bigrams {
  // ำ compared as า: a PDF that lost it still matches the catalogue.
  const s = foldSaraAm(
    toArabicDigits(text)
      .toLowerCase()
      .replace(NOISE, '')
      .replace(/\u0E4D/g, ''),
  );
  const grams = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) grams.add(s.slice(i, i + 2));
  if (s.length === 1) grams.add(s);
  return grams;
}

/**
 * Dice coefficient plus a bonus when the shorter phrase is contained in the
 * longer one: a printed item often carries a suffix ("(กรณีที่มี…)") or is
 * cut short, and should still match its name. Ranges 0 … 1.25.
 */
export function similarity(a: Bigrams, b: Bigrams): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const g of small) if (large.has(g)) common++;
  return (2 * common) / (a.size + b.size) + 0.25 * (common / small.size);
}
