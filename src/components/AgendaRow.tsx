import type { ComponentChildren } from 'preact';
import type { AgendaItem } from '../domain/meetingAgenda';
import { formatCode, formatNumber, STATUS_LABELS, type DigitStyle } from '../domain/thaiFormat';
import type { Progress, TickStatus } from '../domain/types';
import { StatusBadge } from './StatusBadge';
import { STATUS_SHORT, StatusButtons, stepName } from './StatusButtons';

/**
 * One action in meeting mode: one tap records its status. The note box
 * beside it belongs to the row's tick, typed before the tap or after it.
 * Ticks made in this meeting show with undo. Once the meeting is closed, a
 * tap records a correction, and only after the person confirms it
 * (`confirming` is the status waiting for that).
 */
export function AgendaRow({
  item,
  tickedHere,
  closed,
  note,
  noteError,
  onNoteInput,
  onNoteBlur,
  onTick,
  onUndo,
  confirming = null,
  onConfirm,
  onCancelConfirm,
  showMeasure = false,
  digits = 'arabic',
  children,
}: {
  item: AgendaItem;
  tickedHere: Progress | undefined;
  closed: boolean;
  note: string;
  noteError: string | null;
  onNoteInput: (note: string) => void;
  onNoteBlur: () => void;
  onTick: (status: TickStatus) => void;
  onUndo: (tickId: string) => void;
  confirming?: TickStatus | null;
  onConfirm?: () => void;
  onCancelConfirm?: () => void;
  /** Grouped by unit, a row says which measure it belongs to ("1.1" is in every measure). */
  showMeasure?: boolean;
  digits?: DigitStyle;
  children?: ComponentChildren;
}) {
  const { action, measure } = item;
  const number = formatCode(action.number, { digits });
  const name = stepName(action.number, measure.number, digits);
  const noteId = `note-${action.id}`;
  return (
    <li class="agenda-row" data-action-number={action.number}>
      {showMeasure && (
        <p class="sub agenda-measure">
          มาตรการที่ {formatNumber(measure.number, { digits })} {measure.title}
        </p>
      )}
      <p class="action-text">
        <span class="num">{number}</span> {action.text}
      </p>
      <p class="action-status">
        ไตรมาสนี้: <StatusBadge status={item.status} />
      </p>
      <StatusButtons name={name} pressed={tickedHere?.status} onTick={(s) => onTick(s)} />
      {confirming && (
        <div class="confirm-correction" role="group" aria-label={`ยืนยันการแก้ไข ${name}`}>
          <p>
            ปิดการประชุมแล้ว: บันทึก “{STATUS_SHORT[confirming]}” ของ {number} เป็นรายการแก้ไขใหม่หรือไม่
          </p>
          <div class="buttons">
            <button type="button" class="btn btn-primary" onClick={onConfirm}>
              ยืนยันแก้ไข<span class="sr-only"> {name}</span>
            </button>
            <button type="button" class="btn" onClick={onCancelConfirm}>
              ไม่แก้ไข<span class="sr-only"> {name}</span>
            </button>
          </div>
        </div>
      )}
      <label class="sr-only" for={noteId}>
        บันทึกสั้นของ {name}
      </label>
      <input
        id={noteId}
        class="agenda-note"
        placeholder={tickedHere ? 'บันทึกสั้นของการลงผลนี้ (ถ้ามี)' : 'บันทึกสั้น (ถ้ามี) แล้วแตะสถานะ'}
        value={note}
        aria-invalid={noteError ? true : undefined}
        aria-describedby={noteError ? `${noteId}-error` : undefined}
        onInput={(e) => onNoteInput((e.currentTarget as HTMLInputElement).value)}
        onBlur={onNoteBlur}
      />
      {noteError && (
        <p id={`${noteId}-error`} role="alert" class="error">
          {noteError}
        </p>
      )}
      {tickedHere && (
        <div class="ticked-here">
          <p>
            ลงผลในการประชุมนี้: <strong>{STATUS_LABELS[tickedHere.status]}</strong>
            {tickedHere.corrects && ' (แก้ไขหลังปิดการประชุม)'}
            {tickedHere.note && ` – ${tickedHere.note}`}
            {tickedHere.by && ` · ${tickedHere.by}`}
          </p>
          {!closed && (
            <button type="button" class="btn" onClick={() => onUndo(tickedHere.id)}>
              เลิกทำ<span class="sr-only"> {name}</span>
            </button>
          )}
          {children}
        </div>
      )}
    </li>
  );
}
