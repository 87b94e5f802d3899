import { describe, expect, it } from 'vitest';
import { parseMeasuresDocument } from '../../../../src/domain/importer/parseMeasuresDocument';
import { OPTS, parsePlan, planFacts as facts, readDocument, readExample } from './fixtures';

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
