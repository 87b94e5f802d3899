/**
 * Folding for matching only, never for what is stored: sara am (ำ) reads as
 * sara aa (า), so a heading, keyword or name is recognised whether its ำ
 * survived the PDF, was lost, or was split (the split form is mended before
 * this). Length-preserving, so positions found on the folded form are
 * positions in the text as written.
 */
export function foldSaraAm(text: string): string {
  return text.replace(/\u0E33/g, '\u0E32');
}

/** A pattern written with ำ, to run on folded text. */
export function foldPattern(pattern: RegExp): RegExp {
  return new RegExp(foldSaraAm(pattern.source), pattern.flags);
}
