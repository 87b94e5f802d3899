import { useLocation, useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { TextField } from '../components/Field';
import { validateAssessment, type AssessmentForm } from '../domain/report/reportValidation';
import { usePlanOverview } from '../hooks/planData';
import { planCommands } from '../hooks/report';
import { showToast } from '../hooks/toast';
import { PageState } from './PageState';
import { useSubmit } from './useSubmit';

/**
 * "สร้างแผนปีถัดไป": this plan copied into the next fiscal year (measures,
 * methods, steps, responsible units, periods a year on; no ticks, no
 * records), with the new assessment's result typed here. Last year's plan
 * then becomes read-only.
 */
export function NextYearPage() {
  const { params } = useRoute();
  const planId = params.planId ?? '';
  const overview = usePlanOverview(planId);
  return (
    <PageState result={overview} notFound="แผนนี้ไม่มีในเครื่อง หรือถูกลบไปแล้ว" showsDates={false}>
      {({ plan, measures }) => (
        <NextYearForm
          planId={plan.id}
          agency={plan.agency.name}
          fiscalYear={plan.fiscalYear}
          measureCount={measures.length}
        />
      )}
    </PageState>
  );
}

function NextYearForm(props: { planId: string; agency: string; fiscalYear: number; measureCount: number }) {
  const next = props.fiscalYear + 1;
  const { route } = useLocation();
  const [form, setForm] = useState<AssessmentForm>({
    assessmentYear: String(props.fiscalYear),
    overallScore: '',
    rating: '',
  });
  const { errors, formError, busy, submit } = useSubmit(
    (f: AssessmentForm) => validateAssessment(f, next),
    async (value) => {
      const id = await planCommands.createNextYearPlan(props.planId, value);
      showToast({ message: `สร้างแผนปีงบประมาณ ${next} แล้ว` });
      route(`/plans/${id}`, true);
    },
  );
  return (
    <section>
      <nav class="crumbs" aria-label="ตำแหน่ง">
        <a href={`/plans/${props.planId}`}>{props.agency}</a>
      </nav>
      <h1 tabIndex={-1}>สร้างแผนปีงบประมาณ {next}</h1>
      <p>
        คัดลอกมาตรการ {props.measureCount} มาตรการ พร้อมวิธีการ ขั้นตอน ผู้รับผิดชอบ และระยะเวลา (เลื่อนไปหนึ่งปี)
        ไปยังแผนปีงบประมาณ {next} โดยไม่มีผลการดำเนินการและบันทึกรายไตรมาส
      </p>
      <p class="hint">
        แผนปี {props.fiscalYear} จะถูกเก็บไว้ตามเดิมแบบอ่านอย่างเดียว (ปลดล็อกได้ที่หน้าแผนหากต้องแก้ไข)
        หากมีเอกสารมาตรการฉบับใหม่ นำเข้าได้ภายหลังเพื่อแทนที่แผนนี้ และเทียบกับปีก่อนได้ทีละมาตรการ
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit(form);
        }}
      >
        <TextField
          id="next-assessment-year"
          label="ผลการประเมิน ITA ปี พ.ศ."
          inputMode="numeric"
          value={form.assessmentYear}
          error={errors.assessmentYear}
          onValue={(v) => setForm({ ...form, assessmentYear: v })}
        />
        <TextField
          id="next-score"
          label="คะแนนภาพรวม"
          hint="เว้นว่างไว้ได้ถ้ายังไม่ประกาศผล"
          inputMode="decimal"
          value={form.overallScore}
          error={errors.overallScore}
          onValue={(v) => setForm({ ...form, overallScore: v })}
        />
        <TextField
          id="next-rating"
          label="ระดับผลการประเมิน"
          hint="เช่น ผ่านดีเยี่ยม"
          value={form.rating}
          error={errors.rating}
          onValue={(v) => setForm({ ...form, rating: v })}
        />
        {formError && (
          <p class="error" role="alert">
            {formError}
          </p>
        )}
        <div class="buttons">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            สร้างแผนปีถัดไป
          </button>
          <a class="btn" href={`/plans/${props.planId}`}>
            ยกเลิก
          </a>
        </div>
      </form>
    </section>
  );
}
