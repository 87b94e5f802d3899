import type { Ref } from 'preact';
import type { ExportAction, ExportMeasure } from '../domain/exportDocument';
import { groupWarnings, type ImportDraft } from '../domain/importer/reviewPlan';
import { formatNumber, type DigitStyle } from '../domain/thaiFormat';
import type { ActionKind } from '../domain/types';
import type { PlanForm } from '../domain/validation';
import { FormError } from './FormErrorSummary';
import { PlanFields } from './PlanFields';
import { MeasureReview } from './MeasureReview';
import { WarningList } from './WarningList';

export interface ImportReviewProps {
  draft: ImportDraft;
  errors: Record<string, string>;
  formError: string | null;
  busy: boolean;
  digits: DigitStyle;
  headingRef?: Ref<HTMLHeadingElement>;
  onHeader: (patch: Partial<PlanForm>) => void;
  onMeasure: (index: number, patch: Partial<ExportMeasure>) => void;
  onAction: (index: number, actionId: string, patch: Partial<Pick<ExportAction, 'number' | 'text'>>) => void;
  onAddAction: (index: number, kind: ActionKind) => void;
  onRemoveAction: (index: number, actionId: string) => void;
  onSave: () => void;
  onCancel: () => void;
}

/** The parsed plan before it is saved: its header, then measure by measure with their warnings. */
export function ImportReview(p: ImportReviewProps) {
  const { draft, errors, digits } = p;
  const h = draft.header;
  const { general, byMeasure } = groupWarnings(draft.plan.warnings);
  const count = draft.plan.warnings.length;
  return (
    <form
      noValidate
      class="import-review"
      aria-labelledby="review-title"
      onSubmit={(e) => {
        e.preventDefault();
        p.onSave();
      }}
    >
      <h2 id="review-title" tabIndex={-1} ref={p.headingRef}>
        ตรวจทานก่อนบันทึก
      </h2>
      <p>
        อ่านจาก {draft.source}: พบ {formatNumber(draft.plan.measures.length, { digits })} มาตรการ
        {count > 0 ? ` และคำเตือน ${formatNumber(count, { digits })} รายการ` : ''} แก้ไขได้ก่อนกดบันทึก
        ยังไม่มีสิ่งใดถูกบันทึกจนกว่าจะกดบันทึก
      </p>
      <WarningList warnings={general} label="คำเตือนของทั้งเอกสาร" digits={digits} />
      <section class="card" aria-labelledby="review-plan-title">
        <h2 id="review-plan-title">ข้อมูลแผน</h2>
        <PlanFields value={h} errors={errors} onChange={p.onHeader} />
      </section>
      {draft.plan.measures.map((m, i) => (
        <MeasureReview
          key={m.id}
          measure={m}
          index={i}
          warnings={byMeasure.get(m.number) ?? []}
          errors={errors}
          digits={digits}
          onChange={(patch) => p.onMeasure(i, patch)}
          onAction={(actionId, patch) => p.onAction(i, actionId, patch)}
          onAddAction={(kind) => p.onAddAction(i, kind)}
          onRemoveAction={(actionId) => p.onRemoveAction(i, actionId)}
        />
      ))}
      <FormError message={p.formError} />
      <div class="buttons">
        <button type="submit" class="btn btn-primary" disabled={p.busy}>
          บันทึก
        </button>
        <button type="button" class="btn" disabled={p.busy} onClick={p.onCancel}>
          ยกเลิก
        </button>
      </div>
    </form>
  );
}
