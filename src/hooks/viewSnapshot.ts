/**
 * The last value each main screen showed, kept in localStorage, so that on
 * the next start the screen is drawn at once from it while its live query
 * opens IndexedDB, and is then redrawn with what the query reads (a few
 * hundred ms later on a slow phone). The live value always wins: a snapshot
 * is never written back to the database and is replaced as soon as the query
 * answers. It holds what IndexedDB holds for the same site, no more.
 *
 * Kept small: only the screens that pass a key, at most MAX_ENTRIES of them
 * (the least recently saved goes first), each under MAX_CHARS. A snapshot of
 * another build is ignored (the views' shapes may differ). Storage that is
 * full, switched off or broken only means no snapshot: never an error.
 */
import { decodeShared, encodeShared } from '../domain/sharedJson';
import { afterNextPaint } from './afterNextPaint';
import { BUILD_ID } from './buildId';

const PREFIX = 'ita-view:';
const MAX_ENTRIES = 6;
/** A meeting at ten years' scale is about 90,000 characters. */
const MAX_CHARS = 400_000;
/** After the first save of a key, later saves wait for a quiet moment. */
const QUIET_MS = 1_000;

interface Envelope {
  build: string;
  /** When it was saved (ms since epoch): the least recent goes first. */
  at: number;
  data: string;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked by the browser's settings
  }
}

/** The value last saved under `key` by this build, or undefined. */
export function readViewSnapshot<T>(key: string): T | undefined {
  try {
    const text = storage()?.getItem(PREFIX + key);
    if (!text) return undefined;
    const envelope = JSON.parse(text) as Envelope;
    if (envelope.build !== BUILD_ID || typeof envelope.data !== 'string') return undefined;
    return decodeShared(envelope.data) as T;
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  const store = storage();
  if (!store) return;
  const data = encodeShared(value);
  try {
    if (data === null || data.length > MAX_CHARS) {
      store.removeItem(PREFIX + key); // an old snapshot must not outlive what replaced it
      return;
    }
    const envelope: Envelope = { build: BUILD_ID, at: Date.now(), data };
    const others: { key: string; at: number }[] = [];
    for (let i = 0; i < store.length; i++) {
      const k = store.key(i);
      if (!k?.startsWith(PREFIX) || k === PREFIX + key) continue;
      let at = 0;
      try {
        at = (JSON.parse(store.getItem(k) ?? '') as Envelope).at ?? 0;
      } catch {
        // unreadable: goes first
      }
      others.push({ key: k, at });
    }
    others.sort((a, b) => a.at - b.at);
    for (const old of others.slice(0, Math.max(0, others.length - (MAX_ENTRIES - 1)))) {
      store.removeItem(old.key);
    }
    store.setItem(PREFIX + key, JSON.stringify(envelope));
  } catch {
    // Full or failing storage: no snapshot this time, and not an older one either.
    try {
      store.removeItem(PREFIX + key);
    } catch {
      // nothing more to do
    }
  }
}

const pending = new Map<string, unknown>();
const savedOnce = new Set<string>();
let timer: ReturnType<typeof setTimeout> | undefined;

function flush(): void {
  clearTimeout(timer);
  timer = undefined;
  for (const [key, value] of pending) write(key, value);
  pending.clear();
}

/**
 * Keeps `value` as the snapshot of `key`. The first save of a key in this
 * page is done once the frame showing it has been painted (a page may be
 * left soon after it opens); later ones wait for QUIET_MS without a change,
 * or for the page to be hidden, so a burst of taps costs one write.
 */
export function saveViewSnapshot(key: string, value: unknown): void {
  if (!storage()) return;
  pending.set(key, value);
  if (!savedOnce.has(key)) {
    savedOnce.add(key);
    afterNextPaint(flush);
    return;
  }
  clearTimeout(timer);
  timer = setTimeout(flush, QUIET_MS);
}

if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  addEventListener('pagehide', flush);
}
