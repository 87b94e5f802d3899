/**
 * Texts made by Intl (Thai dates, word breaks), remembered by what they were
 * made from. Intl runs on ICU, whose Thai data loads on the first call in a
 * page: tens of ms on a phone, in the middle of the first frame. A store
 * (src/hooks/rememberedTextStore.ts) keeps these texts from one start to the
 * next for the same browser version, so a screen opened again draws its dates
 * and chart labels without waking ICU. Intl stays the only maker of them.
 */

const texts = new Map<string, string>();
let added = 0;
let onAdded: (() => void) | null = null;

/** Calls `listener` whenever a new text has been made (the store saves them). */
export function whenTextAdded(listener: (() => void) | null): void {
  onAdded = listener;
}

/** The text for `key`, made by `make` the first time (and kept). */
export function remembered(key: string, make: () => string): string {
  const known = texts.get(key);
  if (known !== undefined) return known;
  const text = make();
  texts.set(key, text);
  added += 1;
  onAdded?.();
  return text;
}

/** Takes texts kept from an earlier start; those already made here win. */
export function seedRemembered(entries: Iterable<readonly [string, string]>): void {
  for (const [key, text] of entries) if (!texts.has(key)) texts.set(key, text);
}

/** The newest `max` texts (the order they were first made or seeded in), and how many were made here. */
export function rememberedTexts(max: number): { entries: [string, string][]; added: number } {
  return { entries: [...texts].slice(-max), added };
}
