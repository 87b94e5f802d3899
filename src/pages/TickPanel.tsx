import { TickForm } from '../components/TickForm';
import { STATUS_LABELS } from '../domain/thaiFormat';
import { fiscalYearRange } from '../domain/fiscalCalendar';
import type { DigitStyle } from '../domain/thaiFormat';
import { validateTick, type TickForm as TickValues } from '../domain/validation';
import { commands } from '../hooks/commands';
import { showToast } from '../hooks/toast';
import { useDraft } from '../hooks/useDraft';
import { todayInBangkok } from '../hooks/useToday';
import { useSubmit } from './useSubmit';

/** The date a tick starts on: today, or for a past year's plan its last day (today would be refused). */
export function tickDateFor(fiscalYear: number, today: string): string {
  const fy = fiscalYearRange(fiscalYear);
  return today > fy.end ? fy.end : today;
}

/** Ticking one action: the form's state survives reloads, the save offers undo. */
export function TickPanel({
  actionId,
  actionLabel,
  fiscalYear,
  digits,
  onDone,
}: {
  actionId: string;
  /** Which step of which measure, as toasts and the form's name say it. */
  actionLabel: string;
  fiscalYear: number;
  digits: DigitStyle;
  onDone: () => void;
}) {
  const today = todayInBangkok();
  const initialDate = tickDateFor(fiscalYear, today);
  const draft = useDraft<TickValues>(`tick:${actionId}`, () => ({
    date: initialDate,
    status: 'done',
    note: '',
  }));
  const { errors, formError, busy, submit } = useSubmit(
    (form: TickValues) => validateTick(form, fiscalYear, today),
    async (input) => {
      const id = await commands.tickAction(actionId, input);
      draft.clear();
      onDone();
      showToast({
        message: `บันทึกผล ${actionLabel} แล้ว: ${STATUS_LABELS[input.status]}`,
        actionLabel: 'เลิกทำ',
        onAction: () => void commands.undoTick(id),
      });
    },
  );
  return (
    <TickForm
      idPrefix={`tick-${actionId}`}
      actionLabel={actionLabel}
      value={draft.value}
      errors={errors}
      formError={formError}
      digits={digits}
      busy={busy}
      onChange={draft.update}
      onSubmit={() => void submit(draft.value)}
      onCancel={() => {
        draft.clear();
        onDone();
      }}
    />
  );
}
