/**
 * The importer never chooses silently: every correction, guess and line it
 * could not place becomes a warning in Thai, with where (measure number and
 * 1-based line) so that a person can check it against the document.
 */
import type { PlanWarning } from '../types';

export interface Warnings {
  readonly list: PlanWarning[];
  add(
    code: string,
    message: string,
    where?: { measure?: number | undefined; line?: number | undefined; item?: string | undefined },
  ): void;
}

export function createWarnings(): Warnings {
  const list: PlanWarning[] = [];
  return {
    list,
    add(code, message, where = {}) {
      const warning: PlanWarning = { code, message };
      if (where.measure !== undefined) warning.measure = where.measure;
      if (where.line !== undefined) warning.line = where.line;
      if (where.item !== undefined) warning.item = where.item;
      list.push(warning);
    },
  };
}

/** A line quoted in a warning: whole, but long prose cut so the list stays readable. */
export function quote(text: string, max = 200): string {
  return `"${text.length > max ? `${text.slice(0, max)}…` : text}"`;
}
