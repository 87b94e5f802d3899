import { useEffect } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { TextArea, TextField } from '../components/Field';
import { SaveCancel } from '../components/SaveCancel';
import { fiscalYearRange } from '../domain/fiscalCalendar';
import { formatBahtInput } from '../domain/bahtInput';
import { formatThaiDate } from '../domain/thaiFormat';
import type { Measure, Plan } from '../domain/types';
import { validateMeasure, type MeasureForm } from '../domain/validation';
import { commands } from '../hooks/commands';
import { useDigits } from '../hooks/data';
import { useMeasureDetail, usePlanOverview } from '../hooks/planData';
import { showToast } from '../hooks/toast';
import { useDraft } from '../hooks/useDraft';
import { useSubmit } from './useSubmit';

const blank: MeasureForm = {
  number: '',
  title: '',
  responsible: '',
  periodStart: '',
  periodEnd: '',
  budget: '',
  successIndicator: '',
};

function formOf(m: Measure): MeasureForm {
  return {
    number: String(m.number),
    title: m.title,
    responsible: m.responsible,
    periodStart: m.period?.start ?? '',
    periodEnd: m.period?.end ?? '',
    // Read back as typed: "15,000", not "15000".
    budget: formatBahtInput(m.budget),
    successIndicator: m.successIndicator ?? '',
  };
}

function newForm(plan: Plan, count: number): MeasureForm {
  const fy = fiscalYearRange(plan.fiscalYear);
  return { ...blank, number: String(count + 1), periodStart: fy.start, periodEnd: fy.end };
}

/** Add a measure to a plan (`/plans/:planId/measures/new`) or edit one (`/measures/:measureId/edit`). */
export function MeasureFormPage() {
  const { params } = useRoute();
  const { route } = useLocation();
  const measureId = params.measureId;
  const detail = useMeasureDetail(measureId ?? '');
  const overview = usePlanOverview(params.planId ?? '');
  const digits = useDigits();
  const draft = useDraft<MeasureForm>(`measure:${measureId ?? `new:${params.planId}`}`, () => blank);

  const plan =
    measureId && detail.status === 'ready'
      ? detail.value?.plan
      : overview.status === 'ready'
        ? overview.value?.plan
        : undefined;
  const measure = detail.status === 'ready' ? detail.value?.measure : undefined;
  const count = overview.status === 'ready' ? (overview.value?.measures.length ?? 0) : 0;

  useEffect(() => {
    if (measure) draft.reset(formOf(measure));
    else if (!measureId && plan) draft.reset(newForm(plan, count));
  }, [measure?.id, plan?.id]);

  const { errors, formError, busy, submit } = useSubmit(
    (form: MeasureForm) => validateMeasure(form, plan?.fiscalYear ?? 0),
    async (input) => {
      if (!plan) return;
      const id = measureId ?? (await commands.createMeasure(plan.id, input));
      if (measureId) await commands.updateMeasure(measureId, input);
      draft.clear();
      showToast({ message: 'บันทึกมาตรการแล้ว' });
      route(`/measures/${id}`, true);
    },
  );

  if (!plan) {
    const loading = (measureId ? detail : overview).status === 'loading';
    return (
      <section>
        <h1 tabIndex={-1}>{loading ? 'กำลังโหลด…' : 'ไม่พบแผนหรือมาตรการนี้'}</h1>
        {!loading && <a href="/">กลับหน้าแรก</a>}
      </section>
    );
  }
  const f = draft.value;
  const fy = fiscalYearRange(plan.fiscalYear);
  return (
    <section>
      <h1 tabIndex={-1}>{measureId ? 'แก้ไขมาตรการ' : 'เพิ่มมาตรการ'}</h1>
      <p class="meta">
        {plan.agency.name} · ปีงบประมาณ {plan.fiscalYear}
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit(f);
        }}
      >
        <TextField
          id="number"
          label="ลำดับมาตรการ"
          inputMode="numeric"
          value={f.number}
          error={errors.number}
          onValue={(number) => draft.update({ number })}
        />
        <TextField
          id="title"
          label="ชื่อมาตรการ"
          value={f.title}
          error={errors.title}
          onValue={(title) => draft.update({ title })}
        />
        <TextField
          id="responsible"
          label="ผู้รับผิดชอบหรือผู้ที่เกี่ยวข้อง"
          value={f.responsible}
          onValue={(responsible) => draft.update({ responsible })}
        />
        {/* The fiscal year's range above both dates, so the two fields line up. */}
        <fieldset class="period" aria-describedby="period-hint">
          <legend>ระยะเวลาดำเนินการ</legend>
          <p class="hint" id="period-hint">
            ในปีงบประมาณ: {formatThaiDate(fy.start, { digits })} – {formatThaiDate(fy.end, { digits })}
          </p>
          <div class="row">
            <TextField
              id="periodStart"
              type="date"
              label="เริ่ม"
              value={f.periodStart}
              error={errors.periodStart}
              onValue={(periodStart) => draft.update({ periodStart })}
            />
            <TextField
              id="periodEnd"
              type="date"
              label="สิ้นสุด"
              value={f.periodEnd}
              error={errors.periodEnd}
              onValue={(periodEnd) => draft.update({ periodEnd })}
            />
          </div>
        </fieldset>
        <TextField
          id="budget"
          label="งบประมาณ (บาท)"
          hint="เว้นว่างถ้าไม่ได้กำหนด ใส่ 0 ถ้าไม่ใช้งบประมาณ"
          inputMode="decimal"
          value={f.budget}
          error={errors.budget}
          onValue={(budget) => draft.update({ budget })}
        />
        <TextArea
          id="successIndicator"
          label="ตัวชี้วัดความสำเร็จ"
          rows={2}
          value={f.successIndicator}
          onValue={(successIndicator) => draft.update({ successIndicator })}
        />
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
