import { useRoute } from 'preact-iso';
import { useMemo, useState } from 'preact/hooks';
import { buildReport, reportPeriodInfo, type ReportPeriod } from '../domain/report/buildReport';
import type { ReportData } from '../domain/report/reportData';
import { summarizeRecords } from '../domain/quarterlyReport';
import type { DigitStyle } from '../domain/thaiFormat';
import { useReportView } from '../hooks/report';
import { todayInBangkok } from '../hooks/useToday';
import { DocumentView } from './DocumentView';
import { PageState } from './PageState';
import { DigitsChoice, SignatureForm, useReportPhotos } from './ReportOptions';

const PERIODS: [ReportPeriod, string][] = [
  ['half', 'รอบ 6 เดือน (ต.ค.–มี.ค.)'],
  ['year', 'ประจำปี (ต.ค.–ก.ย.)'],
];

/** What to finish before publishing: quarters without a record, records still drafts. */
function checks(data: ReportData, period: ReportPeriod): string[] {
  const { quarters } = reportPeriodInfo(data.plan.fiscalYear, period);
  const out: string[] = [];
  for (const m of data.measures.filter((x) => !x.deletedAt).sort((a, b) => a.number - b.number)) {
    const records = data.records.filter((r) => r.measureId === m.id && r.fiscalYear === data.plan.fiscalYear);
    const s = summarizeRecords(records, quarters);
    if (s.missing.length > 0)
      out.push(`มาตรการที่ ${m.number}: ยังไม่มีบันทึกรายไตรมาสของไตรมาส ${s.missing.join(', ')}`);
    else if (!s.allFinal) out.push(`มาตรการที่ ${m.number}: ยังมีบันทึกรายไตรมาสที่เป็นฉบับร่าง`);
  }
  return out;
}

/**
 * The report the agency publishes (รายงานผลการดำเนินการตามมาตรการ…), for
 * the six-month round or the year: checks before publishing, who signs,
 * digits, the photo appendix, then the document with print and .docx.
 */
export function SummaryPage() {
  const { params } = useRoute();
  const planId = params.planId ?? '';
  const period: ReportPeriod = params.period === 'year' ? 'year' : 'half';
  const view = useReportView(planId);
  const [digits, setDigits] = useState<DigitStyle>('thai');
  const [appendix, setAppendix] = useState(false);
  const today = todayInBangkok();
  return (
    <PageState result={view} notFound="แผนนี้ไม่มีในเครื่อง หรือถูกลบไปแล้ว">
      {({ data, lock }) => (
        <ReportBody
          data={data}
          locked={lock.locked}
          period={period}
          digits={digits}
          onDigits={setDigits}
          appendix={appendix}
          onAppendix={setAppendix}
          today={today}
        />
      )}
    </PageState>
  );
}

function ReportBody(props: {
  data: ReportData;
  locked: boolean;
  period: ReportPeriod;
  digits: DigitStyle;
  onDigits: (d: DigitStyle) => void;
  appendix: boolean;
  onAppendix: (on: boolean) => void;
  today: string;
}) {
  const { data, period, digits, appendix, today } = props;
  const plan = data.plan;
  const model = useMemo(
    () => buildReport(data, { period, digits, today, appendix }),
    [data, period, digits, today, appendix],
  );
  const photoBlock = model.blocks.find((b) => b.kind === 'photos');
  const photos = useReportPhotos(photoBlock?.kind === 'photos' ? photoBlock.photos : []);
  const toFinish = checks(data, period);
  return (
    <section class="report-page">
      <nav class="crumbs no-print" aria-label="ตำแหน่ง">
        <a href={`/plans/${plan.id}`}>{plan.agency.name}</a>
      </nav>
      <h1 tabIndex={-1} class="no-print">
        รายงานผลการดำเนินการตามมาตรการ ปีงบประมาณ {plan.fiscalYear}
      </h1>
      <nav class="report-periods no-print" aria-label="รอบของรายงาน">
        {PERIODS.map(([p, label]) => (
          <a
            key={p}
            class="btn"
            href={`/plans/${plan.id}/summary/${p}`}
            aria-current={p === period ? 'page' : undefined}
          >
            {label}
          </a>
        ))}
      </nav>
      {toFinish.length > 0 && (
        <div class="no-print">
          <p class="warn-text">ก่อนเผยแพร่ ตรวจสอบ:</p>
          <ul>
            {toFinish.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </div>
      )}
      <SignatureForm
        key={JSON.stringify(plan.signatures ?? null)}
        planId={plan.id}
        saved={plan.signatures}
        locked={props.locked}
      />
      <DigitsChoice value={digits} onChange={props.onDigits} />
      <label class="report-options no-print">
        <input
          type="checkbox"
          checked={appendix}
          onChange={(e) => props.onAppendix((e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        แนบภาพถ่ายหลักฐานเป็นภาคผนวก (สองภาพต่อแถว ย่อขนาดให้ไฟล์เล็ก)
      </label>
      <DocumentView model={model} {...(photos ? { photos } : {})} />
    </section>
  );
}
