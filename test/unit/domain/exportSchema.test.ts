import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportJsonSchema } from '../../../src/domain/exportJsonSchema';
import { checkExportDocument, checkExportText } from '../../../src/domain/exportSchema';
import { parseMeasuresDocument } from '../../../src/domain/importer/parseMeasuresDocument';

const committed = JSON.parse(readFileSync('public/schema/export-v1.json', 'utf8')) as Record<string, unknown>;
const ajv = new Ajv({ allErrors: false, strict: false });
addFormats(ajv);
const validateJson = ajv.compile(committed);

// A loosely typed document, to spoil on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

function parsedExample() {
  const text = readFileSync('test/fixtures/000_8abfe1898a6e5c73.txt', 'utf8');
  const r = parseMeasuresDocument(text, {
    exportId: '7f0c2a4e-3b1d-4c5e-9f6a-0b1c2d3e4f5a',
    exportedAt: '2024-01-15T03:00:00.000Z',
  });
  if (!r.ok) throw new Error(r.error.message);
  return JSON.parse(JSON.stringify(r.document)) as Record<string, unknown>;
}

describe('the export format schema', () => {
  it('the committed JSON Schema file is the one generated from the validator (run npm run schema)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(exportJsonSchema())));
  });

  it('the parser output passes both the validator and the JSON Schema', () => {
    const doc = parsedExample();
    expect(checkExportDocument(doc).ok).toBe(true);
    expect(validateJson(doc)).toBe(true);
  });

  it.each([
    ['a missing id', (d: Record<string, unknown>) => delete d.id],
    ['a wrong format name', (d: Record<string, unknown>) => (d.format = 'other-app')],
    ['a score as text', (d: Doc) => (d.plans[0].overallScore = '98.82')],
    ['an unknown tick status', (d: Doc) => (d.progress = [{ ...tick(), status: 'finished' }])],
    ['a date that is not ISO', (d: Doc) => (d.plans[0].measures[0].period.start = '1 ต.ค. 2566')],
  ])('refuses %s, in the validator and the JSON Schema alike', (_name, spoil) => {
    const doc = parsedExample();
    spoil(doc);
    expect(checkExportDocument(doc).ok).toBe(false);
    expect(validateJson(doc)).toBe(false);
  });

  it('explains in Thai what is wrong with a foreign, newer, truncated or invalid file', () => {
    expect(checkExportText('{"format":"ita-tracker","version":1,')).toMatchObject({
      ok: false,
      code: 'not_json',
    });
    expect(checkExportText('{"name":"something else"}')).toMatchObject({ ok: false, code: 'foreign' });
    expect(checkExportText('{"format":"ita-tracker","version":2}')).toMatchObject({
      ok: false,
      code: 'newer_version',
    });
    const bad = parsedExample();
    (bad as Doc).plans[0].measures[1].title = 42;
    const r = checkExportDocument(bad);
    expect(r).toMatchObject({ ok: false, code: 'invalid', path: 'plans.0.measures.1.title' });
    expect(!r.ok && r.message).toMatch(/ไม่มีการเปลี่ยนแปลงข้อมูลในเครื่อง/);
  });
});

function tick() {
  return {
    id: 't1',
    planId: 'p1',
    measureId: 'm1',
    actionId: 'a1',
    date: '2024-01-10',
    status: 'done',
    note: '',
    by: '',
    at: '2024-01-10T03:00:00.000Z',
    deviceId: 'd1',
  };
}
