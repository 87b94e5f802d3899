/**
 * Form state that survives a reload (an app update, a crash, the phone
 * killing the tab): every change is kept in sessionStorage under `key` until
 * the form is saved or cancelled and `clear()` is called.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';

const PREFIX = 'draft:';

function load<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    return raw === null ? null : (JSON.parse(raw) as T);
  } catch {
    return null;
  }
}

export function useDraft<T extends object>(key: string, initial: () => T) {
  const [value, setValue] = useState<T>(() => load<T>(key) ?? initial());
  const [dirty, setDirty] = useState(() => load<T>(key) !== null);

  useEffect(() => {
    if (!dirty) return;
    try {
      sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      // Storage full or blocked: the form still works, only the reload safety net is lost.
    }
  }, [key, value, dirty]);

  const update = useCallback((patch: Partial<T>) => {
    setValue((v) => ({ ...v, ...patch }));
    setDirty(true);
  }, []);

  const clear = useCallback(() => {
    sessionStorage.removeItem(PREFIX + key);
    setDirty(false);
  }, [key]);

  /** Replace the draft's base (e.g. when the record loads) unless the person already typed. */
  const reset = useCallback(
    (next: T) => {
      if (load<T>(key) === null) setValue(next);
    },
    [key],
  );

  return { value, update, clear, reset, dirty };
}

/** True when any form on the page holds unsaved input. */
export function hasDrafts(): boolean {
  for (let i = 0; i < sessionStorage.length; i++) {
    if (sessionStorage.key(i)?.startsWith(PREFIX)) return true;
  }
  return false;
}
