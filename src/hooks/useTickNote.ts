/**
 * The note box of one meeting-mode row, whichever comes first, the note or
 * the tap. Typed text is kept in sessionStorage at every keystroke (a reload
 * or a killed tab keeps it); while the row has a tick whose note may be
 * written, the text is saved to that tick shortly after the last keystroke,
 * when the box loses focus, when the page is hidden or left; before any tick
 * it waits for the tap, which takes it.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

const PREFIX = 'meeting-note:';

function readDraft(key: string): string | null {
  try {
    return sessionStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

function writeDraft(key: string, text: string | null): void {
  try {
    if (text === null) sessionStorage.removeItem(PREFIX + key);
    else sessionStorage.setItem(PREFIX + key, text);
  } catch {
    // Storage blocked or full: the box still works, only the reload safety net is lost.
  }
}

/** Pause after the last keystroke before the note is written to its tick. */
export const NOTE_SAVE_DELAY_MS = 600;

export interface TickNote {
  text: string;
  /** The person typed in the box. */
  input: (text: string) => void;
  /** Write pending text to the tick now (on blur). */
  flush: () => void;
  /** The text for a tap: it goes on the new tick. */
  take: () => string;
  /** A failed save, in Thai; the text stays in the box and in the draft. */
  error: string | null;
}

export function useTickNote(
  /** One per meeting and action. */
  key: string,
  /** The tick whose note the box edits; none when a tap has yet to make one (or may not be edited). */
  tick: { id: string; note: string } | undefined,
  save: (tickId: string, note: string) => Promise<void>,
  describeError: (e: unknown) => string,
): TickNote {
  // The box as typed, and whether that is not yet on any tick. Refs, set as
  // the key is pressed: an effect of an earlier render (a tick just stored)
  // then sees what was typed since, never a stale copy.
  const box = useRef<{ text: string; pending: boolean } | null>(null);
  if (box.current === null) {
    const draft = readDraft(key);
    box.current = { text: draft ?? tick?.note ?? '', pending: draft !== null };
  }
  const [text, setText] = useState(box.current.text);
  const [error, setError] = useState<string | null>(null);
  const bound = useRef({ tick, save });
  bound.current = { tick, save };

  const show = (next: string) => {
    box.current!.text = next;
    setText(next);
  };

  const flush = useCallback(() => {
    const { text, pending } = box.current!;
    const { tick, save } = bound.current;
    if (!pending || !tick || text.trim() === tick.note) return;
    save(tick.id, text).then(
      () => setError(null),
      (e: unknown) => setError(describeError(e)),
    );
  }, [describeError]);

  useEffect(() => {
    if (!tick) return;
    const { text, pending } = box.current!;
    if (text.trim() === tick.note) {
      // Stored as typed (a tap, or a save): the reload safety net can go.
      box.current!.pending = false;
      writeDraft(key, null);
    } else if (!pending) {
      // Changed elsewhere (another phone, undo) while nothing typed waits: show it.
      show(tick.note);
    } else {
      // Typed text reaches the tick a moment after the last keystroke.
      const timer = setTimeout(flush, NOTE_SAVE_DELAY_MS);
      return () => clearTimeout(timer);
    }
  }, [key, tick?.id, tick?.note, text, flush]);

  // Leaving the page, or the row going away, writes what is pending at once.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, [flush]);

  return {
    text,
    error,
    flush,
    input: (next: string) => {
      box.current!.pending = true;
      writeDraft(key, next);
      show(next);
    },
    take: () => {
      // The tap's tick carries the text; the draft goes once that tick is stored with it.
      box.current!.pending = false;
      return box.current!.text.trim();
    },
  };
}
