/**
 * Breaks a label into lines that fit a width in an SVG, where text never wraps
 * by itself. Thai is written without spaces between words, so lines break at
 * word boundaries from Intl.Segmenter (every current browser has it) and fall
 * back to spaces. Widths are estimated, not measured: marks above and below
 * the line (Thai vowels and tone marks) take no width, every other character
 * counts as `charWidth`. Generous on purpose; the full label is in the table.
 */
import { remembered } from '../../domain/rememberedText';

const ZERO_WIDTH = /[\p{Mn}\u200b]/gu;

export function visibleLength(text: string): number {
  return text.replace(ZERO_WIDTH, '').length;
}

/** The first `n` visible characters of `text`, keeping the marks that sit on them. */
function cut(text: string, n: number): string {
  let seen = 0;
  let i = 0;
  const chars = [...text];
  for (; i < chars.length; i++) {
    const char = chars[i] ?? '';
    if (!/[\p{Mn}\u200b]/u.test(char)) {
      if (seen === n) break;
      seen += 1;
    }
  }
  return chars.slice(0, i).join('');
}

function words(text: string): string[] {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    // Remembered from start to start (rememberedText.ts): a chart draws without waking ICU.
    const joined = remembered(`words|${text}`, () =>
      [...new Intl.Segmenter('th', { granularity: 'word' }).segment(text)]
        .map((s) => s.segment)
        .join('\u0000'),
    );
    return joined.split('\u0000');
  }
  return text.split(/(?<=\s)/);
}

/** Lines of at most `maxChars` visible characters; the last one ends in "…" when cut. */
export function wrapLabel(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  for (const word of words(text.replace(/\s+/g, ' ').trim())) {
    if (visibleLength(line + word) <= maxChars) {
      line += word;
      continue;
    }
    push();
    // A single word longer than a line (a long name or number) is cut.
    let rest = word;
    while (visibleLength(rest) > maxChars) {
      const head = cut(rest, maxChars);
      lines.push(head);
      rest = rest.slice(head.length);
    }
    line = rest;
  }
  push();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? '';
  kept[maxLines - 1] = `${cut(last, Math.min(visibleLength(last), maxChars - 1))}…`;
  return kept;
}
