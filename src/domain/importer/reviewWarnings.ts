/**
 * Where each importer warning belongs on the review screen: beside the field
 * or item that settles it, never in one long list. Editing that field is the
 * person's answer, so the warnings about it are dropped as it changes.
 */
import type { ExportPlan } from '../exportDocument';
import type { PlanWarning } from '../types';

export type WarningPlace =
  | 'catalogue'
  | 'agency'
  | 'years'
  | 'title'
  | 'items'
  | 'indicators'
  | 'responsible'
  | 'period'
  | 'budget'
  | 'method'
  | 'step'
  | 'actions'
  | 'unread'
  | 'measure';

const PLACES: readonly [RegExp, WarningPlace][] = [
  [/^catalogue-/, 'catalogue'],
  [/^agency-/, 'agency'],
  [/^(?:fiscal-year-|assessment-year-)/, 'years'],
  [/^duplicate-measure-number$/, 'title'],
  [/^item-code-/, 'items'],
  [/^(?:indicator-|finding-)/, 'indicators'],
  [/^measure-no-responsible$/, 'responsible'],
  [/^(?:measure-no-period|period-unreadable)$/, 'period'],
  [/^budget-/, 'budget'],
  [/^measure-no-methods$/, 'method'],
  [/^measure-no-steps$/, 'step'],
  [/^duplicate-action-number$/, 'actions'],
  [/^unplaced-line$/, 'unread'],
];

export function warningPlace(w: PlanWarning): WarningPlace {
  return PLACES.find(([pattern]) => pattern.test(w.code))?.[1] ?? 'measure';
}

/** The warnings of one measure (or of the plan, `measure` undefined) at one place; an item's only, if given. */
export function warningsAt(
  warnings: readonly PlanWarning[],
  measure: number | undefined,
  place: WarningPlace,
  item?: string,
): PlanWarning[] {
  return warnings.filter(
    (w) => w.measure === measure && warningPlace(w) === place && (item === undefined || w.item === item),
  );
}

/** The plan without the warnings a person has answered by editing that place. */
export function dismissWarnings(
  plan: ExportPlan,
  measure: number | undefined,
  places: readonly WarningPlace[],
  item?: string,
): ExportPlan {
  const answered = (w: PlanWarning) =>
    w.measure === measure && places.includes(warningPlace(w)) && (item === undefined || w.item === item);
  const warnings = plan.warnings.filter((w) => !answered(w));
  return warnings.length === plan.warnings.length ? plan : { ...plan, warnings };
}

/** Drops one warning (a line the person read and decided the plan does not need). */
export function dismissWarning(plan: ExportPlan, warning: PlanWarning): ExportPlan {
  return { ...plan, warnings: plan.warnings.filter((w) => w !== warning) };
}

/** The text of a line the importer could not place, as the warning quotes it; null if cut short. */
export function unreadText(w: PlanWarning): string | null {
  const m = /"(.*)"$/s.exec(w.message);
  return m && !m[1]!.endsWith('…') ? m[1]! : null;
}
