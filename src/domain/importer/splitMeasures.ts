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
  type HeadingStyle,
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

const STYLES: readonly HeadingStyle[] = ['shopping', 'named', 'bare'];

/**
 * The signature block or the announcement's date after the last measure
 * ("ลงชื่อ …", "ประกาศ ณ วันที่ …"): the measures end there, and what
 * follows is not part of any of them.
 */
function isClosing(line: Line): boolean {
  return /^(?:ลงชื่อ|ลงนาม|ประกาศ\s*ณ\s*วันที่|สั่ง\s*ณ\s*วันที่)/.test(line.key);
}

/** For each line, the index of the first closing line after it (or the end): one pass, from the end. */
function closingsAfter(lines: readonly Line[]): number[] {
  const next = new Array<number>(lines.length);
  let closing = lines.length;
  for (let j = lines.length - 1; j >= 0; j--) {
    next[j] = closing;
    if (isClosing(lines[j] as Line)) closing = j;
  }
  return next;
}

function isStructural(line: Line): boolean {
  if (matchSectionHeading(line) || matchIndicator(line)) return true;
  const token = readCodeToken(line.text, line.key);
  return token !== null && token.letter !== null;
}

export function splitMeasures(lines: readonly Line[]): DocumentParts {
  const nextClosing = closingsAfter(lines);
  const closingAfter = (index: number) => nextClosing[index] ?? lines.length;
  const candidates: { index: number; heading: MeasureHeading }[] = [];
  lines.forEach((line, index) => {
    const heading = line.text ? matchMeasureHeading(line) : null;
    if (heading) candidates.push({ index, heading });
  });
  // The strongest style of heading the document uses introduces its measures;
  // a weaker one inside them ("(๑) …" under "มาตรการที่ 1") is a numbered point.
  let accepted: typeof candidates = [];
  for (const style of STYLES) {
    const ofStyle = candidates.filter((c) => c.heading.style === style);
    accepted = ofStyle.filter((c, i) => {
      const next = Math.min(ofStyle[i + 1]?.index ?? lines.length, closingAfter(c.index));
      for (let j = c.index + 1; j < next; j++) if (isStructural(lines[j] as Line)) return true;
      return false;
    });
    if (accepted.length > 0) break;
  }

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
    let end = Math.min(accepted[i + 1]?.index ?? lines.length, closingAfter(c.index));
    if (constraints && constraints.start > c.index && constraints.start < end) end = constraints.start;
    return { heading: c.heading, start: c.index, end };
  });
  return { headerEnd: firstStart, measures, constraints };
}
