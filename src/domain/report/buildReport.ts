/**
 * The report the agency publishes (รายงานผลการดำเนินการตามมาตรการส่งเสริม
 * คุณธรรมและความโปร่งใสภายในหน่วยงาน: o43 in ITA 2566–2567, O26 in the newer
 * catalogue), for the six-month round (Oct–Mar) or the fiscal year: heading,
 * one table with a row per measure, a summary, the signature block and, when
 * asked, an appendix of evidence photos. Pure: the day it is made comes in.
 */
import { fiscalYearRange, halfYearRange, type Quarter } from '../fiscalCalendar';
import { FULL_YEAR, SIX_MONTHS } from '../quarterlyReport';
import { formatNumber, formatThaiDate, formatThaiMonthYear, type DigitStyle } from '../thaiFormat';
import type { IsoDate } from '../types';
import type { DocBlock, DocColumn, DocModel, DocPhoto } from './docModel';
import { measureRow, type MeasureResult } from './measureRow';
import type { ReportData } from './reportData';
import { reportSignatures } from './reportSignatures';
import { agencyLine, assessmentLine, documentFileName, formatAmount, inDigits } from './reportWords';

export type ReportPeriod = 'half' | 'year';

export interface ReportOptions {
  period: ReportPeriod;
  digits: DigitStyle;
  /** The Bangkok day the report is made: the reporter's date and the file name. */
  today: IsoDate;
  /** Add the evidence photos as an appendix. */
  appendix: boolean;
}

export const REPORT_TITLE = 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน';

export const REPORT_COLUMNS: DocColumn[] = [
  { label: 'มาตรการ', width: 10 },
  { label: 'วิธีการ/ขั้นตอน', width: 27 },
  { label: 'ผู้รับผิดชอบ', width: 8 },
  { label: 'ระยะเวลา', width: 7 },
  { label: 'ผลการดำเนินงาน', width: 19 },
  { label: 'งบประมาณ (บาท)', width: 7 },
  { label: 'ปัญหา อุปสรรค', width: 8 },
  { label: 'ข้อเสนอแนะ', width: 7 },
  { label: 'หลักฐาน', width: 7 },
];

const percent = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;

export function reportPeriodInfo(fiscalYear: number, period: ReportPeriod) {
  const range = period === 'half' ? halfYearRange(fiscalYear, 1) : fiscalYearRange(fiscalYear);
  const quarters: Quarter[] = period === 'half' ? SIX_MONTHS : FULL_YEAR;
  return { range, quarters };
}

export function buildReport(data: ReportData, options: ReportOptions): DocModel {
  const { digits, period } = options;
  const plan = data.plan;
  const n = (x: number) => formatNumber(x, { digits });
  const { range, quarters } = reportPeriodInfo(plan.fiscalYear, period);
  const months = `${formatThaiMonthYear(range.start, { digits })} – ${formatThaiMonthYear(range.end, { digits })}`;
  const periodLine =
    period === 'half'
      ? `ประจำปีงบประมาณ พ.ศ. ${n(plan.fiscalYear)} รอบ ${n(6)} เดือน (${months})`
      : `ประจำปีงบประมาณ พ.ศ. ${n(plan.fiscalYear)} (${months})`;

  const measures = data.measures.filter((m) => !m.deletedAt).sort((a, b) => a.number - b.number);
  const results: MeasureResult[] = measures.map((m) => measureRow(m, { data, range, quarters, digits }));

  const blocks: DocBlock[] = [
    { kind: 'title', lines: [REPORT_TITLE, periodLine, agencyLine(plan.agency)] },
    {
      kind: 'paragraph',
      text: `${assessmentLine(plan, digits)} ข้อมูล ณ วันที่ ${formatThaiDate(options.today, { digits, long: true })}`,
    },
    {
      kind: 'table',
      label: 'ผลการดำเนินการตามมาตรการ',
      columns: REPORT_COLUMNS,
      rows: results.map((r) => r.row),
    },
    { kind: 'heading', text: 'สรุปผลการดำเนินการ' },
    ...summary(results, digits).map((text): DocBlock => ({ kind: 'paragraph', text, indent: true })),
    { kind: 'signatures', columns: reportSignatures(plan.signatures, options.today, digits) },
  ];

  if (options.appendix) {
    const photos = appendixPhotos(data, results, digits);
    if (photos.length > 0) {
      blocks.push({ kind: 'heading', text: 'ภาคผนวก ภาพถ่ายหลักฐานการดำเนินงาน', pageBreakBefore: true });
      blocks.push({ kind: 'photos', photos });
    }
  }

  return {
    kind: 'report',
    title: `${REPORT_TITLE} ${periodLine}`,
    orientation: 'landscape',
    digits,
    fileName: documentFileName(
      [
        'รายงานผลการดำเนินการตามมาตรการ',
        plan.agency.name,
        `ปีงบประมาณ ${plan.fiscalYear}`,
        period === 'half' ? 'รอบ 6 เดือน' : 'ประจำปี',
      ],
      options.today,
    ),
    blocks,
  };
}

function summary(results: MeasureResult[], digits: DigitStyle): string[] {
  const n = (x: number) => formatNumber(x, { digits });
  const count = (s: MeasureResult['status']) => results.filter((r) => r.status === s).length;
  const done = results.reduce((s, r) => s + r.done, 0);
  const total = results.reduce((s, r) => s + r.total, 0);
  const spent = results.reduce((s, r) => s + r.spent, 0);
  const plannedRows = results.filter((r) => r.planned !== null);
  const planned = plannedRows.reduce((s, r) => s + (r.planned ?? 0), 0);
  const lines = [
    `มาตรการทั้งหมด ${n(results.length)} มาตรการ: ดำเนินการแล้ว ${n(count('done'))} มาตรการ ` +
      `อยู่ระหว่างดำเนินการ ${n(count('in_progress'))} มาตรการ ยังไม่ดำเนินการ ${n(count('not_started'))} มาตรการ`,
    total > 0
      ? `วิธีการและขั้นตอนที่ดำเนินการแล้ว ${n(done)} จาก ${n(total)} รายการ (ร้อยละ ${n(percent(done, total))})`
      : 'ยังไม่มีวิธีการหรือขั้นตอนในแผน',
    plannedRows.length > 0 && planned > 0
      ? `งบประมาณที่ใช้รวม ${formatAmount(spent, digits)} บาท จากที่ตั้งไว้ ${formatAmount(planned, digits)} บาท (ร้อยละ ${n(percent(spent, planned))})`
      : `งบประมาณที่ใช้รวม ${formatAmount(spent, digits)} บาท (ไม่ได้ระบุงบประมาณที่ตั้งไว้)`,
  ];
  return lines;
}

/** The measures' photos in table order, then the photos of the meetings they were reported in. */
function appendixPhotos(data: ReportData, results: MeasureResult[], digits: DigitStyle): DocPhoto[] {
  const photos = results.flatMap((r) => r.photos);
  const meetingIds = new Set(results.flatMap((r) => r.meetingIds));
  const meetings = data.meetings
    .filter((m) => !m.deletedAt && meetingIds.has(m.id))
    .sort((a, b) => a.date.localeCompare(b.date));
  for (const m of meetings) {
    for (const e of data.evidence) {
      if (e.deletedAt || e.targetId !== m.id || e.kind !== 'photo' || !e.sha256) continue;
      photos.push({
        sha256: e.sha256,
        caption: inDigits(`รายงานการประชุมครั้งที่ ${m.number} (${formatThaiDate(m.date, { digits })})`, digits),
        width: e.width,
        height: e.height,
      });
    }
  }
  return photos.map((p, i) => ({ ...p, caption: `ภาพที่ ${formatNumber(i + 1, { digits })} ${p.caption}` }));
}
