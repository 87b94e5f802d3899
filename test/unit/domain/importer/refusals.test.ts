import { describe, expect, it } from 'vitest';
import { looksGarbledThai } from '../../../../src/domain/importer/checkDocumentText';
import { parseMeasuresDocument } from '../../../../src/domain/importer/parseMeasuresDocument';
import { OPTS, readDocument, readExample } from './fixtures';

const refusal = (text: string) => {
  const result = parseMeasuresDocument(text, OPTS);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('accepted');
  expect(result.error.message).toMatch(/[\u0E01-\u0E5B]/); // Thai, with an English gloss
  expect(result.error.message).not.toContain('\n');
  return result.error.code;
};

describe('what is not a measures document is refused with one clear message', () => {
  it('refuses empty and blank text', () => {
    expect(refusal('')).toBe('empty');
    expect(refusal(' \r\n\t\u00a0\n')).toBe('empty');
  });

  it('refuses binary data', () => {
    const bytes = Array.from({ length: 3000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    expect(refusal(bytes)).toBe('binary');
  });

  it('refuses an English text even when it looks like a measures document', () => {
    expect(refusal(readDocument('junk-english.txt'))).toBe('not-thai');
  });

  it('refuses a Shopping List that has no measures', () => {
    expect(refusal(readDocument('junk-shopping-list.txt'))).toBe('no-measures');
  });

  it.each([
    ['an anti-corruption announcement', 'not-measures-announcement.txt'],
    ['a procurement analysis', 'not-measures-procurement.txt'],
    ['an ITA results table without measures', 'not-measures-ita-results.txt'],
  ])('refuses %s: Thai, but no measure with actions, units or a period', (_what, file) => {
    expect(refusal(readDocument(file))).toBe('no-measures');
  });

  it('refuses a Thai grocery list', () => {
    const list = [
      'รายการซื้อของ',
      '- ไข่ไก่ ๑ แผง',
      '- น้ำปลา ๒ ขวด',
      '- ข้าวสาร ๕ กิโลกรัม',
      '- ผักบุ้ง มะนาว พริก กระเทียม',
    ];
    expect(refusal(list.join('\n').repeat(4))).toBe('no-measures');
  });

  it('refuses Thai text garbled by a PDF font: private-use glyphs or detached marks', () => {
    const pua = readExample()
      .slice(0, 3000)
      .replace(/[ก-ฮ]/g, (c) => String.fromCharCode(0xe000 + c.charCodeAt(0) - 0x0e00));
    expect(refusal(pua)).toBe('garbled');
    const detached = 'ก ่ารประเมิน ้คุณธรรม ิและความโปร ่งใส '.repeat(30);
    expect(looksGarbledThai(detached)).toBe(true);
    expect(looksGarbledThai(readExample())).toBe(false);
  });

  it('does not call a PDF garbled for the tone marks its font drew from the private-use area', () => {
    // ส + U+F70A (่ shifted low) + ู, as pdf.js gives "สู่" drawn in Garuda or TH Sarabun.
    const shifted = 'การนำผลการประเมินไปส\uF70Aูการปฏิบัติ ผ\uF70Bูรับผิดชอบ '.repeat(40);
    expect(looksGarbledThai(shifted)).toBe(false);
  });

  it('accepts the standard Thai private-use tone marks of PDF fonts and repairs them', () => {
    const pdfLike = readExample()
      .replace(/\u0E49/g, '\uF70B')
      .replace(/\u0E48/g, '\uF70A');
    const result = parseMeasuresDocument(pdfLike, OPTS);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.document.plans[0]?.agency.name).toBe('องค์การบริหารส่วนตำบลเรือเสาะออก');
  });
});
