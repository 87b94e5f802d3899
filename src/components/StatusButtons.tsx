import { formatCode, type DigitStyle } from '../domain/thaiFormat';
import { TICK_STATUSES, type TickStatus } from '../domain/types';

export const STATUS_SHORT: Record<TickStatus, string> = {
  done: 'เสร็จแล้ว',
  in_progress: 'กำลังทำ',
  not_started: 'ยังไม่เริ่ม',
};

/** "3.1 ของมาตรการที่ 2": a step's name that no other measure's step shares. */
export function stepName(actionNumber: string, measureNumber: number, digits: DigitStyle): string {
  return `${formatCode(actionNumber, { digits })} ของมาตรการที่ ${formatCode(String(measureNumber), { digits })}`;
}

/**
 * One tap records a status. The pressed one shows a check mark and a thick
 * frame, not colour or weight alone. The buttons are never disabled while a
 * save runs (focus would fall to the page): the page ignores a second tap.
 * Each name says which step of which measure ("เสร็จแล้ว 1.1 ของมาตรการที่ 2").
 */
export function StatusButtons({
  name,
  pressed,
  onTick,
}: {
  /** From stepName(). */
  name: string;
  pressed: TickStatus | undefined;
  onTick: (status: TickStatus, button: HTMLButtonElement) => void;
}) {
  return (
    <div class="status-buttons" role="group" aria-label={`ลงผล ${name}`}>
      {TICK_STATUSES.map((s) => (
        <button
          key={s}
          type="button"
          class={`btn status-${s}`}
          aria-pressed={pressed === s}
          onClick={(e) => onTick(s, e.currentTarget)}
        >
          {STATUS_SHORT[s]}
          <span class="sr-only"> {name}</span>
        </button>
      ))}
    </div>
  );
}
