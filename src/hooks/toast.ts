/** One toast at a time, app-wide: "saved", "deleted — undo". Plain UI state, not data. */
import { useEffect, useState } from 'preact/hooks';

export interface ToastMessage {
  id: number;
  message: string;
  actionLabel?: string;
  onAction?: () => void;
  /** The page it belongs to: the path once the task that raised it has run (it may have navigated). */
  path: string;
}

let current: ToastMessage | null = null;
let nextId = 1;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<(t: ToastMessage | null) => void>();

function set(t: ToastMessage | null) {
  current = t;
  for (const l of listeners) l(t);
}

const SHOW_MS = 8000;

export function showToast(t: Omit<ToastMessage, 'id' | 'path'>): void {
  clearTimeout(timer);
  const toast: ToastMessage = { ...t, id: nextId++, path: location.pathname };
  set(toast);
  // A page that saves and then navigates (or the other way round) does both in one
  // task: the toast belongs to the page it leads to.
  queueMicrotask(() => {
    if (current === toast) toast.path = location.pathname;
  });
  timer = setTimeout(() => set(null), SHOW_MS);
}

/** Closes a toast left from another page: "undo" does not follow a person who has moved on. */
export function closeToastElsewhere(path: string): void {
  if (current && current.path !== path) closeToast();
}

export function closeToast(): void {
  clearTimeout(timer);
  set(null);
}

export function useToast(): ToastMessage | null {
  const [t, setT] = useState(current);
  useEffect(() => {
    listeners.add(setT);
    // A toast shown since the first render (a child's effect runs before this one) is not missed.
    setT(current);
    return () => void listeners.delete(setT);
  }, []);
  return t;
}
