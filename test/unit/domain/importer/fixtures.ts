// Shared helpers for the importer tests: fixtures are read from test/fixtures only.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ExportDocument, ExportPlan } from '../../../../src/domain/exportDocument';
import { parseMeasuresDocument } from '../../../../src/domain/importer/parseMeasuresDocument';
import { foldSaraAm } from '../../../../src/domain/thaiText/foldThai';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const EXAMPLE_PATH = join(ROOT, 'test/fixtures/000_8abfe1898a6e5c73.txt');
export const documentPath = (name: string) => join(ROOT, 'test/fixtures/documents', name);
export const readExample = () => readFileSync(EXAMPLE_PATH, 'utf8');
export const readDocument = (name: string) => readFileSync(documentPath(name), 'utf8');

export const OPTS = {
  exportId: '00000000-0000-4000-8000-000000000001',
  exportedAt: '2024-01-05T03:04:05.000Z',
};

export function parsePlan(text: string): { document: ExportDocument; plan: ExportPlan } {
  const result = parseMeasuresDocument(text, OPTS);
  if (!result.ok) throw new Error(`refused: ${result.error.code} ${result.error.message}`);
  expect(result.document.plans).toHaveLength(1);
  return { document: result.document, plan: result.document.plans[0] as ExportPlan };
}

export function measure(plan: ExportPlan, n: number) {
  const m = plan.measures.find((x) => x.number === n);
  if (!m) throw new Error(`no measure ${n}`);
  return m;
}

export const codes = (items: readonly { code: string }[]) => items.map((i) => i.code);

/** What a person checks in a plan: ids, numbers, codes and periods exactly; texts with ำ and า read alike. */
export function planFacts(plan: ExportPlan) {
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
