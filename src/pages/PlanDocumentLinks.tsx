import { halfYearRange } from '../domain/fiscalCalendar';
import type { Plan } from '../domain/types';
import { planCommands, usePlanLock } from '../hooks/planLock';
import { showToast } from '../hooks/toast';
import { todayInBangkok } from '../hooks/useToday';

/**
 * On last year's plan: that it is read-only, with a deliberate unlock on
 * this device. Shown at the top of the plan, before anything is edited.
 */
export function PlanLockBanner({ plan }: { plan: Plan }) {
  const lock = usePlanLock(plan.id);
  const state = lock.status === 'ready' ? lock.value : null;
  return (
    <>
      {state?.successor && (
        <div class={state.locked ? 'banner banner-warn' : 'banner'} role="note">
          {state.locked ? (
            <p>
              แผนนี้เป็นแผนของปีที่แล้ว เปิดให้อ่านอย่างเดียว เพราะสร้าง
              <a href={`/plans/${state.successor.id}`}>แผนปีงบประมาณ {state.successor.fiscalYear}</a>
              จากแผนนี้แล้ว
            </p>
          ) : (
            <p>ปลดล็อกแผนนี้ไว้ในเครื่องนี้ แก้ไขได้ ระวังสับสนกับแผนปี {state.successor.fiscalYear}</p>
          )}
          <button
            type="button"
            class="btn"
            onClick={() =>
              void (state.locked ? planCommands.unlockPlan(plan.id) : planCommands.lockPlan(plan.id)).then(
                () => showToast({ message: state.locked ? 'ปลดล็อกแผนนี้แล้ว (เฉพาะเครื่องนี้)' : 'ล็อกแผนนี้แล้ว' }),
              )
            }
          >
            {state.locked ? 'ปลดล็อกแผนนี้' : 'ล็อกอีกครั้ง'}
          </button>
        </div>
      )}
    </>
  );
}

/**
 * A plan's documents and years: the report to publish, the measures
 * document, next year's plan (or the link to it) and the comparison with
 * last year. Used a few times a year, so they sit below the measures, which
 * are ticked every week.
 */
export function PlanDocumentLinks({ plan }: { plan: Plan }) {
  const lock = usePlanLock(plan.id);
  const state = lock.status === 'ready' ? lock.value : null;
  // Until the six-month report is due (after March) the six-month one, then the year's.
  const period = todayInBangkok() <= halfYearRange(plan.fiscalYear, 2).start ? 'half' : 'year';
  return (
    <>
      <h2 id="plan-documents">เอกสารและแผนปีถัดไป</h2>
      <nav class="plan-links" aria-labelledby="plan-documents">
        <a class="btn" href={`/plans/${plan.id}/summary/${period}`}>
          รายงานผลการดำเนินการ
        </a>
        <a class="btn" href={`/plans/${plan.id}/measures-document`}>
          เอกสารมาตรการ
        </a>
        {plan.previousPlanId && (
          <a class="btn" href={`/plans/${plan.id}/changes`}>
            เทียบกับแผนปีก่อน
          </a>
        )}
        {state && !state.successor && (
          <a class="btn" href={`/plans/${plan.id}/next-year`}>
            สร้างแผนปีถัดไป
          </a>
        )}
      </nav>
    </>
  );
}
