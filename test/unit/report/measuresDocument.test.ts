import { describe, expect, it } from 'vitest';
import { reportView } from '../../../src/db/reportQueries';
import { buildMeasuresDocument } from '../../../src/domain/report/buildMeasuresDocument';
import { tableRows, type DocModel } from '../../../src/domain/report/docModel';
import { meetingNumbers } from '../../../src/domain/report/reportWords';
import { shortText } from '../../../src/domain/report/shortText';
import { renderDocx } from '../../../src/report/renderDocx';
import { renderDocHtml } from '../../../src/report/renderHtml';
import { seededDatabase } from '../../fixtures/report/exampleExport';
import { docxHtml, docxPart, docxTableRows, htmlTableRows } from './readBack';

const paragraphs = (model: DocModel) =>
  model.blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? [b.text] : []));

describe('the measures document (o42 / O25) from the plan as it stands', () => {
  it('lays out every measure with its items, analysis table, methods, responsible, steps and period', async () => {
    const { db, seeded } = await seededDatabase({ photos: false });
    const { data } = (await reportView(db, seeded.planId))!;
    const model = buildMeasuresDocument(data, { digits: 'arabic', today: '2024-10-05' });
    expect(model.orientation).toBe('portrait');
    const text = paragraphs(model);
    expect(text.filter((t) => /^\(\d\) /.test(t))).toHaveLength(7);
    // Every method and step in full, numbered as the document numbers them.
    for (const a of data.actions) expect(text).toContain(`${a.number}) ${a.text}`);
    expect(text).toContain('งบประมาณ 20,000 บาท');
    expect(text).toContain('1 ตุลาคม 2566 – 30 กันยายน 2567');
    expect(tableRows(model)[0]).toEqual(['แบบวัด', 'ตัวชี้วัด', 'ข้อคำถาม', 'คะแนน', 'การวิเคราะห์']);
  });

  it('shows an edit made in the app, and the same tables in HTML and .docx', async () => {
    const { db, seeded } = await seededDatabase({ photos: false });
    const { data } = (await reportView(db, seeded.planId))!;
    const edited = {
      ...data,
      actions: data.actions.map((a, i) => (i === 0 ? { ...a, text: 'ข้อความที่แก้ในแอป' } : a)),
    };
    const model = buildMeasuresDocument(edited, { digits: 'thai', today: '2024-10-05' });
    expect(paragraphs(model).some((t) => t.endsWith('ข้อความที่แก้ในแอป'))).toBe(true);
    expect(htmlTableRows(renderDocHtml(model))).toEqual(tableRows(model));
    const bytes = await renderDocx(model);
    const tables = await docxTableRows(bytes);
    // Each analysis table with its header, then the signature table last.
    expect(tables.slice(0, -1).flat()).toEqual(tableRows(model));
    expect(await docxHtml(bytes)).toContain('ข้อความที่แก้ในแอป');
    expect(docxPart(bytes, 'word/document.xml')).toMatch(
      /<w:pgSz w:w="1190\d" w:h="1683\d" w:orient="portrait"\/>/,
    );
  });
});

describe('wording helpers', () => {
  it('cuts a long Thai step at a word, not inside one', () => {
    expect(shortText('สำนักปลัด งานบริหารทั่วไป ดำเนินการวิเคราะห์ผลการประเมิน', 24)).toBe('สำนักปลัด งานบริหาร…');
    expect(shortText('สั้น', 24)).toBe('สั้น');
  });

  it('writes meeting numbers as ranges per year', () => {
    expect(meetingNumbers(['1/2567', '2/2567', '3/2567', '5/2567'])).toBe('1–3, 5/2567');
    expect(meetingNumbers(['1/2567', '2/2567'])).toBe('1, 2/2567');
    expect(meetingNumbers(['12/2566', '1/2567', 'พิเศษ'])).toBe('12/2566, 1/2567, พิเศษ');
  });
});
