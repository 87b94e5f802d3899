import { useLocation, useRoute } from 'preact-iso';
import { ConfirmButton } from '../components/ConfirmButton';
import { ProgressBar } from '../components/ProgressBar';
import { QuarterTable } from '../components/QuarterTable';
import { quarterOf } from '../domain/fiscalCalendar';
import { formatNumber, formatPeriod } from '../domain/thaiFormat';
import { commands } from '../hooks/commands';
import { useDigits } from '../hooks/data';
import { usePlanOverview } from '../hooks/planData';
import { showToast } from '../hooks/toast';
import { todayInBangkok } from '../hooks/useToday';
import { PageState } from './PageState';
import { PlanDocumentLinks, PlanLockBanner } from './PlanDocumentLinks';

/** A plan at a glance: its measures with progress, overall and per quarter. */
export function PlanPage() {
  const { params } = useRoute();
  const planId = params.planId ?? '';
  const overview = usePlanOverview(planId, { shown: true });
  const digits = useDigits();
  const { route } = useLocation();
  const today = quarterOf(todayInBangkok());

  return (
    <PageState result={overview} notFound="แผนนี้ไม่มีในเครื่อง หรือถูกลบไปแล้ว">
      {({ plan, measures, progress, quarters }) => {
        const current = today.fiscalYear === plan.fiscalYear ? today.quarter : null;
        const n = (x: number) => formatNumber(x, { digits });
        return (
          <section>
            <nav class="crumbs" aria-label="ตำแหน่ง">
              <a href="/">แผนทั้งหมด</a>
            </nav>
            <h1 tabIndex={-1}>{plan.agency.name}</h1>
            <p class="meta">
              {[
                plan.agency.district && `อำเภอ${plan.agency.district}`,
                plan.agency.province && `จังหวัด${plan.agency.province}`,
              ]
                .filter(Boolean)
                .join(' ')}
            </p>
            <dl class="facts">
              <dt>ปีงบประมาณ</dt>
              <dd>{n(plan.fiscalYear)}</dd>
              <dt>ผลการประเมิน ITA {n(plan.assessmentYear)}</dt>
              <dd>
                {plan.overallScore === null ? '–' : `${n(plan.overallScore)} คะแนน`}
                {plan.rating && ` (${plan.rating})`}
              </dd>
            </dl>
            <nav class="plan-links" aria-label="งานติดตาม">
              <a class="btn btn-primary" href={`/plans/${plan.id}/meetings`}>
                การประชุมประจำเดือน
              </a>
              <a class="btn" href={`/plans/${plan.id}/quarters`}>
                บันทึกรายไตรมาส
              </a>
              <a class="btn" href={`/plans/${plan.id}/dashboard`}>
                ภาพรวม
              </a>
            </nav>
            <PlanLockBanner plan={plan} />
            <ProgressBar progress={progress} label="ความคืบหน้าทั้งแผน" digits={digits} />

            {/* The measures come first: a step is ticked from here in two taps (measure, status). */}
            <h2>มาตรการ ({n(measures.length)})</h2>
            {measures.length === 0 && <p class="empty">ยังไม่มีมาตรการ เพิ่มมาตรการแรกของแผนนี้</p>}
            <ol class="cards">
              {measures.map(({ measure, progress: p, quarters: q }) => (
                <li key={measure.id} class="card">
                  <a href={`/measures/${measure.id}`} class="card-link">
                    <span class="card-title">
                      {n(measure.number)}. {measure.title}
                    </span>
                    {measure.period && (
                      <span class="card-meta">{formatPeriod(measure.period, { digits })}</span>
                    )}
                  </a>
                  <ProgressBar
                    progress={p}
                    label={`ความคืบหน้ามาตรการที่ ${n(measure.number)}`}
                    digits={digits}
                  />
                  {current && (
                    <p class="card-meta">
                      ไตรมาสนี้ (ไตรมาส {n(current)}): ดำเนินการแล้ว {n(q[current].done)}/{n(q[current].total)}
                    </p>
                  )}
                </li>
              ))}
            </ol>
            <PlanDocumentLinks plan={plan} />
            <h2>ความคืบหน้าแต่ละไตรมาส</h2>
            <QuarterTable
              quarters={quarters}
              caption="วิธีการและขั้นตอนที่ดำเนินการแล้วในแต่ละไตรมาส"
              current={current}
              digits={digits}
            />
            <div class="buttons">
              <a href={`/plans/${plan.id}/measures/new`} class="btn btn-primary">
                + เพิ่มมาตรการ
              </a>
              <a href={`/plans/${plan.id}/edit`} class="btn">
                แก้ไขแผน
              </a>
              <ConfirmButton
                label="ลบแผน"
                confirmLabel="ยืนยันการลบแผนนี้"
                onConfirm={() =>
                  void commands.deletePlan(plan.id).then(() => {
                    route('/', true);
                    showToast({
                      message: 'ลบแผนแล้ว',
                      actionLabel: 'เลิกทำ',
                      onAction: () => void commands.restore('plans', plan.id),
                    });
                  })
                }
              />
            </div>
          </section>
        );
      }}
    </PageState>
  );
}
