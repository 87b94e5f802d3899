/**
 * The measures document itself (มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายใน
 * หน่วยงาน: o42 in ITA 2566–2567, O25 in the newer catalogue), from the plan
 * as it stands in the app, laid out as the agency's own document is: per
 * measure its assessment items, the analysis table, 1) methods,
 * 2) responsible, 3) steps, 4) period; then the constraints and the head's
 * signature. After editing measures in the app nobody retypes it.
 */
import { compareNumbering } from '../numbering';
import { formatNumber, formatThaiDate, type DigitStyle } from '../thaiFormat';
import type { IsoDate } from '../types';
import type { DocBlock, DocModel } from './docModel';
import type { ReportData } from './reportData';
import { DOTS } from './reportSignatures';
import { agencyLine, assessmentLine, documentFileName, formatAmount, inDigits } from './reportWords';

export const MEASURES_TITLE = 'มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน';

const FINDING_COLUMNS = [
  { label: 'แบบวัด', width: 10 },
  { label: 'ตัวชี้วัด', width: 12 },
  { label: 'ข้อคำถาม', width: 36 },
  { label: 'คะแนน', width: 10 },
  { label: 'การวิเคราะห์', width: 32 },
];

type MeasuresData = Pick<ReportData, 'plan' | 'measures' | 'actions'>;

export function buildMeasuresDocument(
  data: MeasuresData,
  options: { digits: DigitStyle; today: IsoDate },
): DocModel {
  const { digits } = options;
  const plan = data.plan;
  const n = (x: number) => formatNumber(x, { digits });
  const t = (s: string) => inDigits(s, digits);
  const blocks: DocBlock[] = [
    {
      kind: 'title',
      lines: [MEASURES_TITLE, agencyLine(plan.agency), `ประจำปีงบประมาณ พ.ศ. ${n(plan.fiscalYear)}`],
    },
    { kind: 'paragraph', text: assessmentLine(plan, digits) },
  ];
  const measures = data.measures.filter((m) => !m.deletedAt).sort((a, b) => a.number - b.number);
  for (const m of measures) {
    const actions = data.actions
      .filter((a) => !a.deletedAt && a.measureId === m.id)
      .sort((a, b) => compareNumbering(a.number, b.number));
    blocks.push({ kind: 'heading', text: t(`(${m.number}) ${m.title}`) });
    if (m.items.length > 0) {
      blocks.push({ kind: 'paragraph', text: 'ข้อคำถามที่เกี่ยวข้อง' });
      for (const item of m.items)
        blocks.push({ kind: 'paragraph', text: t(`${item.code} ${item.text}`), indent: true });
    }
    for (const ind of m.indicators) {
      const score = ind.score === null ? '' : ` ได้คะแนน ${n(ind.score)} คะแนน`;
      blocks.push({ kind: 'paragraph', text: t(`ตัวชี้วัดที่ ${ind.number} ${ind.name}${score}`), indent: true });
    }
    if (m.findings.length > 0) {
      blocks.push({
        kind: 'table',
        label: `ผลการวิเคราะห์ มาตรการที่ ${m.number}`,
        columns: FINDING_COLUMNS,
        rows: m.findings.map((f) => ({
          cells: [
            { lines: [f.instrument] },
            { lines: [f.indicator === null ? '–' : t(`ตัวชี้วัดที่ ${f.indicator}`)] },
            {
              lines: [
                t(
                  `${f.kind === 'strength' ? '(จุดแข็ง) ' : f.kind === 'weakness' ? '(จุดอ่อน) ' : ''}${f.code} ${f.text}`,
                ),
              ],
            },
            { lines: [f.score === null ? '–' : n(f.score)] },
            { lines: [t(f.analysis.trim() || '–')] },
          ],
        })),
      });
    }
    const section = (title: string, kind: 'method' | 'step') => {
      blocks.push({ kind: 'paragraph', text: title });
      const own = actions.filter((a) => a.kind === kind);
      if (own.length === 0) blocks.push({ kind: 'paragraph', text: '–', indent: true });
      for (const a of own)
        blocks.push({ kind: 'paragraph', text: t(`${a.number}) ${a.text}`), indent: true });
    };
    section(t('1) วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ'), 'method');
    blocks.push({ kind: 'paragraph', text: t('2) การกำหนดผู้รับผิดชอบหรือผู้ที่เกี่ยวข้อง') });
    blocks.push({ kind: 'paragraph', text: t(m.responsible.trim() || '–'), indent: true });
    section(t('3) การกำหนดขั้นตอนหรือวิธีการปฏิบัติ'), 'step');
    blocks.push({ kind: 'paragraph', text: t('4) ระยะเวลา') });
    blocks.push({
      kind: 'paragraph',
      text: m.period
        ? `${formatThaiDate(m.period.start, { digits, long: true })} – ${formatThaiDate(m.period.end, { digits, long: true })}`
        : '–',
      indent: true,
    });
    if (m.budget != null) {
      blocks.push({
        kind: 'paragraph',
        text: `งบประมาณ ${formatAmount(m.budget, digits)} บาท`,
        indent: true,
      });
    }
    if (m.successIndicator?.trim()) {
      blocks.push({
        kind: 'paragraph',
        text: t(`ตัวชี้วัดความสำเร็จ: ${m.successIndicator.trim()}`),
        indent: true,
      });
    }
  }
  if (plan.constraints.length > 0) {
    blocks.push({ kind: 'heading', text: 'การวิเคราะห์ข้อจำกัด' });
    plan.constraints.forEach((c, i) =>
      blocks.push({ kind: 'paragraph', text: t(`${i + 1}. ${c}`), indent: true }),
    );
  }
  const head = plan.signatures;
  blocks.push({
    kind: 'signatures',
    columns: [
      {
        lines: [
          `ประกาศ ณ วันที่ ${DOTS}`,
          `ลงชื่อ ${DOTS}`,
          `(${head?.headName.trim() || DOTS})`,
          t(`ตำแหน่ง ${head?.headPosition.trim() || DOTS}`),
        ],
      },
    ],
  });
  return {
    kind: 'measures',
    title: `${MEASURES_TITLE} ${plan.agency.name} ประจำปีงบประมาณ พ.ศ. ${n(plan.fiscalYear)}`,
    orientation: 'portrait',
    digits,
    fileName: documentFileName(
      ['มาตรการส่งเสริมคุณธรรมและความโปร่งใส', plan.agency.name, `ปีงบประมาณ ${plan.fiscalYear}`],
      options.today,
    ),
    blocks,
  };
}
