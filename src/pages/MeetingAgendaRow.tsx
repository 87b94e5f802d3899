import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { AgendaRow } from '../components/AgendaRow';
import { canEditTickNote, type AgendaItem } from '../domain/meetingAgenda';
import type { DigitStyle } from '../domain/thaiFormat';
import type { Progress, TickStatus } from '../domain/types';
import { followUp } from '../hooks/followUp';
import { useTickNote } from '../hooks/useTickNote';
import { saveErrorMessage } from './useSubmit';

/**
 * A meeting-mode row with its note kept: typed before the tap, the note goes
 * on the tick the tap makes; typed after it, it is written to that tick. In a
 * closed meeting a tap asks first: a correction cannot be undone.
 */
export function MeetingAgendaRow({
  meetingId,
  item,
  tickedHere,
  closed,
  showMeasure,
  digits,
  onTick,
  onUndo,
  children,
}: {
  meetingId: string;
  item: AgendaItem;
  tickedHere: Progress | undefined;
  closed: boolean;
  showMeasure: boolean;
  digits: DigitStyle;
  onTick: (status: TickStatus, note: string) => void;
  onUndo: (tickId: string) => void;
  children?: ComponentChildren;
}) {
  // A closed meeting's own ticks stay as recorded: the box then waits for a correction's tap.
  const editable = tickedHere && canEditTickNote(closed, tickedHere) ? tickedHere : undefined;
  const note = useTickNote(
    `${meetingId}:${item.action.id}`,
    editable,
    followUp.noteMeetingTick,
    saveErrorMessage,
  );
  const [confirming, setConfirming] = useState<TickStatus | null>(null);
  return (
    <AgendaRow
      item={item}
      tickedHere={tickedHere}
      closed={closed}
      showMeasure={showMeasure}
      digits={digits}
      note={note.text}
      noteError={note.error}
      onNoteInput={note.input}
      onNoteBlur={note.flush}
      onTick={(status) => (closed ? setConfirming(status) : onTick(status, note.take()))}
      confirming={confirming}
      onConfirm={() => {
        if (confirming) onTick(confirming, note.take());
        setConfirming(null);
      }}
      onCancelConfirm={() => setConfirming(null)}
      onUndo={onUndo}
    >
      {children}
    </AgendaRow>
  );
}
