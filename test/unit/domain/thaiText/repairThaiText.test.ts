import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldPattern, foldSaraAm } from '../../../../src/domain/thaiText/foldThai';
import { repairThaiText, summariseRepairs } from '../../../../src/domain/thaiText/repairThaiText';
import { EXAMPLE_PATH } from '../importer/fixtures';

const repaired = (text: string) => repairThaiText(text).text;

describe('repairing Thai text as PDFs leave it', () => {
  it('restores ำ in words that exist only with it, and lists each repair with its line', () => {
    const r = repairThaiText('การกาหนดขั้นตอนการดาเนินการ\nสานักงานปลัด อาเภอเมือง ตาบลนาดี\nประจาปีงบประมาณ');
    expect(r.text).toBe('การกำหนดขั้นตอนการดำเนินการ\nสำนักงานปลัด อำเภอเมือง ตำบลนาดี\nประจำปีงบประมาณ');
    expect(r.repairs).toEqual([
      { line: 1, kind: 'word', from: 'กาหนด', to: 'กำหนด' },
      { line: 1, kind: 'word', from: 'ดาเนิน', to: 'ดำเนิน' },
      { line: 2, kind: 'word', from: 'สานัก', to: 'สำนัก' },
      { line: 2, kind: 'word', from: 'อาเภอ', to: 'อำเภอ' },
      { line: 2, kind: 'word', from: 'ตาบล', to: 'ตำบล' },
      { line: 3, kind: 'word', from: 'ประจา', to: 'ประจำ' },
    ]);
  });

  it('keeps what is a word without ำ: rice fields, paint, shame, left, transfer, place names', () => {
    for (const text of [
      'ชาวนาปลูกข้าว ทาสีอาคาร',
      'ไม่ประจานผู้ใด',
      'เลี้ยวซ้าย การโยกย้าย',
      'สารองค์กรประจำปี',
      'ตำบลนาดี อำเภอนาทวี',
      'ค่าใช้จ่าย จากการประชุม',
    ]) {
      expect(repaired(text)).toBe(text);
    }
  });

  it('restores นำ, ทำ and คำ only in the phrases that make them certain', () => {
    expect(repaired('วิธีการนาผลการวิเคราะห์ไปสู่การปฏิบัติ')).toBe('วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ');
    expect(repaired('จัดทาแผน ให้คาแนะนา นาเสนอผู้บริหาร')).toBe('จัดทำแผน ให้คำแนะนำ นำเสนอผู้บริหาร');
    // "ให้ทา" may be "let (someone) paint": left as written.
    expect(repaired('สั่งให้ทาธุระส่วนตัว')).toBe('สั่งให้ทาธุระส่วนตัว');
  });

  it('mends sara am split into nikhahit and sara aa, in either order', () => {
    expect(repaired('ดําเนินการ กาํหนด')).toBe('ดำเนินการ กำหนด');
  });

  it('maps private-use glyph codes of old Thai fonts back to letters and drops the empty ones', () => {
    // ฐ and ญ without descender, a shifted tone mark and vowel, and an unassigned code.
    expect(repaired('รั\uF700 ห\uF70Fิง ป\uF701\uF70A \uF71Dปี')).toBe('รัฐ หญิง ปิ่ ปี');
    expect(repairThaiText('\uF71D').repairs).toEqual([{ line: 1, kind: 'glyph', from: '\uF71D', to: '' }]);
  });

  it('puts a tone mark typed before its vowel after it', () => {
    expect(repaired('เจ้าหน้าท\u0E48\u0E35')).toBe('เจ้าหน้าท\u0E35\u0E48');
  });

  it('restores ฎ and ฏ drawn without their tail in the words where they belong', () => {
    expect(repaired('ปฎิบัติตามกฏหมาย ปรากฎว่า ปติบัติงาน')).toBe('ปฏิบัติตามกฎหมาย ปรากฏว่า ปฏิบัติงาน');
  });

  it('joins a space inside a certain word, but not between words', () => {
    expect(repaired('การดำ เนินการ และกา หนด')).toBe('การดำเนินการ และกำหนด');
    expect(repaired('ให้ คำแนะนำใน การพัฒนา')).toBe('ให้ คำแนะนำใน การพัฒนา');
  });

  it('keeps line breaks as they were, CRLF included', () => {
    expect(repaired('ดาเนิน\r\nกาหนด\n\nตาบล')).toBe('ดำเนิน\r\nกำหนด\n\nตำบล');
    expect(repairThaiText('a\r\nตาบล').repairs[0]?.line).toBe(2);
  });

  it('groups repairs for people: each change once with its count and lines', () => {
    const r = repairThaiText('ดาเนินการ\nดาเนินงาน กาหนด\nดาเนิน');
    expect(summariseRepairs(r.repairs)).toEqual([
      { kind: 'word', from: 'ดาเนิน', to: 'ดำเนิน', count: 3, lines: [1, 2, 3] },
      { kind: 'word', from: 'กาหนด', to: 'กำหนด', count: 1, lines: [2] },
    ]);
  });
});

describe('the example with every ำ lost, as a PDF of it would give', () => {
  // The repaired original is the reference: the example itself has a split "ข้อ คำถาม".
  const reference = repaired(readFileSync(EXAMPLE_PATH, 'utf8'));
  const damaged = reference.replace(/\u0E33/g, '\u0E32');
  const result = repairThaiText(damaged);

  it('restores at least 95 % of the lost ำ and never puts one where there was none', () => {
    let restored = 0;
    let wrong = 0;
    let lost = 0;
    for (let i = 0; i < reference.length; i++) {
      if (damaged[i] !== '\u0E32') continue;
      if (reference[i] === '\u0E33') lost++;
      if (result.text[i] === '\u0E33') {
        if (reference[i] === '\u0E33') restored++;
        else wrong++;
      }
    }
    expect(wrong).toBe(0);
    expect(restored / lost).toBeGreaterThanOrEqual(0.95);
  });

  it('reads the same as the original once ำ and า are folded for matching', () => {
    expect(foldSaraAm(result.text)).toBe(foldSaraAm(reference));
  });
});

describe('folding for matching', () => {
  it('reads ำ as า in text and in patterns, keeping positions', () => {
    expect(foldSaraAm('การกำหนด')).toBe('การกาหนด');
    expect(foldSaraAm('การกำหนด')).toHaveLength('การกำหนด'.length);
    const heading = foldPattern(/^การกำหนดขั้นตอน/);
    expect(heading.test(foldSaraAm('การกำหนดขั้นตอน'))).toBe(true);
    expect(heading.test(foldSaraAm('การกาหนดขั้นตอน'))).toBe(true);
  });
});

describe('repair on any text', () => {
  const thai = fc.string({
    unit: fc.constantFrom(...'กขคดตนบปมรลวสหอาำิีุู่้๊๋์ัํ็ะเแโใไ \n\r\t\uF700\uF70A\uF71D0123456789'),
    maxLength: 300,
  });

  it('keeps the number of lines, and a second repair changes nothing more', () => {
    fc.assert(
      fc.property(thai, (text) => {
        const once = repairThaiText(text).text;
        const lines = (t: string) => t.split(/\r\n|\r|\n/).length;
        expect(lines(once)).toBe(lines(text));
        expect(repairThaiText(once).text).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
