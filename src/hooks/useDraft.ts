/**
 * Form state that survives a reload (an app update, a crash, the phone
 * killing the tab): every change is kept in sessionStorage under `key` until
 * the form is saved or cancelled and `clear()` is called.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

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
  // Fields the person typed in, noted before any effect runs: a record that
  // loads a moment later fills the other fields but never overwrites these.
  const touched = useRef(new Set<keyof T>());

  useEffect(() => {
    if (!dirty) return;
    try {
      sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
    } catch {
      // Storage full or blocked: the form still works, only the reload safety net is lost.
    }
  }, [key, value, dirty]);

  const update = useCallback((patch: Partial<T>) => {
    for (const k of Object.keys(patch)) touched.current.add(k as keyof T);
    setValue((v) => ({ ...v, ...patch }));
    setDirty(true);
  }, []);

  const clear = useCallback(() => {
    sessionStorage.removeItem(PREFIX + key);
    touched.current.clear();
    setDirty(false);
  }, [key]);

  /** Replace the draft's base (e.g. when the record loads), keeping what the person typed. */
  const reset = useCallback(
    (next: T) => {
      // A draft restored after a reload is kept whole.
      if (touched.current.size === 0 && load<T>(key) !== null) return;
      setValue((current) => {
        const merged = { ...next };
        for (const k of touched.current) merged[k] = current[k];
        return merged;
      });
    },
    [key],
  );

  return { value, update, clear, reset, dirty };
}
