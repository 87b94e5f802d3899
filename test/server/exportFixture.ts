/**
 * Valid export documents of a chosen size, for the server tests and the
 * upload bench. Made here rather than by the parser so each is distinct and
 * cheap, and so the server side depends on nothing but the format.
 */
import { randomUUID } from 'node:crypto';
import type { ExportDocument, ExportMeasure } from '../../src/domain/exportDocument';

const LINE = 'จัดประชุมชี้แจงแนวทางการเปิดเผยข้อมูลสาธารณะและการรับเรื่องร้องเรียนแก่บุคลากรทุกระดับ ';

function measure(n: number, textBytes: number): ExportMeasure {
  // A Thai character is 3 bytes in UTF-8.
  const text = LINE.repeat(Math.max(1, Math.round(textBytes / (LINE.length * 3))));
  return {
    id: `m-${n}`,
    number: n,
    title: `มาตรการที่ ${n} ส่งเสริมความโปร่งใส`,
    items: [{ code: 'o11', text: 'ช่องทางการรับฟังความคิดเห็น' }],
    indicators: [{ number: 9, name: 'การเปิดเผยข้อมูล', score: 87.5 }],
    findings: [
      {
        kind: 'weakness',
        instrument: 'OIT',
        indicator: 9,
        code: 'o11',
        text: 'ยังไม่มีช่องทางรับฟังความคิดเห็น',
        score: 50,
        analysis: 'ควรเพิ่มช่องทางออนไลน์',
      },
    ],
    responsible: 'สำนักปลัด',
    period: { start: '2023-10-01', end: '2024-09-30' },
    actions: [
      { id: `m-${n}-a1`, kind: 'method', number: '1', text },
      { id: `m-${n}-a2`, kind: 'step', number: '1.1', text: 'รายงานผลต่อผู้บริหาร' },
    ],
  };
}

/** A document of about `kb` kilobytes (JSON), with a fresh id unless one is given. */
export function makeExport(options: { id?: string; kb?: number; exportedAt?: string } = {}): ExportDocument {
  const kb = options.kb ?? 4;
  const measures = Math.max(1, Math.round(kb / 5));
  return {
    format: 'ita-tracker',
    version: 1,
    id: options.id ?? randomUUID(),
    exportedAt: options.exportedAt ?? '2024-05-01T10:00:00.000+07:00',
    device: { id: 'phone-1', name: 'โทรศัพท์งานแผน' },
    plans: [
      {
        id: 'plan-2567',
        agency: { name: 'เทศบาลตำบลตัวอย่าง', district: 'เมือง', province: 'เชียงใหม่' },
        assessmentYear: 2566,
        fiscalYear: 2567,
        overallScore: 91.2,
        rating: 'A',
        constraints: [],
        warnings: [],
        measures: Array.from({ length: measures }, (_, i) => measure(i + 1, (kb * 1024) / measures - 900)),
      },
    ],
  };
}
