import { describe, expect, it, vi } from 'vitest';
import {
  remembered,
  rememberedTexts,
  seedRemembered,
  whenTextAdded,
} from '../../../src/domain/rememberedText';

describe('texts remembered by what they were made from', () => {
  it('are made once per key, and told to the store when new', () => {
    const make = vi.fn(() => 'ทำแล้ว');
    const added = vi.fn();
    whenTextAdded(added);
    try {
      expect(remembered('unit|a', make)).toBe('ทำแล้ว');
      expect(remembered('unit|a', make)).toBe('ทำแล้ว');
      expect(make).toHaveBeenCalledTimes(1);
      expect(added).toHaveBeenCalledTimes(1);
    } finally {
      whenTextAdded(null);
    }
  });

  it('take texts kept from an earlier start without making them, and never over one made here', () => {
    remembered('unit|made-here', () => 'ของเครื่องนี้');
    seedRemembered([
      ['unit|kept', 'จากครั้งก่อน'],
      ['unit|made-here', 'ค่าเก่า'],
    ]);
    const make = vi.fn(() => 'ใหม่');
    expect(remembered('unit|kept', make)).toBe('จากครั้งก่อน');
    expect(make).not.toHaveBeenCalled();
    expect(remembered('unit|made-here', make)).toBe('ของเครื่องนี้');
  });

  it('give the newest texts to keep, and how many were made here', () => {
    const before = rememberedTexts(1_000).added;
    for (let i = 0; i < 5; i++) remembered(`unit|n${i}`, () => `ข้อความ ${i}`);
    const { entries, added } = rememberedTexts(2);
    expect(entries).toEqual([
      ['unit|n3', 'ข้อความ 3'],
      ['unit|n4', 'ข้อความ 4'],
    ]);
    expect(added - before).toBe(5);
  });
});
