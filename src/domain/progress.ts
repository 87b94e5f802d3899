/**
 * Progress of a plan derived from its ticks. A tick is append-only, so the
 * state of an action is its latest live tick (by date, then by when recorded).
 */
import { QUARTERS, isWithin, quarterRange, type Quarter } from './fiscalCalendar';
import type { Action, Progress, TickStatus } from './types';

type TickLike = Pick<Progress, 'actionId' | 'date' | 'at' | 'status' | 'deletedAt' | 'id'>;

function later(a: TickLike, b: TickLike): boolean {
  if (a.date !== b.date) return a.date > b.date;
  if (a.at !== b.at) return a.at > b.at;
  return a.id > b.id;
}

/** Latest live (not undone) tick of each action. */
export function latestTicks<T extends TickLike>(ticks: readonly T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const t of ticks) {
    if (t.deletedAt) continue;
    const cur = latest.get(t.actionId);
    if (!cur || later(t, cur)) latest.set(t.actionId, t);
  }
  return latest;
}

export function actionStatus(actionId: string, latest: Map<string, TickLike>): TickStatus {
  return latest.get(actionId)?.status ?? 'not_started';
}

export interface ProgressCount {
  done: number;
  total: number;
}

type ActionLike = Pick<Action, 'id' | 'deletedAt'>;

/** Actions whose latest tick says done, out of all live actions. */
export function progressOf(actions: readonly ActionLike[], ticks: readonly TickLike[]): ProgressCount {
  const live = actions.filter((a) => !a.deletedAt);
  const latest = latestTicks(ticks);
  const done = live.filter((a) => latest.get(a.id)?.status === 'done').length;
  return { done, total: live.length };
}

/**
 * Per quarter of the fiscal year: actions whose latest tick dated inside that
 * quarter says done, out of all live actions.
 */
export function quarterlyProgress(
  actions: readonly ActionLike[],
  ticks: readonly TickLike[],
  fiscalYear: number,
): Record<Quarter, ProgressCount> {
  const out = {} as Record<Quarter, ProgressCount>;
  for (const q of QUARTERS) {
    const range = quarterRange(fiscalYear, q);
    out[q] = progressOf(
      actions,
      ticks.filter((t) => isWithin(t.date, range)),
    );
  }
  return out;
}

export function percent(p: ProgressCount): number {
  return p.total === 0 ? 0 : Math.round((p.done / p.total) * 100);
}
