/**
 * Amounts of baht as people type them and as a form shows them again:
 * "15,000", "๑๕,๐๐๐", "15000.5" in; "15,000" and "15,000.5" out, so that a
 * saved amount reopens as it was typed. Shared by every form with a budget.
 */
import { formatCode, toArabicDigits, type DigitStyle } from './thaiFormat';

/** Up to 1e12 baht, two decimals at most. */
export const BAHT_MAX = 1e12;

/**
 * The amount in a form's text: null for an empty box, undefined for text that
 * is not an amount (letters, a minus sign, three decimals, commas out of place).
 */
export function parseBahtInput(text: string): number | null | undefined {
  const s = toArabicDigits(text)
    .trim()
    .replace(/\s*บาท$/, '');
  if (s === '') return null;
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(s)) return undefined;
  const n = Number(s.replace(/,/g, ''));
  return n <= BAHT_MAX ? n : undefined;
}

/** An amount as a form shows it: grouped by thousands, no unit, the digits chosen; '' for none. */
export function formatBahtInput(amount: number | null | undefined, digits: DigitStyle = 'arabic'): string {
  if (amount === null || amount === undefined) return '';
  const [whole = '0', fraction] = String(Math.round(amount * 100) / 100).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return formatCode(fraction ? `${grouped}.${fraction}` : grouped, { digits });
}
