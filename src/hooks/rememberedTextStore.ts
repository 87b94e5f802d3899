/**
 * Keeps the Intl-made texts of src/domain/rememberedText.ts in localStorage
 * from one start to the next. They are read back only by the same browser
 * (its user-agent string names its version, and so its ICU) and the same
 * build; anything else, or unreadable storage, starts empty.
 */
import { rememberedTexts, seedRemembered, whenTextAdded } from '../domain/rememberedText';
import { afterNextPaint } from './afterNextPaint';
import { BUILD_ID } from './buildId';

const KEY = 'ita-texts';
/** Dates and chart labels of a few screens: a few tens of KB at most. */
const MAX_TEXTS = 400;

interface Stored {
  browser: string;
  build: string;
  texts: [string, string][];
}

/** Seeds the texts kept by an earlier start, and keeps new ones once the frame that made them is painted. */
export function keepRememberedTexts(): void {
  let saved = 0;
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Stored | null;
    if (
      stored &&
      stored.browser === navigator.userAgent &&
      stored.build === BUILD_ID &&
      Array.isArray(stored.texts)
    ) {
      seedRemembered(stored.texts.filter((e) => typeof e[0] === 'string' && typeof e[1] === 'string'));
    }
  } catch {
    // Unreadable or blocked: start empty.
  }
  const save = () => {
    const { entries, added } = rememberedTexts(MAX_TEXTS);
    if (added === saved) return; // nothing new since the last save
    saved = added;
    try {
      const stored: Stored = { browser: navigator.userAgent, build: BUILD_ID, texts: entries };
      localStorage.setItem(KEY, JSON.stringify(stored));
    } catch {
      // Full or blocked: the next start makes them again.
    }
  };
  // New texts are made while a frame is drawn: saved once it is painted (a page may be
  // closed soon after it opens), one save for all the texts of that frame.
  let queued = false;
  whenTextAdded(() => {
    if (queued) return;
    queued = true;
    afterNextPaint(() => {
      queued = false;
      save();
    });
  });
}
