/**
 * Checks across measures: the same indicator given different scores in two
 * places (the example gives indicator 8 both 97.36 and 96.63), and the fiscal
 * year of the measures, taken from their stated periods rather than from the
 * title (which in the example is the ITA year).
 */
import { fiscalYearOf } from '../fiscalCalendar';
import type { ExportMeasure } from '../exportDocument';
import type { Warnings } from './planWarnings';

/** `lines[i][j]` is the line of measure i's indicator paragraph j. */
export function checkIndicatorScores(
  measures: readonly ExportMeasure[],
  lines: readonly (readonly number[])[],
  warnings: Warnings,
): void {
  const seen = new Map<number, { score: number; measure: number; line: number | undefined }[]>();
  measures.forEach((measure, i) => {
    measure.indicators.forEach((indicator, j) => {
      if (indicator.score === null) return;
      const list = seen.get(indicator.number) ?? [];
      list.push({ score: indicator.score, measure: measure.number, line: lines[i]?.[j] });
      seen.set(indicator.number, list);
    });
  });
  for (const [number, list] of seen) {
    const scores = new Set(list.map((s) => s.score));
    if (scores.size < 2) continue;
    const where = list.map((s) => `${s.score} (มาตรการที่ ${s.measure} บรรทัด ${s.line})`).join(', ');
    const later = list.find((s) => s.score !== list[0]?.score);
    warnings.add('indicator-score-conflict', `ตัวชี้วัดที่ ${number} ได้คะแนนไม่ตรงกัน: ${where}`, {
      measure: later?.measure,
      line: later?.line,
    });
  }
}

/** The fiscal year most measures' periods fall in, or null when no period was read. */
export function fiscalYearFromPeriods(measures: readonly ExportMeasure[], warnings: Warnings): number | null {
  const counts = new Map<number, number>();
  for (const m of measures) {
    if (m.period)
      counts.set(fiscalYearOf(m.period.start), (counts.get(fiscalYearOf(m.period.start)) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  if (ranked.length > 1) {
    warnings.add(
      'fiscal-year-mixed',
      `ระยะเวลาของมาตรการอยู่ในหลายปีงบประมาณ (${ranked.map(([y]) => y).join(', ')}) ใช้ปีงบประมาณ ${ranked[0]?.[0]}`,
    );
  }
  return ranked[0]?.[0] ?? null;
}
