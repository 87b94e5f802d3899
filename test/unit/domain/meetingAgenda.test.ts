import { describe, expect, it } from 'vitest';
import { firstGroups, type AgendaGroup, type AgendaItem } from '../../../src/domain/meetingAgenda';

/** Groups of the given sizes; only the row counts matter to firstGroups. */
const groups = (...sizes: number[]): AgendaGroup[] =>
  sizes.map((n, g) => ({
    key: `g${g}`,
    title: `มาตรการที่ ${g + 1}`,
    items: Array.from({ length: n }, () => ({}) as AgendaItem),
  }));
const shape = (gs: AgendaGroup[]) => gs.map((g) => [g.key, g.items.length]);

describe('firstGroups: what meeting mode shows in its first frame', () => {
  it('takes rows in order, across groups, cutting the last group short', () => {
    expect(shape(firstGroups(groups(2, 2, 6), 5))).toEqual([
      ['g0', 2],
      ['g1', 2],
      ['g2', 1],
    ]);
    expect(shape(firstGroups(groups(9, 4), 5))).toEqual([['g0', 5]]);
  });

  it('keeps whole groups as they are and stops at the budget', () => {
    const gs = groups(3, 2, 4);
    const first = firstGroups(gs, 5);
    expect(first).toEqual([gs[0], gs[1]]);
  });

  it('takes everything when the agenda is short, and nothing from nothing', () => {
    expect(shape(firstGroups(groups(1, 2), 5))).toEqual([
      ['g0', 1],
      ['g1', 2],
    ]);
    expect(firstGroups([], 5)).toEqual([]);
  });
});
