import { describe, expect, it } from 'vitest';
import { decodeShared, encodeShared } from '../../../src/domain/sharedJson';

describe('JSON that keeps shared objects shared', () => {
  it('writes an object reached many times once, and reads back one object they all point at', () => {
    const measure = { id: 'm1', title: 'เปิดเผยข้อมูลสาธารณะ', findings: [{ text: 'ยาว'.repeat(200) }] };
    const items = Array.from({ length: 50 }, (_, i) => ({
      action: { id: `a${i}` },
      measure,
      latest: undefined,
    }));
    const view = { measures: [measure], items };

    const text = encodeShared(view)!;
    expect(text.length).toBeLessThan(JSON.stringify(view).length / 10);
    const back = decodeShared(text) as typeof view;

    expect(back).toEqual(JSON.parse(JSON.stringify(view)));
    expect(back.items.every((item) => item.measure === back.measures[0])).toBe(true);
    expect('latest' in back.items[0]!).toBe(false); // as JSON drops it; reads as undefined
  });

  it('keeps values that are equal but not the same object apart', () => {
    const back = decodeShared(encodeShared({ a: { n: 1 }, b: { n: 1 } })!) as Record<string, object>;
    expect(back.a).toEqual(back.b);
    expect(back.a).not.toBe(back.b);
  });

  it.each([
    ['a Map', { m: new Map([[1, 2]]) }],
    ['a Set', [new Set([1])]],
    ['a Date', { at: new Date(0) }],
    ['NaN', { score: Number.NaN }],
    ['Infinity', [Infinity]],
    ['undefined in an array', [1, undefined]],
    ['a function', { f: () => 1 }],
    ['a key of its own format', { $ref: 0 }],
    ['a class instance', { e: new Error('x') }],
    ['nothing', undefined],
  ])('refuses %s rather than write a text that reads back different', (_name, value) => {
    expect(encodeShared(value)).toBeNull();
  });

  it('refuses a cycle', () => {
    const a: Record<string, unknown> = { id: 'a' };
    a.self = { back: a };
    expect(encodeShared(a)).toBeNull();
  });

  it('reads plain JSON as it is, and throws on a reference to nothing', () => {
    expect(decodeShared('{"a":[1,"ข",null,true]}')).toEqual({ a: [1, 'ข', null, true] });
    expect(() => decodeShared('{"a":{"$ref":3}}')).toThrow(/reference 3/);
  });
});
