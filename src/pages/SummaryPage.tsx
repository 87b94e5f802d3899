import { useRoute } from 'preact-iso';
import { halfYearRange, fiscalYearRange } from '../domain/fiscalCalendar';
import { formatBaht, formatNumber, formatPeriod } from '../domain/thaiFormat';
import { useDigits } from '../hooks/data';
import { useQuarterView } from '../hooks/followUp';
import { PageState } from './PageState';

/** Six-month (Q1–Q2) or year-end (Q1–Q4) summary of the quarterly records, per measure and for the plan. */
export function SummaryPage() {
  const { params } = useRoute();
  const planId = params.planId ?? '';
  const half = params.period !== 'year';
  const view = useQuarterView(planId, 1);
  const digits = useDigits();
  return (
    <PageState result={view} notFound="แผนนี้ไม่มีในเครื่อง หรือถูกลบไปแล้ว">
      {({ plan, measures }) => {
        const pick = (m: (typeof measures)[number]) => (half ? m.halfYear : m.fullYear);
        const budget = measures.reduce((s, m) => s + pick(m).budgetSpent, 0);
        const period = half ? halfYearRange(plan.fiscalYear, 1) : fiscalYearRange(plan.fiscalYear);
        return (
          <section class="report">
            <nav class="crumbs no-print" aria-label="ตำแหน่ง">
              <a href={`/plans/${plan.id}`}>{plan.agency.name}</a>
            </nav>
            <h1 tabIndex={-1}>
              {half
                ? `รายงานผลการดำเนินการตามมาตรการ รอบ ${formatNumber(6, { digits })} เดือน ปีงบประมาณ `
                : 'รายงานผลการดำเนินการตามมาตรการ ประจำปีงบประมาณ '}
              {formatNumber(plan.fiscalYear, { digits })}
            </h1>
            <p class="meta">
              {plan.agency.name} · {formatPeriod(period, { digits })}
            </p>
            <p>งบประมาณที่ใช้รวม {formatBaht(budget, { digits })}</p>
            {measures.map((m) => {
              const s = pick(m);
              return (
                <article key={m.measure.id} class="card summary">
                  <h2>
                    มาตรการที่ {formatNumber(m.measure.number, { digits })} {m.measure.title}
                  </h2>
                  {s.missing.length > 0 && (
                    <p class="warn-text">
                      ยังไม่มีบันทึกของไตรมาส {s.missing.map((q) => formatNumber(q, { digits })).join(', ')}
                    </p>
                  )}
                  {!s.allFinal && s.missing.length === 0 && <p class="warn-text">ยังมีบันทึกที่เป็นฉบับร่าง</p>}
                  <h3>ผลการดำเนินงาน</h3>
                  <p class="note">{s.results || '–'}</p>
                  <h3>งบประมาณที่ใช้</h3>
                  <p>{formatBaht(s.budgetSpent, { digits })}</p>
                  <h3>ปัญหา อุปสรรค</h3>
                  <p class="note">{s.problems || '–'}</p>
                  <h3>ข้อเสนอแนะ</h3>
                  <p class="note">{s.suggestions || '–'}</p>
                  {s.progress !== null && <p>ความก้าวหน้าล่าสุด ร้อยละ {formatNumber(s.progress, { digits })}</p>}
                </article>
              );
            })}
            <div class="buttons no-print">
              <button type="button" class="btn btn-primary" onClick={() => window.print()}>
                พิมพ์รายงาน
              </button>
            </div>
          </section>
        );
      }}
    </PageState>
  );
}
