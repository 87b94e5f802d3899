/**
 * The closing analysis of the agency's constraints: its numbered points,
 * each with the lines that continue it. A document that does not number
 * them keeps each paragraph as a point.
 */
import { matchAction } from './classifyLine';
import type { Line } from './normaliseText';

export function parseConstraints(lines: readonly Line[]): string[] {
  const body = lines.slice(1).filter((l) => l.text !== '');
  const numbered = body.map((l) => matchAction(l));
  const points: string[] = [];
  if (numbered.some((a) => a !== null)) {
    body.forEach((line, i) => {
      const point = numbered[i];
      if (point) points.push(point.text);
      else if (points.length > 0) points[points.length - 1] += ` ${line.text}`;
      // Prose before the first point is the section's introduction.
    });
    return points;
  }
  return body.map((l) => l.text);
}
