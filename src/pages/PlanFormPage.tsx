import { useEffect } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { PlanFields } from '../components/PlanFields';
import { SaveCancel } from '../components/SaveCancel';
import { fiscalYearOf } from '../domain/fiscalCalendar';
import type { Plan } from '../domain/types';
import { validatePlan, type PlanForm } from '../domain/validation';
import { commands } from '../hooks/commands';
import { usePlanOverview } from '../hooks/planData';
import { showToast } from '../hooks/toast';
import { useDraft } from '../hooks/useDraft';
import { todayInBangkok } from '../hooks/useToday';
import { useSubmit } from './useSubmit';

function emptyForm(): PlanForm {
  const fy = fiscalYearOf(todayInBangkok());
  return {
    agencyName: '',
    district: '',
    province: '',
    assessmentYear: String(fy - 1),
    fiscalYear: String(fy),
    overallScore: '',
    rating: '',
    constraints: '',
  };
}

function formOf(plan: Plan): PlanForm {
  return {
    agencyName: plan.agency.name,
    district: plan.agency.district,
    province: plan.agency.province,
    assessmentYear: String(plan.assessmentYear),
    fiscalYear: String(plan.fiscalYear),
    overallScore: plan.overallScore === null ? '' : String(plan.overallScore),
    rating: plan.rating,
    constraints: plan.constraints.join('\n'),
  };
}

/** Create a plan, or edit one (`/plans/:planId/edit`). */
export function PlanFormPage() {
  const { params } = useRoute();
  const planId = params.planId;
  const { route } = useLocation();
  const existing = usePlanOverview(planId ?? '');
  const draft = useDraft<PlanForm>(`plan:${planId ?? 'new'}`, emptyForm);
  const { errors, formError, busy, submit } = useSubmit(validatePlan, async (input) => {
    const id = planId ?? (await commands.createPlan(input));
    if (planId) await commands.updatePlan(planId, input);
    draft.clear();
    showToast({ message: 'บันทึกแผนแล้ว' });
    route(`/plans/${id}`, true);
  });

  const loaded = existing.status === 'ready' ? existing.value : null;
  useEffect(() => {
    if (loaded) draft.reset(formOf(loaded.plan));
    // Only when the record first arrives; later edits are the person's own.
  }, [loaded?.plan.id]);

  const f = draft.value;
  return (
    <section>
      <h1 tabIndex={-1}>{planId ? 'แก้ไขแผน' : 'สร้างแผนใหม่'}</h1>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit(f);
        }}
      >
        <PlanFields value={f} errors={errors} onChange={draft.update} />
        <SaveCancel
          formError={formError}
          busy={busy}
          onCancel={() => {
            draft.clear();
            history.back();
          }}
        />
      </form>
    </section>
  );
}
