/**
 * Dexie's liveQuery in Preact: re-runs `query` whenever the tables it read
 * change (in this tab or another), and returns undefined until the first
 * result. Ours instead of dexie-react-hooks, which pulls in React (stack.md).
 */
import { liveQuery } from 'dexie';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { afterNextPaint } from './afterNextPaint';
import { readViewSnapshot, saveViewSnapshot } from './viewSnapshot';

export type LiveResult<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: Error };

/**
 * With `snapshotKey` (which must name everything the query depends on), the
 * first render shows the value last read under that key, if any, while the
 * query runs; each value read is kept for next time.
 */
export function useLiveQuery<T>(
  query: () => Promise<T> | T,
  deps: readonly unknown[],
  snapshotKey?: string,
): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>(() => {
    const value = snapshotKey === undefined ? undefined : readViewSnapshot<T>(snapshotKey);
    return value === undefined ? { status: 'loading' } : { status: 'ready', value };
  });
  // Drawn from a snapshot: the query starts once that frame is painted, so IndexedDB's
  // answers do not hold it up. Otherwise it starts as the page commits, not after its
  // first frame: the query is with IndexedDB while the loading state is painted.
  const afterPaint = useRef(result.status === 'ready');
  useLayoutEffect(() => {
    let subscription: { unsubscribe(): void } | undefined;
    const subscribe = () => {
      subscription = liveQuery(query).subscribe({
        next: (value) => {
          setResult({ status: 'ready', value });
          if (snapshotKey !== undefined) saveViewSnapshot(snapshotKey, value);
        },
        error: (error: unknown) =>
          setResult({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
      });
    };
    if (!afterPaint.current) {
      subscribe();
      return () => subscription?.unsubscribe();
    }
    afterPaint.current = false;
    const cancel = afterNextPaint(subscribe);
    return () => {
      cancel();
      subscription?.unsubscribe();
    };
    // The caller lists what the query depends on, as with useEffect.
  }, deps);
  return result;
}
