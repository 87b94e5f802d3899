/**
 * A long step or note cut to fit a table cell: at a word boundary near the
 * limit (Thai writes words without spaces, so Intl.Segmenter finds them),
 * with an ellipsis. The full text stays in the measures document.
 */
const words = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('th', { granularity: 'word' }) : null;

export function shortText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  let cut = '';
  if (words) {
    for (const { segment } of words.segment(clean)) {
      if (cut.length + segment.length > max) break;
      cut += segment;
    }
  }
  // No boundary in reach (one very long word): cut at the limit.
  if (cut.trim().length < max * 0.5) cut = clean.slice(0, max);
  return `${cut.trimEnd()}…`;
}
