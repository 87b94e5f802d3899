import { describe, expect, it } from 'vitest';
import { catalogueFor, catalogueIndicator } from '../../../../src/domain/catalogue/itaCatalogue';
import { matchSectionHeading } from '../../../../src/domain/importer/classifyLine';
import { normaliseText } from '../../../../src/domain/importer/normaliseText';
import { parsePeriod } from '../../../../src/domain/importer/parsePeriod';
import { readCodeToken, resolveItemCode } from '../../../../src/domain/importer/resolveItemCode';

const catalogue = catalogueFor(2566);
const resolve = (line: string) => {
  const [l] = normaliseText(line);
  if (!l) throw new Error('no line');
  const token = readCodeToken(l.text, l.key);
  if (!token) return null;
  return resolveItemCode(token, l.text.slice(token.end).trim(), catalogue);
};

describe('the ITA 2566 catalogue', () => {
  it('has i1–i30, e1–e15 and o1–o43 with Thai names, under indicators 1–10', () => {
    const byLetter = (l: string) => catalogue.items.filter((i) => i.code[0] === l).length;
    expect([byLetter('i'), byLetter('e'), byLetter('o')]).toEqual([30, 15, 43]);
    expect(catalogue.indicators.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const item of catalogue.items) {
      expect(item.name).toMatch(/\S/);
      expect(catalogueIndicator(catalogue, item.indicator ?? -1)).toBeDefined();
    }
    expect(catalogue.items.find((i) => i.code === 'o42')?.name).toBe(
      'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
    );
  });

  it('serves 2567 and earlier years from the 2566 table', () => {
    expect(catalogueFor(2567).year).toBe(2566);
    expect(catalogueFor(2560).year).toBe(2566);
  });

  it('names the measures and report items by year: o42/o43 in 2566, O25/O26 in the provisional 2569', () => {
    expect(catalogueFor(2566).roles).toEqual({ measures: 'o42', report: 'o43' });
    const y2569 = catalogueFor(2569);
    expect([y2569.year, y2569.status]).toEqual([2569, 'provisional']);
    expect(y2569.roles).toEqual({ measures: 'o25', report: 'o26' });
    expect(y2569.items.find((i) => i.code === 'o25')?.name).toBe('การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร');
    expect(y2569.items.every((i) => i.provisional)).toBe(true);
  });

  it('has no table for 2568 or for years after 2569', () => {
    for (const year of [2568, 2570, 2575]) {
      expect(catalogueFor(year)).toMatchObject({
        year,
        status: 'none',
        items: [],
        roles: { measures: null },
      });
    }
  });
});

describe('item codes of a year the app has no established table for', () => {
  const token = (line: string) => {
    const [l] = normaliseText(line);
    return readCodeToken(l!.text, l!.key)!;
  };

  it('keeps O-codes and their texts as written, never corrected by the provisional 2569 list', () => {
    const c = catalogueFor(2569);
    expect(resolveItemCode(token('O25 การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร'), 'x', c)).toEqual({
      code: 'o25',
      printed: 'O25',
    });
    // A title of another code is not "corrected" either: items move between codes from year to year.
    expect(resolveItemCode(token('O3 แผนปฏิบัติการป้องกันการทุจริต'), 'แผนปฏิบัติการป้องกันการทุจริต', c)).toEqual({
      code: 'o3',
      printed: 'O3',
    });
  });

  it('keeps codes of a year with no table as written, bare numbers included', () => {
    const none = catalogueFor(2570);
    expect(resolveItemCode(token('o๑๑ แผน'), 'แผน', none)).toEqual({ code: 'o11', printed: 'o๑๑' });
    expect(resolveItemCode(token('๑๑๓ ท่านได้รับมอบหมายงาน'), 'ท่านได้รับมอบหมายงาน', none)).toEqual({
      code: '113',
      printed: '๑๑๓',
    });
  });
});

describe('item codes as OCR leaves them', () => {
  it('reads ๐ as o, upper case letters, and corrects a number that contradicts its text', () => {
    expect(resolve('๐๑๑ แผนดำเนินงานและการใช้งบประมาณประจำปี')).toEqual({ code: 'o11' });
    expect(resolve('E๑๑ การปฏิบัติหรือการให้บริการของเจ้าหน้าที่ดีขึ้นกว่าที่ผ่านมา มากน้อยเพียงใด')).toEqual({ code: 'e11' });
    expect(resolve('๐๑๔ แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ')).toMatchObject({
      code: 'o19',
      printed: '๐๑๔',
      warning: { code: 'item-code-resolved' },
    });
  });

  it('decides between i and o for a lost letter by the text: question or title', () => {
    expect(
      resolve('๑๑๓ ท่านได้รับมอบหมายงานตามตำแหน่งหน้าที่จากผู้บังคับบัญชาของท่านอย่างเป็นธรรม มากน้อยเพียงใด')?.code,
    ).toBe('i13');
    expect(resolve('๑๒๓ นโยบายหรือแผนการบริหารทรัพยากรบุคคล')?.code).toBe('o23');
    expect(resolve('๑๓๙ ประมวลจริยธรรมสำหรับเจ้าหน้าที่ของรัฐ')?.code).toBe('o39');
    expect(
      resolve('๒๒๑ เจ้าหน้าที่ของหน่วยงานท่าน มีการขออนุญาตยืมทรัพย์สินของราชการไปใช้ปฏิบัติงานอย่างถูกต้อง มากน้อยเพียงใด')?.code,
    ).toBe('i21');
  });

  it('warns when a code does not match its text and nothing better does', () => {
    expect(resolve('i๓ รายงานการประชุมสภาประจำปี')?.warning?.code).toBe('item-code-mismatch');
    expect(resolve('o๙๙ อะไรก็ได้')?.warning?.code).toBe('item-code-unknown');
  });

  it('does not take list numbering or dates for codes', () => {
    expect(resolve('๑) วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ')).toBeNull();
    expect(resolve('๑.๑) ส่งเสริมการมีส่วนร่วม')).toBeNull();
    expect(resolve('๒๕๖๖ ปีที่ประเมิน')).toBeNull();
  });
});

describe('periods', () => {
  it.each([
    ['๑ ตุลาคม ๒๕๖๖ – ๓๐ กันยายน ๒๕๖๗', '2023-10-01', '2024-09-30'],
    ['๑ ตุลาคม ๒๕๖๖ - ๓๐ กันยายน ๒๕๖๗', '2023-10-01', '2024-09-30'],
    ['มกราคม – มิถุนายน ๒๕๖๗', '2024-01-01', '2024-06-30'],
    ['ตุลาคม – มีนาคม 2567', '2023-10-01', '2024-03-31'],
    ['1 ต.ค. 66 - 30 ก.ย. 67', '2023-10-01', '2024-09-30'],
    ['ตั้งแต่ 1 มกราคม พ.ศ. 2567 ถึง 29 กุมภาพันธ์ พ.ศ. 2567', '2024-01-01', '2024-02-29'],
    ['ตลอดปีงบประมาณ พ.ศ. 2567', '2023-10-01', '2024-09-30'],
  ])('reads "%s"', (text, start, end) => {
    expect(parsePeriod(text)).toEqual({ start, end });
  });

  it('gives null for no date or an impossible one', () => {
    expect(parsePeriod('ตลอดปี')).toBeNull();
    expect(parsePeriod('31 กันยายน 2567')).toBeNull();
    expect(parsePeriod('30 กันยายน 2567 – 1 ตุลาคม 2566')).toBeNull();
  });
});

describe('section headings worded and numbered differently', () => {
  const section = (text: string) => {
    const [line] = normaliseText(text);
    return line ? matchSectionHeading(line) : null;
  };
  it.each([
    ['๑) วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ', 'methods'],
    ['แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ', 'methods'],
    ['๒ การกำหนดผู้รับผิดชอบหรือผู้ที่เกี่ยวข้อง', 'responsible'],
    ['ผู้รับผิดชอบ', 'responsible'],
    ['3. ขั้นตอนการดำเนินการ', 'steps'],
    ['๓) การกำหนดขั้นตอนหรือวิธีการปฏิบัติ', 'steps'],
    ['ระยะเวลาดำเนินการ', 'period'],
    ['๔) ระยะเวลา', 'period'],
  ])('"%s" is the %s section', (text, name) => {
    expect(section(text)?.section).toBe(name);
  });

  it('does not take the analysis intro for the methods heading', () => {
    expect(section('การกำหนดวิธีการนำผลการวิเคราะห์แต่ละประเด็นไปสู่การปฏิบัติ')).toBeNull();
  });

  it('keeps what follows the heading on the same line', () => {
    expect(section('ผู้รับผิดชอบ: กองคลัง')).toEqual({ section: 'responsible', number: null, inline: 'กองคลัง' });
    expect(section('๔) ระยะเวลา ๑ ตุลาคม ๒๕๖๖ – ๓๐ กันยายน ๒๕๖๗')?.inline).toBe(
      '๑ ตุลาคม ๒๕๖๖ – ๓๐ กันยายน ๒๕๖๗',
    );
  });
});
