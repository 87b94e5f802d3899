import { isIsoDate } from '../domain/fiscalCalendar';
import { formatThaiDate, STATUS_LABELS, type DigitStyle } from '../domain/thaiFormat';
import { TICK_STATUSES } from '../domain/types';
import type { TickForm as TickValues } from '../domain/validation';
import { Field, TextArea } from './Field';
import { FormError } from './FormErrorSummary';

interface Props {
  idPrefix: string;
  actionLabel: string;
  value: TickValues;
  errors: Record<string, string>;
  formError: string | null;
  digits: DigitStyle;
  busy: boolean;
  onChange: (patch: Partial<TickValues>) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

/** Record progress on one action: date (today by default), status and a note. */
export function TickForm(p: Props) {
  const id = (s: string) => `${p.idPrefix}-${s}`;
  return (
    <form
      class="tick-form"
      aria-label={`ลงผลการดำเนินการ ${p.actionLabel}`}
      onSubmit={(e) => {
        e.preventDefault();
        p.onSubmit();
      }}
    >
      <Field id={id('date')} label="วันที่ดำเนินการ" error={p.errors.date}>
        {(aria) => (
          <>
            <input
              {...aria}
              type="date"
              required
              value={p.value.date}
              onInput={(e) => p.onChange({ date: (e.currentTarget as HTMLInputElement).value })}
            />
            {isIsoDate(p.value.date) && (
              <span class="date-be" aria-live="polite">
                {formatThaiDate(p.value.date, { digits: p.digits, long: true })}
              </span>
            )}
          </>
        )}
      </Field>
      <fieldset class="status-choice" aria-describedby={p.errors.status ? id('status-error') : undefined}>
        <legend>สถานะ</legend>
        {TICK_STATUSES.map((s) => (
          <label key={s} class={`choice choice-${s}`}>
            <input
              type="radio"
              name={id('status')}
              value={s}
              checked={p.value.status === s}
              onChange={() => p.onChange({ status: s })}
            />
            <span>{STATUS_LABELS[s]}</span>
          </label>
        ))}
        {p.errors.status && (
          <p id={id('status-error')} class="error" role="alert">
            {p.errors.status}
          </p>
        )}
      </fieldset>
      <TextArea
        id={id('note')}
        label="บันทึก (ถ้ามี)"
        value={p.value.note}
        error={p.errors.note}
        onValue={(note) => p.onChange({ note })}
      />
      <FormError message={p.formError} />
      <div class="buttons">
        <button type="submit" class="btn btn-primary" disabled={p.busy}>
          บันทึกผล
        </button>
        <button type="button" class="btn" onClick={p.onCancel}>
          ยกเลิก
        </button>
      </div>
    </form>
  );
}
