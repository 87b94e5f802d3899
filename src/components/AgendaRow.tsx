import type { ComponentChildren } from 'preact';
import type { AgendaItem } from '../domain/meetingAgenda';
import { formatCode, STATUS_LABELS, type DigitStyle } from '../domain/thaiFormat';
import { TICK_STATUSES, type Progress, type TickStatus } from '../domain/types';
import { StatusBadge } from './StatusBadge';

const SHORT: Record<TickStatus, string> = { done: 'เสร็จแล้ว', in_progress: 'กำลังทำ', not_started: 'ยังไม่เริ่ม' };

/**
 * One action in meeting mode: one tap records its status. The note box
 * beside it belongs to the row's tick, typed before the tap or after it.
 * Ticks made in this meeting show with undo, or, once the meeting is closed,
 * a new tap records a correction.
 */
export function AgendaRow({
  item,
  tickedHere,
  closed,
  busy,
  note,
  noteError,
  onNoteInput,
  onNoteBlur,
  onTick,
  onUndo,
  digits = 'arabic',
  children,
}: {
  item: AgendaItem;
  tickedHere: Progress | undefined;
  closed: boolean;
  busy: boolean;
  note: string;
  noteError: string | null;
  onNoteInput: (note: string) => void;
  onNoteBlur: () => void;
  onTick: (status: TickStatus) => void;
  onUndo: (tickId: string) => void;
  digits?: DigitStyle;
  children?: ComponentChildren;
}) {
  const { action } = item;
  const number = formatCode(action.number, { digits });
  const noteId = `note-${action.id}`;
  return (
    <li class="agenda-row" data-action-number={action.number}>
      <p class="action-text">
        <span class="num">{number}</span> {action.text}
      </p>
      <p class="action-status">
        ไตรมาสนี้: <StatusBadge status={item.status} />
      </p>
      <div class="status-buttons" role="group" aria-label={`ลงผล ${number}`}>
        {TICK_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            class={`btn status-${s}`}
            aria-pressed={tickedHere?.status === s}
            disabled={busy}
            onClick={() => onTick(s)}
          >
            {SHORT[s]}
            <span class="sr-only">
              {' '}
              ({STATUS_LABELS[s]} {number})
            </span>
          </button>
        ))}
      </div>
      <label class="sr-only" for={noteId}>
        บันทึกสั้นของ {number}
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
              เลิกทำ<span class="sr-only"> {number}</span>
            </button>
          )}
          {children}
        </div>
      )}
    </li>
  );
}
