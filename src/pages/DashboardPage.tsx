import { useRoute } from 'preact-iso';
import { BarChart } from '../components/charts/BarChart';
import { QuarterColumns } from '../components/charts/QuarterColumns';
import { DueList } from '../components/DueList';
import { ProgressBar } from '../components/ProgressBar';
import { WeakFindings } from '../components/WeakFindings';
import { DUE_LABELS } from '../domain/dueStatus';
import { quarterOf } from '../domain/fiscalCalendar';
import { formatNumber, formatThaiDate } from '../domain/thaiFormat';
import { useDigits } from '../hooks/data';
import { useDashboard } from '../hooks/followUp';
import { useAfterFirstPaint } from '../hooks/useAfterFirstPaint';
import { todayInBangkok } from '../hooks/useToday';
import { PageState } from './PageState';

/**
 * A plan's progress at a glance: overall, by measure, by quarter and by
 * responsible unit; what is overdue or due; the weak ITA items behind the
 * measures. Route: /plans/:planId/dashboard.
 */
export function DashboardPage() {
  const { params } = useRoute();
  const planId = params.planId ?? '';
  const today = todayInBangkok();
  const view = useDashboard(planId, today);
  const digits = useDigits();
  // The first frame holds what a phone shows first (totals, what is due, the measures); the rest follows.
  const painted = useAfterFirstPaint(view.status === 'ready');
  return (
    <PageState result={view} notFound="แผนนี้ไม่มีในเครื่อง หรือถูกลบไปแล้ว">
      {({ plan, measures, quarters, units, weaknesses, total }) => {
        const n = (x: number) => formatNumber(x, { digits });
        const now = quarterOf(today);
        const current = now.fiscalYear === plan.fiscalYear ? now.quarter : null;
        const measureIds = new Map(measures.map(({ measure }) => [measure.number, measure.id]));
        const counts = { overdue: 0, due: 0 };
        for (const m of measures) if (m.due === 'overdue' || m.due === 'due') counts[m.due] += 1;
        return (
          <div class="dashboard">
            <nav class="crumbs" aria-label="ตำแหน่ง">
              <a href="/">แผนทั้งหมด</a> › <a href={`/plans/${plan.id}`}>{plan.agency.name}</a>
            </nav>
            <h1 tabIndex={-1}>ภาพรวมความคืบหน้า</h1>
            <p class="meta">
              {plan.agency.name} · ปีงบประมาณ {n(plan.fiscalYear)} · ข้อมูล ณ วันที่{' '}
              {formatThaiDate(today, { digits, long: true })}
            </p>

            <section aria-labelledby="dash-total">
              <h2 id="dash-total">ความคืบหน้าทั้งแผน</h2>
              <ProgressBar progress={total} label="ความคืบหน้าทั้งแผน" digits={digits} />
              <p class="meta">
                {DUE_LABELS.overdue} {n(counts.overdue)} มาตรการ · {DUE_LABELS.due} {n(counts.due)} มาตรการ
              </p>
            </section>

            <section aria-labelledby="dash-due">
              <h2 id="dash-due">มาตรการที่ต้องเร่งติดตาม</h2>
              <DueList items={measures} digits={digits} />
            </section>

            <section aria-labelledby="dash-measures">
              <h2 id="dash-measures">ตามมาตรการ</h2>
              <BarChart
                title="ความคืบหน้าตามมาตรการ"
                labelHeader="มาตรการ"
                digits={digits}
                data={measures.map(({ measure, progress, due }) => ({
                  key: measure.id,
                  label: `${n(measure.number)}. ${measure.title}`,
                  progress,
                  note: DUE_LABELS[due],
                }))}
              />
            </section>

            {painted && (
              <>
                <section aria-labelledby="dash-quarters">
                  <h2 id="dash-quarters">ตามไตรมาส</h2>
                  <QuarterColumns
                    title={`วิธีการและขั้นตอนที่ดำเนินการแล้วในแต่ละไตรมาส ปีงบประมาณ ${n(plan.fiscalYear)}`}
                    quarters={quarters}
                    current={current}
                    digits={digits}
                  />
                </section>

                <section aria-labelledby="dash-units">
                  <h2 id="dash-units">ตามหน่วยงานที่รับผิดชอบ</h2>
                  <p class="hint">มาตรการที่มีผู้รับผิดชอบหลายหน่วยงาน นับให้ทุกหน่วยงาน</p>
                  <BarChart
                    title="ความคืบหน้าตามหน่วยงานที่รับผิดชอบ"
                    labelHeader="หน่วยงาน"
                    digits={digits}
                    data={units.map(({ unit, progress }) => ({ key: unit, label: unit, progress }))}
                  />
                </section>

                <section aria-labelledby="dash-weak">
                  <h2 id="dash-weak">จุดอ่อนจากผลการประเมิน ITA</h2>
                  <p class="hint">ข้อคำถามที่ระบุเป็นจุดอ่อนที่ต้องแก้ไข เรียงจากคะแนนน้อยที่สุด</p>
                  <WeakFindings
                    findings={weaknesses}
                    digits={digits}
                    measureHref={(number) => {
                      const id = measureIds.get(number);
                      return id ? `/measures/${id}` : undefined;
                    }}
                  />
                </section>
              </>
            )}
          </div>
        );
      }}
    </PageState>
  );
}
