// Shared helpers for the importer tests: fixtures are read from test/fixtures only.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ExportDocument, ExportPlan } from '../../../../src/domain/exportDocument';
import { parseMeasuresDocument } from '../../../../src/domain/importer/parseMeasuresDocument';

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
