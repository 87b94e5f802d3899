import { describe, expect, it } from 'vitest';
import { parseMeasuresDocument } from '../../../../src/domain/importer/parseMeasuresDocument';
import { measure, OPTS, readDocument, readExample } from './fixtures';

const parse = (text: string, catalogueYear?: number | null) => {
  const result = parseMeasuresDocument(text, catalogueYear === undefined ? OPTS : { ...OPTS, catalogueYear });
  if (!result.ok) throw new Error(result.error.message);
  return result.document.plans[0]!;
};

describe('catalogues by assessment year, never forced', () => {
  it('imports a document of a year after 2569 with its own codes and one notice, not a warning per item', () => {
    const text = readDocument('tessaban-prose-2568.txt').replace(/2569/g, '2571').replace(/2568/g, '2570');
    const plan = parse(text);
    expect([plan.assessmentYear, plan.fiscalYear, plan.catalogueYear]).toEqual([2570, 2571, null]);
    expect(measure(plan, 1).items).toEqual([
      {
        code: 'o12',
        printed: 'O12',
        text: 'รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ',
      },
      { code: 'o13', printed: 'O13', text: 'รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี' },
    ]);
    expect(plan.warnings.map((w) => w.code)).toEqual(['catalogue-unknown-year']);
    expect(plan.warnings[0]!.message).toContain('2570');
  });

  it('re-reads the codes with the catalogue a person chooses, and says when it is not the document’s year', () => {
    const own = parse(readExample());
    expect(own.catalogueYear).toBe(2566);
    expect(measure(own, 5).items.find((i) => i.printed === '๐๑๔')?.code).toBe('o19');

    const asWritten = parse(readExample(), null);
    expect(asWritten.catalogueYear).toBeNull();
    expect(measure(asWritten, 5).items.find((i) => i.printed === '๐๑๔')?.code).toBe('o14');
    expect(asWritten.warnings.filter((w) => w.code.startsWith('item-code'))).toEqual([]);
    expect(asWritten.warnings.filter((w) => w.code.startsWith('catalogue-')).map((w) => w.code)).toEqual([
      'catalogue-unknown-year',
    ]);

    const other = parse(readExample(), 2569);
    expect(other.catalogueYear).toBe(2569);
    expect(other.warnings.filter((w) => w.code.startsWith('catalogue-')).map((w) => w.code)).toEqual([
      'catalogue-provisional',
    ]);
  });
});
