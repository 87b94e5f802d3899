/** One toast at a time, app-wide: "saved", "deleted — undo". Plain UI state, not data. */
import { useEffect, useState } from 'preact/hooks';

export interface ToastMessage {
  id: number;
  message: string;
  actionLabel?: string;
  onAction?: () => void;
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

export function showToast(t: Omit<ToastMessage, 'id'>): void {
  clearTimeout(timer);
  set({ ...t, id: nextId++ });
  timer = setTimeout(() => set(null), SHOW_MS);
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
