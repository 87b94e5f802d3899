/**
 * Cutting a document into header, measures and closing constraints. A
 * measure starts at a heading "(๑) … (Shopping List)", "มาตรการที่ 1 …" or
 * "ประเด็นที่ 1 …". The example lists its seven issues twice, first as a
 * table of contents: a heading only counts when something structural (an
 * item, an indicator, a section) follows it before the next heading.
 */
import {
  isConstraintsHeading,
  matchIndicator,
  matchMeasureHeading,
  matchSectionHeading,
  type MeasureHeading,
} from './classifyLine';
import type { Line } from './normaliseText';
import { readCodeToken } from './resolveItemCode';

export interface MeasureBlock {
  heading: MeasureHeading;
  /** Index of the heading line in the document's lines. */
  start: number;
  /** Exclusive end index. */
  end: number;
}

export interface DocumentParts {
  headerEnd: number;
  measures: MeasureBlock[];
  /** Index range of the constraints analysis, if the document has one. */
  constraints: { start: number; end: number } | null;
}

function isStructural(line: Line): boolean {
  if (matchSectionHeading(line) || matchIndicator(line)) return true;
  const token = readCodeToken(line.text, line.key);
  return token !== null && token.letter !== null;
}

export function splitMeasures(lines: readonly Line[]): DocumentParts {
  let candidates: { index: number; heading: MeasureHeading }[] = [];
  lines.forEach((line, index) => {
    const heading = line.text ? matchMeasureHeading(line) : null;
    if (heading) candidates.push({ index, heading });
  });
  if (candidates.some((c) => c.heading.shoppingList))
    candidates = candidates.filter((c) => c.heading.shoppingList);
  const accepted = candidates.filter((c, i) => {
    const next = candidates[i + 1]?.index ?? lines.length;
    for (let j = c.index + 1; j < next; j++) if (isStructural(lines[j] as Line)) return true;
    return false;
  });

  const firstStart = accepted[0]?.index ?? lines.length;
  let constraints: DocumentParts['constraints'] = null;
  for (let j = firstStart; j < lines.length; j++) {
    if (isConstraintsHeading(lines[j] as Line)) {
      const nextMeasure = accepted.find((c) => c.index > j)?.index ?? lines.length;
      constraints = { start: j, end: nextMeasure };
      break;
    }
  }
  const measures = accepted.map((c, i) => {
    let end = accepted[i + 1]?.index ?? lines.length;
    if (constraints && constraints.start > c.index && constraints.start < end) end = constraints.start;
    return { heading: c.heading, start: c.index, end };
  });
  return { headerEnd: firstStart, measures, constraints };
}
