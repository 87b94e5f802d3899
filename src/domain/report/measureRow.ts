/**
 * One measure's row of the report table: what was done and when (from the
 * ticks and the meetings they were reported in), who, the period, results,
 * budget, problems, suggestions and evidence, for the report's period. A
 * measure with nothing recorded in the period is one short row saying so.
 */
import { isWithin, type Quarter } from '../fiscalCalendar';
import { compareNumbering } from '../numbering';
import { latestTicks } from '../progress';
import { summarizeRecords } from '../quarterlyReport';
import { formatNumber, formatThaiDate, type DigitStyle } from '../thaiFormat';
import type { Period } from '../types';
import type { DocPhoto, DocRow, DocText } from './docModel';
import type { ReportData } from './reportData';
import { formatAmount, inDigits, meetingNumbers as numbersText, shortDate } from './reportWords';
import { shortText } from './shortText';

export type MeasureStatus = 'done' | 'in_progress' | 'not_started';

export interface MeasureResult {
  row: DocRow;
  status: MeasureStatus;
  done: number;
  total: number;
  planned: number | null;
  spent: number;
  /** Photos of the measure's ticks and records, for the appendix. */
  photos: DocPhoto[];
  /** Meetings whose ticks touched this measure. */
  meetingIds: string[];
}

export interface RowContext {
  data: ReportData;
  range: Period;
  quarters: Quarter[];
  digits: DigitStyle;
}

/** Cell widths of the steps column allow about this many characters of a step's text. */
const STEP_TEXT = 24;

export const NOTHING_RECORDED = 'ยังไม่มีการดำเนินการหรือบันทึกผลในรอบนี้';

const live = <T extends { deletedAt: string | null }>(rows: readonly T[]) => rows.filter((r) => !r.deletedAt);

export function measureRow(measure: ReportData['measures'][number], ctx: RowContext): MeasureResult {
  const { data, range, quarters, digits } = ctx;
  const n = (x: number) => formatNumber(x, { digits });
  const date = (d: string) => formatThaiDate(d, { digits });
  const actions = live(data.actions)
    .filter((a) => a.measureId === measure.id)
    .sort((a, b) => compareNumbering(a.number, b.number));
  const ticks = live(data.ticks).filter((t) => t.measureId === measure.id && isWithin(t.date, range));
  const latest = latestTicks(ticks);
  const meetings = new Map(live(data.meetings).map((m) => [m.id, m]));
  const records = live(data.records).filter(
    (r) =>
      r.measureId === measure.id && r.fiscalYear === data.plan.fiscalYear && quarters.includes(r.quarter),
  );
  const summary = summarizeRecords(records, quarters);
  const targets = new Set([...ticks.map((t) => t.id), ...records.map((r) => r.id)]);
  const evidence = live(data.evidence).filter((e) => targets.has(e.targetId));

  const steps: string[] = [];
  const notStarted: string[] = [];
  let done = 0;
  let moving = false;
  for (const a of actions) {
    const t = latest.get(a.id);
    if (!t || t.status === 'not_started') {
      notStarted.push(a.number);
      continue;
    }
    if (t.status === 'done') done++;
    else moving = true;
    // The meeting it was reported in is listed under evidence; here the day is enough.
    const what = t.status === 'done' ? 'เสร็จ' : 'กำลังดำเนินการ';
    steps.push(
      inDigits(`${a.number} ${shortText(a.text, STEP_TEXT)} (${what} ${shortDate(t.date, digits)})`, digits),
    );
  }
  if (notStarted.length > 0) steps.push(inDigits(`ยังไม่ดำเนินการ: ${notStarted.join(', ')}`, digits));

  const meetingIds = [...new Set(ticks.map((t) => t.meetingId).filter((id): id is string => !!id))];
  const meetingNumbers = meetingIds
    .map((id) => meetings.get(id))
    .filter((m) => m !== undefined)
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((m) => m.number);
  const actionOf = new Map(actions.map((a) => [a.id, a]));
  const tickOf = new Map(ticks.map((t) => [t.id, t]));
  const photos: DocPhoto[] = evidence
    .filter((e) => e.kind === 'photo' && e.sha256)
    .map((e) => {
      const tick = tickOf.get(e.targetId);
      const action = tick ? actionOf.get(tick.actionId) : undefined;
      const about = action
        ? `${action.number} ${shortText(action.text, 60)} (${date(tick!.date)})`
        : `บันทึกรายไตรมาส`;
      return {
        sha256: e.sha256!,
        caption: inDigits(`มาตรการที่ ${measure.number} ${about}`, digits),
        width: e.width,
        height: e.height,
      };
    });
  const evidenceLines: DocText[] = [];
  if (meetingNumbers.length > 0)
    evidenceLines.push(inDigits(`รายงานการประชุมครั้งที่ ${numbersText(meetingNumbers)}`, digits));
  if (photos.length > 0) evidenceLines.push(`ภาพถ่าย ${n(photos.length)} ภาพ`);
  for (const e of evidence) {
    if (e.kind === 'file') evidenceLines.push(inDigits(`ไฟล์ ${e.name}`, digits));
    if (e.kind === 'link' && e.url) evidenceLines.push({ text: e.name.trim() || e.url, href: e.url });
  }

  const total = actions.length;
  const recordedProgress = summary.progress ?? 0;
  const status: MeasureStatus =
    total > 0
      ? done === total
        ? 'done'
        : done > 0 || moving || recordedProgress > 0
          ? 'in_progress'
          : 'not_started'
      : recordedProgress >= 100
        ? 'done'
        : recordedProgress > 0
          ? 'in_progress'
          : 'not_started';
  const planned = measure.budget ?? null;
  const spent = summary.budgetSpent;
  const title = [inDigits(`${measure.number}. ${measure.title}`, digits)];
  if (measure.successIndicator?.trim())
    title.push(inDigits(`ตัวชี้วัด: ${measure.successIndicator.trim()}`, digits));

  const base = { status, done, total, planned, spent, photos, meetingIds };
  if (ticks.length === 0 && records.length === 0 && evidence.length === 0) {
    return { ...base, row: { cells: [{ lines: title }, { lines: [NOTHING_RECORDED], span: 8 }] } };
  }
  const lines = (text: string) =>
    text.trim()
      ? text
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((l) => inDigits(l, digits))
      : ['–'];
  const budget: string[] = [];
  if (planned !== null) budget.push(`ตั้งไว้ ${formatAmount(planned, digits)}`);
  if (planned !== null || spent > 0) budget.push(`ใช้ไป ${formatAmount(spent, digits)}`);
  return {
    ...base,
    row: {
      cells: [
        { lines: title },
        { lines: steps.length > 0 ? steps : ['–'] },
        { lines: [inDigits(measure.responsible.trim() || '–', digits)] },
        {
          lines: [
            measure.period
              ? `${shortDate(measure.period.start, digits)} – ${shortDate(measure.period.end, digits)}`
              : '–',
          ],
        },
        {
          lines: [
            total > 0 ? `ดำเนินการแล้ว ${n(done)} จาก ${n(total)} รายการ` : 'ไม่มีวิธีการหรือขั้นตอนในแผน',
            ...(summary.results.trim() ? lines(summary.results) : []),
          ],
        },
        { lines: budget.length > 0 ? budget : ['–'] },
        { lines: lines(summary.problems) },
        { lines: lines(summary.suggestions) },
        { lines: evidenceLines.length > 0 ? evidenceLines : ['–'] },
      ],
    },
  };
}
