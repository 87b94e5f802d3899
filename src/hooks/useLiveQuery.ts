/**
 * Dexie's liveQuery in Preact: re-runs `query` whenever the tables it read
 * change (in this tab or another), and returns undefined until the first
 * result. Ours instead of dexie-react-hooks, which pulls in React (stack.md).
 */
import { liveQuery } from 'dexie';
import { useLayoutEffect, useState } from 'preact/hooks';

export type LiveResult<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: Error };

export function useLiveQuery<T>(query: () => Promise<T> | T, deps: readonly unknown[]): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ status: 'loading' });
  // Subscribed as the page commits, not after its first frame: the query is with IndexedDB
  // while the browser lays out and paints the loading state.
  useLayoutEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult({ status: 'ready', value }),
      error: (error: unknown) =>
        setResult({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    });
    return () => subscription.unsubscribe();
    // The caller lists what the query depends on, as with useEffect.
  }, deps);
  return result;
}
