import { useRoute } from 'preact-iso';
import { useMemo, useState } from 'preact/hooks';
import { buildMeasuresDocument } from '../domain/report/buildMeasuresDocument';
import type { DigitStyle } from '../domain/thaiFormat';
import { useReportView } from '../hooks/report';
import { todayInBangkok } from '../hooks/useToday';
import { DocumentView } from './DocumentView';
import { PageState } from './PageState';
import { DigitsChoice } from './ReportOptions';

/**
 * The measures document (o42 / O25) from the plan as it stands, to print or
 * save as .docx and publish: after editing measures here, nobody retypes it.
 */
export function MeasuresDocumentPage() {
  const { params } = useRoute();
  const planId = params.planId ?? '';
  const view = useReportView(planId);
  const [digits, setDigits] = useState<DigitStyle>('thai');
  const today = todayInBangkok();
  return (
    <PageState result={view} notFound="แผนนี้ไม่มีในเครื่อง หรือถูกลบไปแล้ว">
      {({ data }) => <Body data={data} digits={digits} onDigits={setDigits} today={today} />}
    </PageState>
  );
}

function Body({
  data,
  digits,
  onDigits,
  today,
}: {
  data: Parameters<typeof buildMeasuresDocument>[0];
  digits: DigitStyle;
  onDigits: (d: DigitStyle) => void;
  today: string;
}) {
  const model = useMemo(() => buildMeasuresDocument(data, { digits, today }), [data, digits, today]);
  return (
    <section class="report-page">
      <nav class="crumbs no-print" aria-label="ตำแหน่ง">
        <a href={`/plans/${data.plan.id}`}>{data.plan.agency.name}</a>
      </nav>
      <h1 tabIndex={-1} class="no-print">
        เอกสารมาตรการ ปีงบประมาณ {data.plan.fiscalYear}
      </h1>
      <p class="hint no-print">
        สร้างจากแผนในแอปตามที่แก้ไขล่าสุด ชื่อและตำแหน่งผู้บริหารมาจาก “ผู้ลงนามในรายงาน” ของหน้ารายงานผล
      </p>
      <DigitsChoice value={digits} onChange={onDigits} />
      <DocumentView model={model} />
    </section>
  );
}
