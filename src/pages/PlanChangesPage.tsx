import { useRoute } from 'preact-iso';
import { planChanges } from '../domain/planChanges';
import { usePlanPair } from '../hooks/report';
import { PageState } from './PageState';

const STATUS = { added: 'ใหม่', removed: 'ตัดออก', changed: 'เปลี่ยนแปลง', same: 'เหมือนปีก่อน' } as const;

/** This year's plan against last year's, measure by measure. */
export function PlanChangesPage() {
  const { params } = useRoute();
  const pair = usePlanPair(params.planId ?? '');
  return (
    <PageState result={pair} notFound="แผนนี้ไม่มีในเครื่อง หรือถูกลบไปแล้ว" showsDates={false}>
      {({ current, previous }) => {
        const plan = current.plan;
        return (
          <section>
            <nav class="crumbs" aria-label="ตำแหน่ง">
              <a href={`/plans/${plan.id}`}>{plan.agency.name}</a>
            </nav>
            <h1 tabIndex={-1}>เทียบกับแผนปีก่อน</h1>
            {!previous ? (
              <p class="empty">ไม่พบแผนปีงบประมาณ {plan.fiscalYear - 1} ของหน่วยงานนี้ในเครื่อง</p>
            ) : (
              <>
                <p>
                  ปีงบประมาณ {previous.plan.fiscalYear} → {plan.fiscalYear}: ผลการประเมิน ITA{' '}
                  {previous.plan.assessmentYear} {previous.plan.overallScore ?? '–'} คะแนน
                  {previous.plan.rating && ` (${previous.plan.rating})`} → ITA {plan.assessmentYear}{' '}
                  {plan.overallScore ?? '–'} คะแนน{plan.rating && ` (${plan.rating})`}
                </p>
                <ol class="cards">
                  {planChanges(previous, current).map((c) => (
                    <li key={c.number} class="card">
                      <h2 class="card-title">
                        {c.number}. {c.title} <span class="card-meta">({STATUS[c.status]})</span>
                      </h2>
                      {c.details.length > 0 && (
                        <ul>
                          {c.details.map((d) => (
                            <li key={d}>{d}</li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ol>
              </>
            )}
          </section>
        );
      }}
    </PageState>
  );
}
