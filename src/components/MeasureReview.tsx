import type { ExportAction, ExportMeasure } from '../domain/exportDocument';
import { isIsoDate } from '../domain/fiscalCalendar';
import { formatNumber, formatThaiDate, type DigitStyle } from '../domain/thaiFormat';
import type { ActionKind, PlanWarning } from '../domain/types';
import { Field, TextArea, TextField } from './Field';
import { WarningList } from './WarningList';

export interface MeasureReviewProps {
  measure: ExportMeasure;
  /** Position in the plan; field ids and error keys use it (`m0.title`). */
  index: number;
  warnings: readonly PlanWarning[];
  errors: Record<string, string>;
  digits: DigitStyle;
  onChange: (patch: Partial<ExportMeasure>) => void;
  onAction: (actionId: string, patch: Partial<Pick<ExportAction, 'number' | 'text'>>) => void;
  onAddAction: (kind: ActionKind) => void;
  onRemoveAction: (actionId: string) => void;
}

const KINDS: { kind: ActionKind; title: string; add: string }[] = [
  { kind: 'method', title: 'วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ', add: '+ เพิ่มวิธีการ' },
  { kind: 'step', title: 'ขั้นตอนหรือวิธีการปฏิบัติ', add: '+ เพิ่มขั้นตอน' },
];

function DateInput(p: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  digits: DigitStyle;
  onValue: (v: string) => void;
}) {
  return (
    <Field id={p.id} label={p.label} error={p.error}>
      {(aria) => (
        <>
          <input
            {...aria}
            type="date"
            value={p.value}
            onInput={(e) => p.onValue((e.currentTarget as HTMLInputElement).value)}
          />
          {isIsoDate(p.value) && (
            <span class="date-be">{formatThaiDate(p.value, { digits: p.digits, long: true })}</span>
          )}
        </>
      )}
    </Field>
  );
}

/** One parsed measure, editable, with the importer's warnings about it beside it. */
export function MeasureReview(p: MeasureReviewProps) {
  const { measure: m, index, errors, digits } = p;
  const id = (name: string) => `m${index}-${name}`;
  const n = formatNumber(m.number, { digits });
  const period = m.period ?? { start: '', end: '' };
  return (
    <section class="card measure-review" aria-labelledby={id('heading')}>
      <h2 id={id('heading')}>
        มาตรการที่ {n}
        {p.warnings.length > 0 && (
          <span class="warn-count"> · คำเตือน {formatNumber(p.warnings.length, { digits })}</span>
        )}
      </h2>
      <WarningList warnings={p.warnings} label={`คำเตือนของมาตรการที่ ${n}`} digits={digits} />
      <TextField
        id={id('title')}
        label={`ชื่อมาตรการที่ ${n}`}
        value={m.title}
        error={errors[`m${index}.title`]}
        onValue={(title) => p.onChange({ title })}
      />
      <TextField
        id={id('responsible')}
        label="ผู้รับผิดชอบ (ตามเอกสาร)"
        value={m.responsible}
        onValue={(responsible) => p.onChange({ responsible })}
      />
      <TextArea
        id={id('units')}
        label="หน่วยงานผู้รับผิดชอบ (บรรทัดละหนึ่งหน่วย)"
        rows={2}
        value={(m.responsibleUnits ?? []).join('\n')}
        onValue={(v) => p.onChange({ responsibleUnits: v.split('\n') })}
      />
      <div class="row" role="group" aria-label={`ระยะเวลาดำเนินการของมาตรการที่ ${n}`}>
        <DateInput
          id={id('start')}
          label="วันเริ่มต้น"
          value={period.start}
          error={errors[`m${index}.period`]}
          digits={digits}
          onValue={(start) => p.onChange({ period: { ...period, start } })}
        />
        <DateInput
          id={id('end')}
          label="วันสิ้นสุด"
          value={period.end}
          error={undefined}
          digits={digits}
          onValue={(end) => p.onChange({ period: { ...period, end } })}
        />
      </div>
      {KINDS.map(({ kind, title, add }) => {
        const actions = m.actions.filter((a) => a.kind === kind);
        return (
          <fieldset key={kind} class="review-actions">
            <legend>{title}</legend>
            {actions.length === 0 && <p class="empty">ยังไม่มีรายการ</p>}
            <ol class="plain-list">
              {actions.map((a) => (
                <li key={a.id} class="review-action">
                  <div class="review-action-number">
                    <TextField
                      id={`${id('a')}-${a.id}-number`}
                      label="ข้อ"
                      value={a.number}
                      onValue={(number) => p.onAction(a.id, { number })}
                    />
                  </div>
                  <TextArea
                    id={`${id('a')}-${a.id}-text`}
                    label={`รายละเอียดข้อ ${a.number}`}
                    rows={3}
                    value={a.text}
                    error={errors[`m${index}.${a.id}`]}
                    onValue={(text) => p.onAction(a.id, { text })}
                  />
                  <button type="button" class="btn btn-danger-outline" onClick={() => p.onRemoveAction(a.id)}>
                    ลบข้อ {a.number}
                  </button>
                </li>
              ))}
            </ol>
            <button type="button" class="btn" onClick={() => p.onAddAction(kind)}>
              {add}
              <span class="sr-only"> ในมาตรการที่ {n}</span>
            </button>
          </fieldset>
        );
      })}
    </section>
  );
}
