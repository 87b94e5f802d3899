import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatBaht,
  formatBytes,
  formatNumber,
  formatPeriod,
  formatThaiDate,
  formatThaiMonthYear,
  formatThaiDateTime,
  STATUS_LABELS,
  toArabicDigits,
  toThaiDigits,
} from '../../../src/domain/thaiFormat';

describe('formatThaiDate', () => {
  it('writes 2024-01-05 with the Buddhist-era year 2567 and a short Thai month', () => {
    const text = formatThaiDate('2024-01-05');
    expect(text).toContain('2567');
    expect(text).not.toContain('2024');
    expect(text).toBe('5 ม.ค. 2567');
  });

  it('writes the full month name when asked for the long form', () => {
    expect(formatThaiDate('2024-01-05', { long: true })).toBe('5 มกราคม 2567');
  });

  it('writes Thai digits when asked: ๒๕๖๗', () => {
    const text = formatThaiDate('2024-01-05', { digits: 'thai' });
    expect(text).toContain('๒๕๖๗');
    expect(text).not.toMatch(/[0-9]/);
    expect(text).toBe('๕ ม.ค. ๒๕๖๗');
  });

  it('keeps the calendar day at the ends of the year and of the fiscal year', () => {
    expect(formatThaiDate('2023-12-31')).toBe('31 ธ.ค. 2566');
    expect(formatThaiDate('2024-01-01')).toBe('1 ม.ค. 2567');
    expect(formatThaiDate('2024-09-30')).toBe('30 ก.ย. 2567');
    expect(formatThaiDate('2024-10-01')).toBe('1 ต.ค. 2567');
    expect(formatThaiDate('2024-02-29')).toBe('29 ก.พ. 2567');
  });
});

describe('formatThaiMonthYear', () => {
  it('names the month and the Buddhist-era year of a date, on the first and last day of a month', () => {
    expect(formatThaiMonthYear('2023-11-01')).toBe('พฤศจิกายน 2566');
    expect(formatThaiMonthYear('2024-01-31')).toBe('มกราคม 2567');
    expect(formatThaiMonthYear('2024-09-30', { digits: 'thai' })).toBe('กันยายน ๒๕๖๗');
  });
});

describe('formatThaiDateTime', () => {
  it('shows an instant as Bangkok date and time: 17:00 UTC on 30 Sep is midnight on 1 Oct', () => {
    expect(formatThaiDateTime('2024-09-30T17:00:00Z')).toBe('1 ต.ค. 2567 00:00');
    expect(formatThaiDateTime('2024-09-30T16:59:00.000Z')).toBe('30 ก.ย. 2567 23:59');
  });

  it('writes Thai digits in the time too when asked', () => {
    expect(formatThaiDateTime('2024-09-30T16:59:00Z', { digits: 'thai' })).toBe('๓๐ ก.ย. ๒๕๖๗ ๒๓:๕๙');
  });
});

describe('formatPeriod', () => {
  it('joins start and end dates with a dash', () => {
    expect(formatPeriod({ start: '2023-10-01', end: '2024-09-30' })).toBe('1 ต.ค. 2566 – 30 ก.ย. 2567');
    expect(formatPeriod({ start: '2023-10-01', end: '2024-09-30' }, { digits: 'thai' })).toBe(
      '๑ ต.ค. ๒๕๖๖ – ๓๐ ก.ย. ๒๕๖๗',
    );
  });
});

describe('Thai and Arabic digits', () => {
  it('turns 2567 into ๒๕๖๗ and back', () => {
    expect(toThaiDigits('2567')).toBe('๒๕๖๗');
    expect(toArabicDigits('๒๕๖๗')).toBe('2567');
  });

  it('maps each of the ten digits', () => {
    expect(toThaiDigits('0123456789')).toBe('๐๑๒๓๔๕๖๗๘๙');
    expect(toArabicDigits('๐๑๒๓๔๕๖๗๘๙')).toBe('0123456789');
  });

  it('leaves everything that is not a digit alone', () => {
    expect(toThaiDigits('มาตรการที่ 1.2 (ไตรมาส 3)')).toBe('มาตรการที่ ๑.๒ (ไตรมาส ๓)');
    expect(toArabicDigits('ข้อ ๑.๒ และ 3')).toBe('ข้อ 1.2 และ 3');
    expect(toThaiDigits('ไม่มีตัวเลข')).toBe('ไม่มีตัวเลข');
  });

  it('round-trips any text: Arabic → Thai → Arabic gives Arabic digits back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const arabic = toArabicDigits(s);
        expect(toArabicDigits(toThaiDigits(arabic))).toBe(arabic);
        expect(toThaiDigits(arabic)).not.toMatch(/[0-9]/);
      }),
    );
  });

  it('round-trips Thai digits: Thai → Arabic → Thai', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'๐๑๒๓๔๕๖๗๘๙ก .') }), (s) => {
        expect(toThaiDigits(toArabicDigits(s))).toBe(s);
      }),
    );
  });
});

describe('formatNumber', () => {
  it('writes Arabic digits by default and Thai digits when asked', () => {
    expect(formatNumber(85.5)).toBe('85.5');
    expect(formatNumber(85.5, { digits: 'thai' })).toBe('๘๕.๕');
    expect(formatNumber(2567, { digits: 'arabic' })).toBe('2567');
  });
});

describe('formatBaht', () => {
  it('groups thousands and keeps up to two decimals', () => {
    expect(formatBaht(12500)).toBe('12,500 บาท');
    expect(formatBaht(1250.5)).toBe('1,250.5 บาท');
    expect(formatBaht(0)).toBe('0 บาท');
  });

  it('writes Thai digits when asked', () => {
    expect(formatBaht(12500.25, { digits: 'thai' })).toBe('๑๒,๕๐๐.๒๕ บาท');
  });
});

describe('formatBytes', () => {
  it('picks the unit people read: bytes, KB, MB, GB', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(850 * 1024)).toBe('850 KB');
    expect(formatBytes(5.6 * 1024 * 1024)).toBe('5.6 MB');
    // The settings page showed a browser's quota as "10245.6 MB".
    expect(formatBytes(10245.6 * 1024 * 1024)).toBe('10 GB');
  });

  it('keeps one decimal below 100 and drops a trailing .0', () => {
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(formatBytes(12.34 * 1024 * 1024)).toBe('12.3 MB');
    expect(formatBytes(150.4 * 1024 * 1024)).toBe('150 MB');
  });

  it('writes Thai digits when asked', () => {
    expect(formatBytes(5.6 * 1024 * 1024, { digits: 'thai' })).toBe('๕.๖ MB');
  });
});

describe('STATUS_LABELS', () => {
  it('names each tick status in Thai', () => {
    expect(STATUS_LABELS).toEqual({
      done: 'ดำเนินการแล้ว',
      in_progress: 'อยู่ระหว่างดำเนินการ',
      not_started: 'ยังไม่ดำเนินการ',
    });
  });
});
