import { describe, expect, it } from 'vitest';
import { diffFields, recordRev, stampFields } from '../../../src/domain/changeLog';

const S1 = '001727715600000-000000-a';
const S2 = '001727715600000-000001-b';
const S3 = '001727715700000-000000-a';

const plan = {
  id: 'p1',
  createdAt: '2024-01-05T03:00:00.000Z',
  updatedAt: '2024-01-05T03:00:00.000Z',
  deletedAt: null,
  stamps: { agency: S1, fiscalYear: S1 },
  agency: { name: 'เทศบาลตำบลบางพลี', district: 'บางพลี', province: 'สมุทรปราการ' },
  fiscalYear: 2567,
  overallScore: 85.5,
  constraints: ['งบประมาณจำกัด'],
};

describe('diffFields', () => {
  it('reports nothing when only bookkeeping fields changed', () => {
    const next = {
      ...plan,
      id: 'p2',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      stamps: { agency: S3 },
    };
    expect(diffFields(plan, next)).toEqual({ fields: {}, before: {} });
  });

  it('reports nothing for a copy that is deep-equal but not the same objects', () => {
    const copy = JSON.parse(JSON.stringify(plan)) as typeof plan;
    expect(copy.agency).not.toBe(plan.agency);
    expect(diffFields(plan, copy)).toEqual({ fields: {}, before: {} });
  });

  it('reports a change inside a nested object as the whole field, with its old value', () => {
    const next = { ...plan, agency: { ...plan.agency, district: 'เมืองสมุทรปราการ' } };
    expect(diffFields(plan, next)).toEqual({
      fields: { agency: { name: 'เทศบาลตำบลบางพลี', district: 'เมืองสมุทรปราการ', province: 'สมุทรปราการ' } },
      before: { agency: { name: 'เทศบาลตำบลบางพลี', district: 'บางพลี', province: 'สมุทรปราการ' } },
    });
  });

  it('reports an array that gained an item, and a changed number, but not the fields left alone', () => {
    const next = {
      ...plan,
      updatedAt: '2024-02-01T00:00:00.000Z',
      overallScore: 90,
      constraints: ['งบประมาณจำกัด', 'บุคลากรไม่เพียงพอ'],
    };
    const { fields, before } = diffFields(plan, next);
    expect(fields).toEqual({ overallScore: 90, constraints: ['งบประมาณจำกัด', 'บุคลากรไม่เพียงพอ'] });
    expect(before).toEqual({ overallScore: 85.5, constraints: ['งบประมาณจำกัด'] });
  });

  it('treats soft deletion as a real change, not bookkeeping', () => {
    const next = { ...plan, deletedAt: '2024-03-01T00:00:00.000Z' };
    expect(diffFields(plan, next)).toEqual({
      fields: { deletedAt: '2024-03-01T00:00:00.000Z' },
      before: { deletedAt: null },
    });
  });

  it('reports a field that is new, with an undefined old value', () => {
    const { fields, before } = diffFields(plan, { ...plan, rating: 'A' });
    expect(fields).toEqual({ rating: 'A' });
    expect(Object.keys(before)).toEqual(['rating']);
    expect(before.rating).toBeUndefined();
  });

  it('reports a value cleared to null', () => {
    expect(diffFields(plan, { ...plan, overallScore: null })).toEqual({
      fields: { overallScore: null },
      before: { overallScore: 85.5 },
    });
  });
});

describe('stampFields', () => {
  it('gives every changed field the new stamp and keeps the others', () => {
    const stamps = { agency: S1, fiscalYear: S1 };
    expect(stampFields(stamps, { agency: {}, rating: 'A' }, S3)).toEqual({
      agency: S3,
      fiscalYear: S1,
      rating: S3,
    });
  });

  it('leaves the stamps it was given untouched', () => {
    const stamps = { agency: S1 };
    stampFields(stamps, { agency: {} }, S3);
    expect(stamps).toEqual({ agency: S1 });
  });

  it('returns an equal copy when nothing changed', () => {
    const stamps = { agency: S1 };
    const next = stampFields(stamps, {}, S3);
    expect(next).toEqual(stamps);
    expect(next).not.toBe(stamps);
  });
});

describe('recordRev', () => {
  it('is the highest stamp of any field', () => {
    expect(recordRev({ agency: S1, rating: S3, fiscalYear: S2 })).toBe(S3);
    expect(recordRev({ a: S2, b: S1 })).toBe(S2);
  });

  it('is null for a record with no stamps yet', () => {
    expect(recordRev({})).toBeNull();
  });

  it('moves to the new stamp after a change is stamped', () => {
    const stamps = stampFields({ agency: S1, fiscalYear: S2 }, { rating: 'A' }, S3);
    expect(recordRev(stamps)).toBe(S3);
  });
});
