/**
 * Every document in test/fixtures/documents with a `<name>.facts.json`
 * beside it: read through the real extractors (text, .docx, .pdf), parsed,
 * and compared fact by fact with what a careful person reads from it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../../src/cli/extractText';
import type { ExportMeasure, ExportPlan } from '../../../../src/domain/exportDocument';
import { parseMeasuresDocument } from '../../../../src/domain/importer/parseMeasuresDocument';
import { foldSaraAm } from '../../../../src/domain/thaiText/foldThai';
import { documentPath, OPTS } from './fixtures';

interface MeasureFacts {
  number: number;
  title: string;
  items: { code: string; text: string; printed?: string }[];
  indicators: { number: number; score: number | null }[];
  methods: string[];
  steps: string[];
  responsibleUnits: string[];
  period: { start: string; end: string } | null;
  budget?: number | null;
  successIndicator?: string;
}

interface DocumentFacts {
  about: string;
  /** The file the facts are about, when it is not `<name>.txt`. */
  file?: string;
  /** The text lost its ำ (a PDF's text layer): texts are compared with ำ and า read alike. */
  lostSaraAm?: boolean;
  agency: ExportPlan['agency'];
  assessmentYear: number;
  fiscalYear: number;
  overallScore: number | null;
  rating: string;
  catalogueYear: number | null;
  /** Plan-wide notices expected (warning codes without a measure). */
  notices: string[];
  /** Lines the parser must report as unread ("unplaced-line" warnings); none by default. */
  unread?: number[];
  measures: MeasureFacts[];
}

const DIR = documentPath('');
const factFiles = readdirSync(DIR).filter((f) => f.endsWith('.facts.json'));

function measureFacts(m: ExportMeasure, text: (s: string) => string): MeasureFacts {
  return {
    number: m.number,
    title: text(m.title),
    items: m.items.map((i) => ({
      code: i.code,
      text: text(i.text),
      ...(i.printed ? { printed: i.printed } : {}),
    })),
    indicators: m.indicators.map((i) => ({ number: i.number, score: i.score })),
    methods: m.actions.filter((a) => a.kind === 'method').map((a) => text(a.text)),
    steps: m.actions.filter((a) => a.kind === 'step').map((a) => text(a.text)),
    responsibleUnits: (m.responsibleUnits ?? []).map(text),
    period: m.period,
    budget: m.budget ?? null,
    successIndicator: text(m.successIndicator ?? ''),
  };
}

describe.each(factFiles)('%s', (factFile) => {
  const facts = JSON.parse(readFileSync(documentPath(factFile), 'utf8')) as DocumentFacts;
  const file = facts.file ?? factFile.replace(/\.facts\.json$/, '.txt');

  it('is read with every stated fact right', async () => {
    expect(existsSync(documentPath(file)), file).toBe(true);
    const extracted = await extractText(new Uint8Array(readFileSync(documentPath(file))));
    if (!extracted.ok) throw new Error(`${file}: ${extracted.error.message}`);
    const result = parseMeasuresDocument(extracted.text, OPTS);
    if (!result.ok) throw new Error(`${file}: ${result.error.message}`);
    const plan = result.document.plans[0]!;
    const text = facts.lostSaraAm ? (s: string) => foldSaraAm(s) : (s: string) => s;

    expect(plan.agency).toEqual(facts.agency);
    expect([plan.assessmentYear, plan.fiscalYear]).toEqual([facts.assessmentYear, facts.fiscalYear]);
    expect([plan.overallScore, plan.rating]).toEqual([facts.overallScore, facts.rating]);
    expect(plan.catalogueYear).toBe(facts.catalogueYear);
    expect(
      plan.warnings
        .filter((w) => w.measure === undefined && w.code.startsWith('catalogue-'))
        .map((w) => w.code),
    ).toEqual(facts.notices);
    expect(plan.warnings.filter((w) => w.code === 'unplaced-line').map((w) => w.line)).toEqual(
      facts.unread ?? [],
    );
    expect(plan.measures.map((m) => measureFacts(m, text))).toEqual(
      facts.measures.map((m) => ({
        ...m,
        title: text(m.title),
        items: m.items.map((i) => ({ ...i, text: text(i.text) })),
        methods: m.methods.map(text),
        steps: m.steps.map(text),
        responsibleUnits: m.responsibleUnits.map(text),
        budget: m.budget ?? null,
        successIndicator: text(m.successIndicator ?? ''),
      })),
    );
  });
});
