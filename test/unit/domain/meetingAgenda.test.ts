import { describe, expect, it } from 'vitest';
import { firstGroups, type AgendaGroup, type AgendaItem } from '../../../src/domain/meetingAgenda';

/** Groups of the given sizes; only the row counts matter to firstGroups. */
const groups = (...sizes: number[]): AgendaGroup[] =>
  sizes.map((n, g) => ({
    key: `g${g}`,
    title: `มาตรการที่ ${g + 1}`,
    items: Array.from({ length: n }, () => ({}) as AgendaItem),
  }));
const keys = (gs: AgendaGroup[]) => gs.map((g) => g.key);

describe('firstGroups: what meeting mode shows in its first frame', () => {
  it('takes whole groups while they fit in the row budget', () => {
    expect(keys(firstGroups(groups(4, 5, 6), 12))).toEqual(['g0', 'g1']);
    expect(keys(firstGroups(groups(4, 8, 1), 12))).toEqual(['g0', 'g1']);
  });

  it('always takes the first group, however long', () => {
    expect(keys(firstGroups(groups(30, 2), 12))).toEqual(['g0']);
  });

  it('takes everything when the agenda is short, and nothing from nothing', () => {
    expect(keys(firstGroups(groups(3, 3), 12))).toEqual(['g0', 'g1']);
    expect(firstGroups([], 12)).toEqual([]);
  });
});
