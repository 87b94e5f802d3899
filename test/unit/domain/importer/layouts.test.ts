import { describe, expect, it } from 'vitest';
import { parseMeasuresDocument } from '../../../../src/domain/importer/parseMeasuresDocument';
import { codes, measure, OPTS, parsePlan, readDocument, readExample } from './fixtures';

describe('a municipality with Arabic digits, "มาตรการที่ 1" headings, CRLF, NBSP and zero-width spaces', () => {
  const text = readDocument('tessaban-arabic-crlf.txt');
  const { plan } = parsePlan(text);

  it('really is a CRLF file with a BOM, non-breaking and zero-width spaces', () => {
    expect(text).toContain('\r\n');
    expect(text).toContain('\u00a0');
    expect(text).toContain('\u200b');
  });

  it('reads another agency and its years from "ITA 2566" and the periods, not the FY title', () => {
    expect(plan.agency).toEqual({ name: 'เทศบาลตำบลหนองบัว', district: 'เมืองอุดรธานี', province: 'อุดรธานี' });
    expect(plan.assessmentYear).toBe(2566);
    expect(plan.fiscalYear).toBe(2567);
    expect(plan.overallScore).toBe(87.45);
    expect(plan.rating).toBe('ผ่าน');
    expect(plan.warnings).toEqual([]);
  });

  it('reads the headings worded differently and "1.1" numbering without brackets', () => {
    const m1 = measure(plan, 1);
    expect(m1.title).toBe('การใช้อำนาจอย่างเป็นธรรม');
    expect(codes(m1.items)).toEqual(['i13', 'i14', 'o23']);
    expect(m1.indicators).toEqual([{ number: 3, name: 'การใช้อำนาจ', score: 82.15 }]);
    expect(m1.findings.map((f) => [f.kind, f.instrument, f.indicator, f.code, f.score])).toEqual([
      ['weakness', 'IIT', 3, 'i13', 80.5],
      ['weakness', 'IIT', 3, 'i14', 83.8],
    ]);
    expect(m1.actions.map((a) => `${a.kind}:${a.number}`)).toEqual([
      'method:1.1',
      'method:1.2',
      'step:3.1',
      'step:3.2',
      'step:3.3',
    ]);
    // Zero-width spaces are gone from the text.
    expect(m1.actions[0]?.text).toBe('ชี้แจงหลักเกณฑ์การมอบหมายงานและการประเมินผลการปฏิบัติงานให้บุคลากรทุกคนทราบ');
  });

  it('keeps two responsible units, one per line', () => {
    expect(measure(plan, 1).responsible).toBe('กองการเจ้าหน้าที่ สำนักปลัดเทศบาล');
    expect(measure(plan, 1).responsibleUnits).toEqual(['กองการเจ้าหน้าที่', 'สำนักปลัดเทศบาล']);
  });

  it('reads a shorter period "มกราคม – มิถุนายน 2567" as January to June 2024', () => {
    expect(measure(plan, 1).period).toEqual({ start: '2024-01-01', end: '2024-06-30' });
    expect(measure(plan, 2).period).toEqual({ start: '2023-10-01', end: '2024-09-30' });
  });

  it('reads upper-case codes and an indicator line with non-breaking spaces', () => {
    expect(codes(measure(plan, 2).items)).toEqual(['o11', 'o19', 'e9']);
    expect(measure(plan, 2).indicators).toEqual([{ number: 9, name: 'การเปิดเผยข้อมูล', score: 91.25 }]);
  });
});

describe('an อบต. with Thai digits, "๑." headings, bullets and missing sections', () => {
  const { plan } = parsePlan(readDocument('obt-thai-bullets-missing.txt'));
  const warnings = (code: string) =>
    plan.warnings.filter((w) => w.code === code).map((w) => [w.measure, w.line]);

  it('reads three measures after the table of contents', () => {
    expect(plan.agency.name).toBe('องค์การบริหารส่วนตำบลนาดี');
    expect(plan.measures.map((m) => m.number)).toEqual([1, 2, 3]);
    expect(plan.fiscalYear).toBe(2567);
    expect(plan.assessmentYear).toBe(2566);
  });

  it('numbers bullet methods itself and joins a method wrapped onto the next line', () => {
    expect(measure(plan, 1).actions.map((a) => [a.number, a.text])).toEqual([
      ['1.1', 'เปิดโอกาสให้บุคลากรมีส่วนร่วมในการจัดทำแผนการใช้จ่ายงบประมาณ'],
      ['1.2', 'เผยแพร่แผนการจัดซื้อจัดจ้างบนเว็บไซต์ ของหน่วยงานภายในเดือนตุลาคม'],
      ['3.1', 'กองคลังจัดทำแผนการจัดซื้อจัดจ้าง'],
      ['3.2', 'เสนอนายกองค์การบริหารส่วนตำบลลงนาม'],
    ]);
  });

  it('reads a period with months only, October to March', () => {
    expect(measure(plan, 1).period).toEqual({ start: '2023-10-01', end: '2024-03-31' });
  });

  it('rebuilds a table row broken across lines and resolves the codes', () => {
    expect(measure(plan, 1).findings).toEqual([
      {
        kind: 'weakness',
        instrument: 'IIT',
        indicator: 2,
        code: 'i9',
        text: 'หน่วยงานของท่าน ใช้จ่ายงบประมาณเป็นไปตาม วัตถุประสงค์และคุ้มค่า มากน้อยเพียงใด',
        score: 87.1,
        analysis: 'บุคลากรบางส่วนไม่ทราบ แผนการใช้จ่ายงบประมาณ',
      },
      expect.objectContaining({ code: 'i12', printed: '๑๒', score: 89.9, analysis: '' }),
    ]);
    expect(codes(measure(plan, 1).items)).toEqual(['i9', 'i12', 'o19']);
    expect(codes(measure(plan, 2).items)).toEqual(['i13', 'o23']);
  });

  it('warns about the missing period, the missing steps and the lines it could not place', () => {
    expect(measure(plan, 2).period).toBeNull();
    expect(warnings('measure-no-period')).toEqual([[2, 41]]);
    expect(measure(plan, 3).actions.filter((a) => a.kind === 'step')).toEqual([]);
    expect(warnings('measure-no-steps')).toEqual([[3, 55]]);
    expect(warnings('unplaced-line')).toEqual([
      [1, 17],
      [1, 38],
      [1, 39],
    ]);
    expect(plan.warnings.find((w) => w.line === 17)?.message).toContain('หมายเหตุ ข้อมูลจากระบบ ITAS');
  });

  it('warns that indicator 2 is given two scores, in measures 1 and 3', () => {
    expect(plan.warnings.filter((w) => w.code === 'indicator-score-conflict')).toEqual([
      expect.objectContaining({
        measure: 3,
        line: 59,
        message: expect.stringMatching(/ตัวชี้วัดที่ 2.*88\.5.*89/),
      }),
    ]);
  });
});

describe('a municipality with "ประเด็นที่ 1:" headings, abbreviated dates and inline sections', () => {
  const { plan } = parsePlan(readDocument('tessaban-abbrev-headings.txt'));

  it('reads "อ." and "จ." abbreviations in the agency line', () => {
    expect(plan.agency).toEqual({ name: 'เทศบาลเมืองบางกรวย', district: 'บางกรวย', province: 'นนทบุรี' });
    expect(plan.overallScore).toBe(95.61);
    expect(plan.rating).toBe('ผ่านดีเยี่ยม');
    expect(plan.warnings).toEqual([]);
  });

  it('reads "ผู้รับผิดชอบ: กองคลัง และกองช่าง" on one line as two units', () => {
    expect(measure(plan, 1).responsible).toBe('กองคลัง และกองช่าง');
    expect(measure(plan, 1).responsibleUnits).toEqual(['กองคลัง', 'กองช่าง']);
    expect(measure(plan, 2).responsibleUnits).toEqual(['สำนักปลัดเทศบาล', 'กองสวัสดิการสังคม']);
  });

  it('numbers "1)" items under their section as 1.x methods and 3.x steps', () => {
    expect(measure(plan, 1).actions.map((a) => `${a.kind}:${a.number}`)).toEqual([
      'method:1.1',
      'method:1.2',
      'step:3.1',
      'step:3.2',
      'step:3.3',
    ]);
  });

  it('reads "1 ต.ค. 66 - 30 ก.ย. 67" and "ม.ค. - ก.ย. 67"', () => {
    expect(measure(plan, 1).period).toEqual({ start: '2023-10-01', end: '2024-09-30' });
    expect(measure(plan, 2).period).toEqual({ start: '2024-01-01', end: '2024-09-30' });
  });

  it('reads a table without tool and indicator columns and an indicator scored in brackets', () => {
    expect(measure(plan, 1).indicators).toEqual([{ number: 8, name: 'การปรับปรุงระบบการทำงาน', score: 94.2 }]);
    expect(measure(plan, 1).findings).toEqual([
      {
        kind: null,
        instrument: 'EIT',
        indicator: 8,
        code: 'e13',
        text: 'หน่วยงานมีระบบการให้บริการออนไลน์ หรือไม่',
        score: 93.1,
        analysis: 'ประชาชนยังไม่ทราบช่องทางออนไลน์',
      },
    ]);
  });

  it('reads bullet constraints', () => {
    expect(plan.constraints).toEqual([
      'บุคลากรด้านเทคโนโลยีสารสนเทศมีจำนวนจำกัด',
      'งบประมาณสำหรับพัฒนาระบบออนไลน์มีน้อย',
    ]);
  });
});

describe('smaller variations', () => {
  it('reads the score written after the assessment on one line, "… พ.ศ. 2568 : 91.37 คะแนน (ระดับ ผ่านดี)"', () => {
    const text = readDocument('tessaban-arabic-crlf.txt').replace(
      /ผลการประเมิน ITA[^\n]*\n[^\n]*87\.45[^\n]*\n[^\n]*ผ่าน[^\r\n]*/,
      'ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2566 : 91.37 คะแนน (ระดับ ผ่านดี)',
    );
    expect(text).toContain(': 91.37 คะแนน');
    const { plan } = parsePlan(text);
    expect(plan.overallScore).toBe(91.37);
    expect(plan.rating).toBe('ผ่านดี');
    expect(plan.assessmentYear).toBe(2566);
  });

  it('takes the title from the next line when "มาตรการที่ 1" stands alone', () => {
    const text = readDocument('tessaban-arabic-crlf.txt').replace(
      'มาตรการที่ 1 การใช้อำนาจอย่างเป็นธรรม',
      'มาตรการที่ 1\r\nการใช้อำนาจอย่างเป็นธรรม',
    );
    expect(measure(parsePlan(text).plan, 1).title).toBe('การใช้อำนาจอย่างเป็นธรรม');
  });

  it('reads the example with Arabic digits and CRLF line ends the same way', () => {
    const arabic = readExample()
      .replace(/[๐-๙]/g, (d) => String('๐๑๒๓๔๕๖๗๘๙'.indexOf(d)))
      .replace(/\n/g, '\r\n');
    const a = parsePlan(arabic).plan;
    const b = parsePlan(readExample()).plan;
    expect(a.measures.map((m) => codes(m.items))).toEqual(b.measures.map((m) => codes(m.items)));
    expect(a.measures.map((m) => m.actions.map((x) => x.number))).toEqual(
      b.measures.map((m) => m.actions.map((x) => x.number)),
    );
    expect(a.measures.map((m) => m.period)).toEqual(b.measures.map((m) => m.period));
    expect(a.id).toBe(b.id);
  });

  it('still parses when a whole section is deleted, and says which one is missing', () => {
    const text = readExample().replace(/๒\) การกำหนดผู้รับผิดชอบหรือผู้ที่เกี่ยวข้อง\n\nงานนโยบายและแผน สำนักปลัด\n/, '');
    const result = parseMeasuresDocument(text, OPTS);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const plan = result.document.plans[0];
    expect(plan?.warnings.filter((w) => w.code === 'measure-no-responsible').map((w) => w.measure)).toEqual([
      5,
    ]);
  });
});
