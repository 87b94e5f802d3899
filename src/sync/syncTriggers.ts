/**
 * When two-way sync runs (sync.md): at app start, when the device comes
 * online, when the page becomes visible, shortly after local writes, on
 * "sync now", and after failures with exponential backoff (30 s … 1 h).
 */
import { liveQuery } from 'dexie';
import type { ItaDatabase } from '../db/schema';
import { backoffDelay } from './uploadQueue';
import type { Syncer } from './syncClient';

const AFTER_WRITE_MS = 3_000;

export function startSyncTriggers(db: ItaDatabase, syncer: Syncer): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  const later = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void attempt(), ms);
  };

  const attempt = async () => {
    clearTimeout(timer);
    if (!navigator.onLine) return;
    const outcome = await syncer.sync();
    if (outcome.kind === 'failed') later(backoffDelay(++failures, Math.random()));
    else failures = 0;
  };

  const onVisible = () => {
    if (document.visibilityState === 'visible') void attempt();
  };
  window.addEventListener('online', attempt);
  document.addEventListener('visibilitychange', onVisible);
  // Local writes add to the outbox: sync a few seconds after the last one.
  let first = true;
  const writes = liveQuery(() => db.outbox.count()).subscribe(() => {
    if (first) {
      first = false;
      return;
    }
    later(AFTER_WRITE_MS);
  });
  void attempt();

  return () => {
    clearTimeout(timer);
    writes.unsubscribe();
    window.removeEventListener('online', attempt);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
