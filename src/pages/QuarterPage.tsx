import { useRoute } from 'preact-iso';
import { ProgressBar } from '../components/ProgressBar';
import { QuarterNav } from '../components/QuarterNav';
import { formatBaht, formatNumber, formatPeriod } from '../domain/thaiFormat';
import { quarterRange } from '../domain/fiscalCalendar';
import { useDigits } from '../hooks/data';
import { usePlanOverview } from '../hooks/planData';
import { useQuarterView } from '../hooks/followUp';
import { defaultQuarter, parseQuarter } from './currentQuarter';
import { PageState } from './PageState';

const STATUS_TEXT = { none: 'ยังไม่มีบันทึก', draft: 'ฉบับร่าง', final: 'ฉบับสมบูรณ์' } as const;

/** Quarterly follow-up records of a plan: one per measure, for the chosen quarter. */
export function QuarterPage() {
  const { params } = useRoute();
  const planId = params.planId ?? '';
  const overview = usePlanOverview(planId, { shown: true });
  const fiscalYear = overview.status === 'ready' ? (overview.value?.plan.fiscalYear ?? 0) : 0;
  const { quarter: fallback, current } = defaultQuarter(fiscalYear);
  const quarter = parseQuarter(params.quarter) ?? fallback;
  const view = useQuarterView(planId, quarter);
  const digits = useDigits();
  return (
    <PageState result={view} notFound="แผนนี้ไม่มีในเครื่อง หรือถูกลบไปแล้ว">
      {({ plan, measures }) => (
        <section>
          <nav class="crumbs" aria-label="ตำแหน่ง">
            <a href={`/plans/${plan.id}`}>{plan.agency.name}</a>
          </nav>
          <h1 tabIndex={-1}>
            บันทึกรายงานผลไตรมาส {formatNumber(quarter, { digits })}/{formatNumber(plan.fiscalYear, { digits })}
          </h1>
          <p class="meta">{formatPeriod(quarterRange(plan.fiscalYear, quarter), { digits })}</p>
          <QuarterNav
            hrefFor={(q) => `/plans/${plan.id}/quarters/${q}`}
            selected={quarter}
            current={current}
            digits={digits}
          />
          <ol class="cards">
            {measures.map(({ measure, record, progress }) => (
              <li key={measure.id} class="card">
                <a class="card-link" href={`/plans/${plan.id}/quarters/${quarter}/measures/${measure.id}`}>
                  <span class="card-title">
                    {formatNumber(measure.number, { digits })}. {measure.title}
                  </span>
                  <span class="card-meta">
                    {STATUS_TEXT[record?.status ?? 'none']}
                    {record?.budgetSpent != null && ` · ใช้งบ ${formatBaht(record.budgetSpent, { digits })}`}
                  </span>
                </a>
                <ProgressBar
                  progress={progress}
                  label={`วิธีการและขั้นตอนที่เสร็จในไตรมาส ${formatNumber(quarter, { digits })} ของมาตรการที่ ${formatNumber(measure.number, { digits })}`}
                  digits={digits}
                />
              </li>
            ))}
          </ol>
          <div class="buttons">
            <a class="btn" href={`/plans/${plan.id}/summary/half`}>
              สรุปรอบ 6 เดือน
            </a>
            <a class="btn" href={`/plans/${plan.id}/summary/year`}>
              สรุปทั้งปี
            </a>
          </div>
        </section>
      )}
    </PageState>
  );
}
