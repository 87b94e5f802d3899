import type { PlanForm } from '../domain/validation';
import { TextArea, TextField } from './Field';

/** The plan's own fields (agency, years, score, rating, constraints), for the plan form and the import review. */
export function PlanFields({
  value: f,
  errors,
  onChange,
}: {
  value: PlanForm;
  errors: Record<string, string>;
  onChange: (patch: Partial<PlanForm>) => void;
}) {
  return (
    <>
      <TextField
        id="agencyName"
        label="ชื่อหน่วยงาน"
        value={f.agencyName}
        error={errors.agencyName}
        onValue={(agencyName) => onChange({ agencyName })}
        autoComplete="organization"
      />
      <div class="row">
        <TextField
          id="district"
          label="อำเภอ"
          value={f.district}
          onValue={(district) => onChange({ district })}
        />
        <TextField
          id="province"
          label="จังหวัด"
          value={f.province}
          onValue={(province) => onChange({ province })}
        />
      </div>
      <div class="row">
        <TextField
          id="assessmentYear"
          label="ปีที่ประเมิน ITA (พ.ศ.)"
          inputMode="numeric"
          value={f.assessmentYear}
          error={errors.assessmentYear}
          onValue={(assessmentYear) => onChange({ assessmentYear })}
        />
        <TextField
          id="fiscalYear"
          label="ปีงบประมาณของมาตรการ (พ.ศ.)"
          inputMode="numeric"
          value={f.fiscalYear}
          error={errors.fiscalYear}
          onValue={(fiscalYear) => onChange({ fiscalYear })}
        />
      </div>
      <div class="row">
        <TextField
          id="overallScore"
          label="คะแนนภาพรวม"
          inputMode="decimal"
          value={f.overallScore}
          error={errors.overallScore}
          onValue={(overallScore) => onChange({ overallScore })}
        />
        <TextField
          id="rating"
          label="ระดับผลการประเมิน"
          value={f.rating}
          onValue={(rating) => onChange({ rating })}
        />
      </div>
      <TextArea
        id="constraints"
        label="การวิเคราะห์ข้อจำกัด (บรรทัดละหนึ่งข้อ)"
        rows={4}
        value={f.constraints}
        onValue={(constraints) => onChange({ constraints })}
      />
    </>
  );
}
