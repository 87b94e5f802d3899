import { TickForm } from '../components/TickForm';
import { fiscalYearRange } from '../domain/fiscalCalendar';
import type { DigitStyle } from '../domain/thaiFormat';
import { validateTick, type TickForm as TickValues } from '../domain/validation';
import { commands } from '../hooks/commands';
import { showToast } from '../hooks/toast';
import { useDraft } from '../hooks/useDraft';
import { todayInBangkok } from '../hooks/useToday';
import { useSubmit } from './useSubmit';

/** Ticking one action: the form's state survives reloads, the save offers undo. */
export function TickPanel({
  actionId,
  actionLabel,
  fiscalYear,
  digits,
  onDone,
}: {
  actionId: string;
  actionLabel: string;
  fiscalYear: number;
  digits: DigitStyle;
  onDone: () => void;
}) {
  const today = todayInBangkok();
  // Today by default; for a past year's plan, its last day (today would be refused).
  const fy = fiscalYearRange(fiscalYear);
  const initialDate = today > fy.end ? fy.end : today;
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
        message: `บันทึกผล ${actionLabel} แล้ว`,
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
