import { describe, expect, it } from 'vitest';
import { groupByUnitName, responsibleUnits, unitKey } from '../../../src/domain/responsibleUnits';

const m = (responsible: string, units?: string[]) => ({
  responsible,
  ...(units ? { responsibleUnits: units } : {}),
});

describe('responsible units', () => {
  it('counts one unit written in another word order, with a slash, or with "งาน" before the division as one', () => {
    const names = [
      'งานบริหารทั่วไป/งานสำนักปลัด',
      'งานบริหารทั่วไป สำนักปลัด',
      'สำนักปลัด งานบริหารทั่วไป',
      'งานบริหารทั่วไป  /  สำนักปลัด',
    ];
    expect(new Set(names.map(unitKey)).size).toBe(1);
    const groups = groupByUnitName(names.map((name, i) => ({ measure: m(name), value: i })));
    expect(groups).toEqual([
      { key: unitKey(names[0]!), name: 'งานบริหารทั่วไป งานสำนักปลัด', values: [0, 1, 2, 3] },
    ]);
  });

  it('keeps units apart that are listed with commas, "และ", new lines, or a slash between two divisions', () => {
    expect(responsibleUnits(m('กองคลัง, กองช่าง'))).toEqual(['กองคลัง', 'กองช่าง']);
    expect(responsibleUnits(m('กองคลัง และ กองช่าง'))).toEqual(['กองคลัง', 'กองช่าง']);
    expect(responsibleUnits(m('กองคลัง/กองช่าง'))).toEqual(['กองคลัง', 'กองช่าง']);
    expect(responsibleUnits(m('งานนโยบายและแผน สำนักปลัด'))).toEqual(['งานนโยบายและแผน สำนักปลัด']);
    expect(unitKey('งานนโยบายและแผน สำนักปลัด')).not.toBe(unitKey('งานบริหารทั่วไป สำนักปลัด'));
  });

  it('reads the listed units (as the importer gives them) the same way, each unit once', () => {
    expect(responsibleUnits(m('', ['งานบริหารทั่วไป/งานสำนักปลัด', 'สำนักปลัด งานบริหารทั่วไป', ' กองคลัง ']))).toEqual([
      'งานบริหารทั่วไป งานสำนักปลัด',
      'กองคลัง',
    ]);
    expect(responsibleUnits(m('  '))).toEqual(['ไม่ระบุผู้รับผิดชอบ']);
  });

  it('counts a measure under each unit it names, once', () => {
    const groups = groupByUnitName([
      { measure: m('กองคลัง, สำนักปลัด'), value: 'a' },
      { measure: m('สำนักปลัด'), value: 'b' },
    ]);
    expect(groups.map((g) => [g.name, g.values])).toEqual([
      ['กองคลัง', ['a']],
      ['สำนักปลัด', ['a', 'b']],
    ]);
  });
});
