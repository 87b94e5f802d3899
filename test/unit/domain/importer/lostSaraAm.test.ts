import { describe, expect, it } from 'vitest';
import type { ExportPlan } from '../../../../src/domain/exportDocument';
import { foldSaraAm } from '../../../../src/domain/thaiText/foldThai';
import { parseMeasuresDocument } from '../../../../src/domain/importer/parseMeasuresDocument';
import { OPTS, parsePlan, readDocument, readExample } from './fixtures';

/** What a person checks in a plan: ids, numbers, codes and periods exactly; texts with ำ and า read alike. */
function facts(plan: ExportPlan) {
  return {
    id: plan.id,
    agency: plan.agency,
    years: [plan.assessmentYear, plan.fiscalYear],
    score: [plan.overallScore, plan.rating],
    measures: plan.measures.map((m) => ({
      id: m.id,
      number: m.number,
      title: foldSaraAm(m.title),
      items: m.items.map((i) => i.code),
      indicators: m.indicators.map((i) => [i.number, i.score]),
      findings: m.findings.map((f) => [f.kind, f.instrument, f.indicator, f.code, f.score]),
      responsible: m.responsibleUnits,
      period: m.period,
      actions: m.actions.map((a) => [a.id, a.kind, a.number, foldSaraAm(a.text)]),
    })),
    warnings: plan.warnings.map((w) => [w.code, w.measure, w.line]),
  };
}

const lose = (text: string) => text.replace(/\u0E33/g, '\u0E32');

describe('a document whose PDF lost every ำ', () => {
  const original = parsePlan(readExample()).plan;
  const result = parseMeasuresDocument(lose(readExample()), OPTS);
  if (!result.ok) throw new Error(result.error.message);
  const damaged = result.document.plans[0]!;

  it('gives the same plan as the example: measures, methods, steps, units, periods, codes', () => {
    expect(facts(damaged)).toEqual(facts(original));
  });

  it('shows the certain words repaired (the agency, units, steps) and says how many repairs it made', () => {
    expect(damaged.agency).toEqual(original.agency);
    expect(damaged.measures[0]!.responsibleUnits).toEqual(['งานบริหารทั่วไป สำนักปลัด']);
    expect(damaged.measures.flatMap((m) => m.actions).some((a) => a.text.includes('ดำเนินการ'))).toBe(true);
    expect(result.repairs.length).toBeGreaterThan(300);
    expect(result.repairs.every((r) => r.to.includes('ำ') || r.from.includes(' '))).toBe(true);
  });

  it('reads other layouts the same with ำ lost', () => {
    for (const name of [
      'tessaban-arabic-crlf.txt',
      'obt-thai-bullets-missing.txt',
      'tessaban-abbrev-headings.txt',
    ]) {
      const plain = parsePlan(readDocument(name)).plan;
      const lost = parseMeasuresDocument(lose(readDocument(name)), OPTS);
      if (!lost.ok) throw new Error(`${name}: ${lost.error.message}`);
      expect(facts(lost.document.plans[0]!), name).toEqual(facts(plain));
    }
  });
});
