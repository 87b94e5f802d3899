/**
 * Indicator paragraphs ("ตัวชี้วัดที่ ๘ … ได้คะแนน ๙๗.๓๖ คะแนน") checked
 * against the catalogue. When the printed number and the name disagree, the
 * rest of the measure decides: the indicators its table rows cite and the
 * items it lists. In the example, issue 2 calls indicator 8 by indicator 6's
 * name (its table and items point to 8, and 6 has its own paragraph), while
 * issue 6 calls disclosure "ตัวชี้วัดที่ ๔" (its table and items point to 9).
 */
import { catalogueItem, type ItaCatalogue } from '../catalogue/itaCatalogue';
import type { ExportIndicatorScore } from '../exportDocument';
import type { Finding, ItemRef } from '../types';
import { quote, type Warnings } from './planWarnings';
import { bigrams, similarity, type Bigrams } from './textSimilarity';

export interface IndicatorParagraph {
  number: number;
  name: string;
  score: number | null;
  line: number;
  /** "ตัวชี้วัดที่ ๘ คุณภาพการดำเนินงาน" as printed. */
  printed: string;
}

const NAME_MATCH = 0.7;

const nameGrams = new WeakMap<ItaCatalogue, Bigrams[]>();

function indicatorNamed(catalogue: ItaCatalogue, name: string): number | null {
  const grams = bigrams(name);
  let names = nameGrams.get(catalogue);
  if (!names) {
    names = catalogue.indicators.map((i) => bigrams(i.name));
    nameGrams.set(catalogue, names);
  }
  let best: { number: number; score: number } | null = null;
  for (const [i, indicator] of catalogue.indicators.entries()) {
    const s = similarity(grams, names[i] as Bigrams);
    if (!best || s > best.score) best = { number: indicator.number, score: s };
  }
  return best && best.score >= NAME_MATCH ? best.number : null;
}

export function resolveIndicators(
  paragraphs: readonly IndicatorParagraph[],
  context: { items: readonly ItemRef[]; findings: readonly Finding[]; measure: number },
  catalogue: ItaCatalogue,
  warnings: Warnings,
): ExportIndicatorScore[] {
  const named = paragraphs.map((p) => indicatorNamed(catalogue, p.name));
  const consistent = new Set(paragraphs.filter((p, i) => named[i] === p.number).map((p) => p.number));
  const support = (n: number) =>
    (context.findings.some((f) => f.indicator === n) ? 1 : 0) +
    (context.items.some((item) => catalogueItem(catalogue, item.code)?.indicator === n) ? 1 : 0) -
    (consistent.has(n) ? 2 : 0);

  return paragraphs.map((p, i) => {
    const byName = named[i] ?? null;
    if (byName === null || byName === p.number) {
      return { number: p.number, name: p.name || nameOf(catalogue, p.number), score: p.score };
    }
    // Ties go to the name: an item's or indicator's name is more reliable than its printed number.
    const chosen = support(p.number) > support(byName) ? p.number : byName;
    const reason =
      chosen === p.number ? 'ตามตารางและรายการข้อในมาตรการนี้' : 'ตามชื่อ ตาราง และรายการข้อในมาตรการนี้';
    warnings.add(
      'indicator-name-mismatch',
      `${quote(p.printed)}: เลขตัวชี้วัด ${p.number} ไม่ตรงกับชื่อ "${p.name}" (ชื่อของตัวชี้วัดที่ ${byName}) ใช้ตัวชี้วัดที่ ${chosen} ${nameOf(catalogue, chosen)} ${reason}`,
      { measure: context.measure, line: p.line },
    );
    return { number: chosen, name: nameOf(catalogue, chosen), score: p.score, printed: p.printed };
  });
}

function nameOf(catalogue: ItaCatalogue, n: number): string {
  return catalogue.indicators.find((i) => i.number === n)?.name ?? '';
}
