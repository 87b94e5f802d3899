import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { reportView } from '../../../src/db/reportQueries';
import { makeCommands } from '../../../src/db/commands';
import { buildReport, type ReportOptions } from '../../../src/domain/report/buildReport';
import { tableRows, type DocModel } from '../../../src/domain/report/docModel';
import { NOTHING_RECORDED } from '../../../src/domain/report/measureRow';
import type { ReportData } from '../../../src/domain/report/reportData';
import { renderDocx } from '../../../src/report/renderDocx';
import { renderDocHtml, standaloneHtml } from '../../../src/report/renderHtml';
import { photoBytes } from '../../fixtures/report/seedExample';
import { seededDatabase } from '../../fixtures/report/exampleExport';
import { docxPart, docxTableRows, htmlTableRows } from './readBack';

const YEAR: ReportOptions = { period: 'year', digits: 'arabic', today: '2024-10-05', appendix: false };

async function example() {
  const seeded = await seededDatabase();
  const view = await reportView(seeded.db, seeded.seeded.planId);
  return { ...seeded, data: view!.data };
}

const rowOf = (model: DocModel, measure: number) =>
  tableRows(model).find((r) => r[0]!.startsWith(`${measure}. `))!;

describe('the report model (example plan, ticks in quarters 1 and 2)', () => {
  it('has one table: the nine columns and one row per measure, in order', async () => {
    const { data } = await example();
    const rows = tableRows(buildReport(data, YEAR));
    expect(rows[0]).toEqual([
      'มาตรการ',
      'วิธีการ/ขั้นตอน',
      'ผู้รับผิดชอบ',
      'ระยะเวลา',
      'ผลการดำเนินงาน',
      'งบประมาณ (บาท)',
      'ปัญหา อุปสรรค',
      'ข้อเสนอแนะ',
      'หลักฐาน',
    ]);
    expect(rows.slice(1).map((r) => r[0]!.split('.')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it('says what was done and when for each step, and groups the steps not started', async () => {
    const { data } = await example();
    const row = rowOf(buildReport(data, YEAR), 1);
    const steps = row[1]!.split('\n');
    expect(steps).toHaveLength(8);
    expect(steps[0]).toBe('1.1 ส่งเสริมการมีส่วนร่วมของ… (เสร็จ 25 ต.ค. 66)');
    expect(steps[7]).toMatch(/^3\.4 แจ้งเวียนมาตรการฯ.* \(กำลังดำเนินการ 27 มี\.ค\. 67\)$/);
    const seventh = rowOf(buildReport(data, YEAR), 7)[1]!.split('\n');
    expect(seventh.at(-1)).toBe('ยังไม่ดำเนินการ: 1.3, 3.1, 3.2, 3.3');
  });

  it('puts results, budget, problems, suggestions and evidence of the quarterly records in the row', async () => {
    const { data } = await example();
    const row = rowOf(buildReport(data, YEAR), 2);
    expect(row[2]).toBe('งานบริหารทั่วไป สำนักปลัด');
    expect(row[3]).toBe('1 ต.ค. 66 – 30 ก.ย. 67');
    expect(row[4]!.split('\n')[0]).toBe('ดำเนินการแล้ว 3 จาก 4 รายการ');
    expect(row[4]).toContain('ไตรมาส 1: ประชุมชี้แจงมาตรการแก่บุคลากร');
    expect(row[4]).toContain('ไตรมาส 2: ดำเนินการแล้ว');
    expect(row[5]).toBe('ตั้งไว้ 15,000\nใช้ไป 8,750');
    expect(row[6]).toContain('ไตรมาส 1: ผู้รับบริการบางส่วนยังไม่รู้จักระบบออนไลน์');
    expect(row[7]).toBe('ไตรมาส 1: ประชาสัมพันธ์ช่องทางออนไลน์เพิ่มเติม');
    expect(row[8]).toBe('รายงานการประชุมครั้งที่ 1, 2, 4, 5/2567');
    const first = rowOf(buildReport(data, YEAR), 1)[8]!.split('\n');
    expect(first).toEqual(['รายงานการประชุมครั้งที่ 1–6/2567', 'ภาพถ่าย 1 ภาพ', 'เว็บไซต์ อบต.']);
  });

  it('gives a measure with nothing recorded one short row that says so', async () => {
    const { data } = await example();
    const model = buildReport(data, YEAR);
    const table = model.blocks.find((b) => b.kind === 'table')!;
    const row = table.kind === 'table' ? table.rows[3]! : null;
    expect(row!.cells).toEqual([
      { lines: ['4. กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ'] },
      { lines: [NOTHING_RECORDED], span: 8 },
    ]);
  });

  it('sums up measures, steps and budget, and leaves the period out of the six-month report', async () => {
    const { data, db, deps, setNow, seeded } = await example();
    const summary = (model: DocModel) =>
      model.blocks
        .filter((b) => b.kind === 'paragraph' && (b as { indent?: boolean }).indent)
        .map((b) => (b as { text: string }).text);
    expect(summary(buildReport(data, YEAR))).toEqual([
      'มาตรการทั้งหมด 7 มาตรการ: ดำเนินการแล้ว 0 มาตรการ อยู่ระหว่างดำเนินการ 6 มาตรการ ยังไม่ดำเนินการ 1 มาตรการ',
      'วิธีการและขั้นตอนที่ดำเนินการแล้ว 27 จาก 43 รายการ (ร้อยละ 62.8)',
      'งบประมาณที่ใช้รวม 53,667 บาท จากที่ตั้งไว้ 92,000 บาท (ร้อยละ 58.3)',
    ]);
    // A step of measure 4 done in July: in the year-end report, not in the six-month one.
    setNow('2024-07-10T03:00:00.000Z');
    const action = (await db.actions.where('measureId').equals(seeded.measureIds[4]!).toArray())[0]!;
    await makeCommands(db, deps).tickAction(action.id, { date: '2024-07-10', status: 'done', note: '' });
    const after = (await reportView(db, seeded.planId))!.data;
    expect(rowOf(buildReport(after, YEAR), 4)[1]).toContain('(เสร็จ 10 ก.ค. 67)');
    const half = buildReport(after, { ...YEAR, period: 'half' });
    expect(rowOf(half, 4)[1]).toBe(NOTHING_RECORDED);
    expect(half.blocks[0]).toEqual({
      kind: 'title',
      lines: [
        'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
        'ประจำปีงบประมาณ พ.ศ. 2567 รอบ 6 เดือน (ตุลาคม 2566 – มีนาคม 2567)',
        'องค์การบริหารส่วนตำบลเรือเสาะออก อำเภอเรือเสาะ จังหวัดนราธิวาส',
      ],
    });
  });

  it('writes every figure in Thai digits by default for print, names the file with agency, period and date', async () => {
    const { data } = await example();
    const model = buildReport(data, { ...YEAR, digits: 'thai' });
    const texts = model.blocks.flatMap((b) =>
      b.kind === 'title' ? b.lines : b.kind === 'paragraph' || b.kind === 'heading' ? [b.text] : [],
    );
    expect(JSON.stringify([tableRows(model), texts])).not.toMatch(/[0-9]/);
    expect(model.blocks[1]).toEqual({
      kind: 'paragraph',
      text:
        'ตามผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปี พ.ศ. ๒๕๖๖ ' +
        'คะแนนภาพรวม ๙๘.๘๒ คะแนน ระดับผ่านดีเยี่ยม ข้อมูล ณ วันที่ ๕ ตุลาคม ๒๕๖๗',
    });
    expect(model.fileName).toBe(
      'รายงานผลการดำเนินการตามมาตรการ องค์การบริหารส่วนตำบลเรือเสาะออก ปีงบประมาณ 2567 ประจำปี 2567-10-05',
    );
  });

  it('signs with the names kept on the plan, or dotted lines to fill by hand', async () => {
    const { data } = await example();
    const blank = buildReport(data, YEAR).blocks.find((b) => b.kind === 'signatures')!;
    expect(JSON.stringify(blank)).toContain('(....................................................)');
    const signed: ReportData = {
      ...data,
      plan: {
        ...data.plan,
        signatures: {
          reporterName: 'นางสาวสมศรี ใจดี',
          reporterPosition: 'นักวิเคราะห์นโยบายและแผน',
          headName: 'นายสมชาย รักดี',
          headPosition: 'นายกองค์การบริหารส่วนตำบลเรือเสาะออก',
        },
      },
    };
    const block = buildReport(signed, YEAR).blocks.find((b) => b.kind === 'signatures')!;
    expect(block).toEqual({
      kind: 'signatures',
      columns: [
        {
          lines: [
            'ผู้รายงาน',
            'ลงชื่อ ....................................................',
            '(นางสาวสมศรี ใจดี)',
            'ตำแหน่ง นักวิเคราะห์นโยบายและแผน',
            'วันที่ 5 ตุลาคม 2567',
          ],
        },
        {
          lines: [
            'ผู้บริหารรับทราบ',
            'ความเห็น ....................................................',
            'ลงชื่อ ....................................................',
            '(นายสมชาย รักดี)',
            'ตำแหน่ง นายกองค์การบริหารส่วนตำบลเรือเสาะออก',
            'วันที่ ........../........../..........',
          ],
        },
      ],
    });
  });
});

describe('the three outputs show the model’s rows', () => {
  it('the HTML table has exactly the model’s rows', async () => {
    const { data } = await example();
    for (const digits of ['thai', 'arabic'] as const) {
      const model = buildReport(data, { ...YEAR, digits });
      expect(htmlTableRows(renderDocHtml(model))).toEqual(tableRows(model));
    }
  });

  it('the .docx, read back with mammoth, has a table with the same rows, A4 landscape, TH SarabunPSK 16 pt and Thai page numbers', async () => {
    const { data } = await example();
    const model = buildReport(data, { ...YEAR, digits: 'thai' });
    const bytes = await renderDocx(model);
    const [table, signatures] = await docxTableRows(bytes);
    expect(table).toEqual(tableRows(model));
    expect(signatures![0]![0]).toContain('ผู้รายงาน');
    const xml = docxPart(bytes, 'word/document.xml');
    expect(xml).toMatch(/<w:pgSz w:w="1683\d" w:h="1190\d" w:orient="landscape"\/>/);
    expect(xml).toContain('w:fmt="thaiNumbers"');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:titlePg/>');
    const styles = docxPart(bytes, 'word/styles.xml');
    expect(styles).toMatch(/w:ascii="TH SarabunPSK"[^>]*w:cs="TH SarabunPSK"|w:cs="TH SarabunPSK"[^>]*/);
    expect(styles).toContain('<w:sz w:val="32"/>');
    expect(styles).toContain('<w:szCs w:val="32"/>');
  });

  it('escapes what people typed and makes links only of web addresses', async () => {
    const { data } = await example();
    const tick = data.ticks.find((t) => !t.deletedAt)!;
    const hostile: ReportData = {
      ...data,
      records: data.records.map((r) => ({ ...r, problems: '<script>alert(1)</script>' })),
      evidence: [
        ...data.evidence,
        {
          ...data.evidence[0]!,
          id: 'e-x',
          kind: 'link',
          name: 'คลิก',
          url: 'javascript:alert(1)',
          targetTable: 'progress',
          targetId: tick.id,
        },
      ],
    };
    const html = standaloneHtml(buildReport(hostile, YEAR), null);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<a href="https://www.rusook.go.th/ita/o43">');
  });

  it('adds the photos two to a row with captions when the appendix is asked for', async () => {
    const { data } = await example();
    const model = buildReport(data, { ...YEAR, appendix: true });
    const photos = model.blocks.find((b) => b.kind === 'photos');
    expect(photos && photos.kind === 'photos' ? photos.photos.map((p) => p.caption) : []).toEqual([
      'ภาพที่ 1 มาตรการที่ 1 1.1 ส่งเสริมการมีส่วนร่วมของผู้มีส่วนได้ส่วนเสียภายนอก ในการแสดง… (25 ต.ค. 2566)',
      'ภาพที่ 2 รายงานการประชุมครั้งที่ 1/2567 (25 ต.ค. 2566)',
    ]);
    const plain = await renderDocx(buildReport(data, YEAR));
    const withPhotos = await renderDocx(model, async () => ({
      data: photoBytes(),
      type: 'jpg',
      width: 1200,
      height: 900,
    }));
    const tables = await docxTableRows(withPhotos);
    expect(tables.at(-1)).toEqual([[expect.stringContaining('ภาพที่ 1'), expect.stringContaining('ภาพที่ 2')]]);
    // The photo travels once (both captions show the same picture), inside the file.
    const media = Object.entries(unzipSync(withPhotos)).filter(([name]) => name.startsWith('word/media/'));
    expect(media.map(([, bytes]) => bytes.length)).toEqual([photoBytes().length]);
    expect(withPhotos.length).toBeGreaterThan(plain.length);
    const html = renderDocHtml(model, () => 'data:image/jpeg;base64,AAAA');
    expect(html.match(/<figure>/g)).toHaveLength(2);
  });
});
