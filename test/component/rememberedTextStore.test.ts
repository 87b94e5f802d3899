import { describe, expect, it } from 'vitest';
import { formatThaiDate } from '../../src/domain/thaiFormat';
import { keepRememberedTexts } from '../../src/hooks/rememberedTextStore';

const KEY = 'ita-texts';
const stored = (browser: string, texts: [string, string][]) =>
  localStorage.setItem(KEY, JSON.stringify({ browser, build: 'dev', texts }));
const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

describe('Intl-made texts kept from one start to the next', () => {
  it('are used as kept by the same browser, instead of being made again', () => {
    stored(navigator.userAgent, [['date|arabic|long|2031-02-03', 'ข้อความที่เก็บไว้']]);
    keepRememberedTexts();
    expect(formatThaiDate('2031-02-03', { long: true })).toBe('ข้อความที่เก็บไว้');
  });

  it('are made again by Intl when another browser version kept them', () => {
    stored('another browser/1.0', [['date|arabic|long|2032-02-03', 'ของเบราว์เซอร์อื่น']]);
    keepRememberedTexts();
    expect(formatThaiDate('2032-02-03', { long: true })).toBe('3 กุมภาพันธ์ 2575');
  });

  it('keep a new text once the frame that made it is painted', async () => {
    localStorage.removeItem(KEY);
    keepRememberedTexts();
    expect(formatThaiDate('2033-04-05')).toBe('5 เม.ย. 2576');
    await painted();
    const kept = JSON.parse(localStorage.getItem(KEY) ?? '{}') as { texts?: [string, string][] };
    expect(kept.texts).toContainEqual(['date|arabic|short|2033-04-05', '5 เม.ย. 2576']);
  });

  it('start empty from unreadable storage', () => {
    localStorage.setItem(KEY, '{broken');
    expect(() => keepRememberedTexts()).not.toThrow();
    expect(formatThaiDate('2034-01-01')).toBe('1 ม.ค. 2577');
  });
});
