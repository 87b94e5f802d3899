/**
 * One polite live region, app-wide, for what a screen reader should hear
 * after an action whose result shows only in place (a status pressed, a row
 * saved): which step, which status. The region is in the page from the start
 * and empty, then its text changes: text put into a region made with it is
 * not announced by many screen readers.
 */
import { useEffect, useState } from 'preact/hooks';

let current = '';
const listeners = new Set<(text: string) => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

function set(text: string) {
  current = text;
  for (const l of listeners) l(text);
}

/** Says `text` politely. The same words twice are said twice: the region is emptied first. */
export function announce(text: string): void {
  clearTimeout(timer);
  set('');
  timer = setTimeout(() => set(text), 50);
}

export function useAnnouncement(): string {
  const [text, setText] = useState(current);
  useEffect(() => {
    listeners.add(setText);
    setText(current);
    return () => void listeners.delete(setText);
  }, []);
  return text;
}
