import { describe, expect, it } from 'vitest';
import { formatBahtInput, parseBahtInput } from '../../../src/domain/bahtInput';

describe('baht typed in a form', () => {
  it('reopens as it was typed: 15,000 stays 15,000, in the digits chosen', () => {
    expect(parseBahtInput('15,000')).toBe(15000);
    expect(formatBahtInput(parseBahtInput('15,000'))).toBe('15,000');
    expect(formatBahtInput(1250.5)).toBe('1,250.5');
    expect(formatBahtInput(1234567.89)).toBe('1,234,567.89');
    expect(formatBahtInput(999)).toBe('999');
    expect(formatBahtInput(15000, 'thai')).toBe('๑๕,๐๐๐');
    expect(formatBahtInput(null)).toBe('');
  });

  it('reads Thai digits, no commas, a trailing บาท, and an empty box as no amount', () => {
    expect(parseBahtInput('๑๕,๐๐๐')).toBe(15000);
    expect(parseBahtInput('15000.50')).toBe(15000.5);
    expect(parseBahtInput('2,500 บาท')).toBe(2500);
    expect(parseBahtInput('  ')).toBeNull();
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['-5', 'ห้าพัน', '1,50', '15,0000', '1.234', '1e3', '10000000000000']) {
      expect(parseBahtInput(bad), bad).toBeUndefined();
    }
  });
});
