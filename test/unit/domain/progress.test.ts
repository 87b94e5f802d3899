import { describe, expect, it } from 'vitest';
import {
  actionStatus,
  latestTicks,
  percent,
  progressOf,
  quarterlyProgress,
} from '../../../src/domain/progress';
import type { TickStatus } from '../../../src/domain/types';

interface Tick {
  id: string;
  actionId: string;
  date: string;
  at: string;
  status: TickStatus;
  deletedAt: string | null;
}

let seq = 0;
function tick(actionId: string, date: string, status: TickStatus, extra: Partial<Tick> = {}): Tick {
  seq++;
  return {
    id: `t${String(seq).padStart(4, '0')}`,
    actionId,
    date,
    at: `${date}T03:00:00.000Z`,
    status,
    deletedAt: null,
    ...extra,
  };
}

const action = (id: string, deletedAt: string | null = null) => ({ id, deletedAt });

describe('latestTicks', () => {
  it('keeps the tick with the latest date, whatever order the ticks come in', () => {
    const newest = tick('a1', '2024-02-01', 'done', { at: '2024-01-01T00:00:00.000Z' });
    const older = tick('a1', '2024-01-15', 'in_progress', { at: '2024-03-01T00:00:00.000Z' });
    // Recorded later but dated earlier: the date decides.
    expect(latestTicks([newest, older]).get('a1')).toBe(newest);
    expect(latestTicks([older, newest]).get('a1')).toBe(newest);
  });

  it('breaks a tie of dates by when the tick was recorded', () => {
    // The later-recorded tick has the lower id, so only the time can pick it.
    const first = tick('a1', '2024-02-01', 'done', { id: 'zzz', at: '2024-02-01T02:00:00.000Z' });
    const second = tick('a1', '2024-02-01', 'in_progress', { id: 'aaa', at: '2024-02-01T09:00:00.000Z' });
    expect(latestTicks([first, second]).get('a1')).toBe(second);
    expect(latestTicks([second, first]).get('a1')).toBe(second);
  });

  it('breaks a tie of date and time by id, so every device picks the same tick', () => {
    const at = '2024-02-01T02:00:00.000Z';
    const low = tick('a1', '2024-02-01', 'done', { id: 'aaa', at });
    const high = tick('a1', '2024-02-01', 'in_progress', { id: 'bbb', at });
    expect(latestTicks([low, high]).get('a1')).toBe(high);
    expect(latestTicks([high, low]).get('a1')).toBe(high);
  });

  it('ignores undone ticks, falling back to the latest one still live', () => {
    const kept = tick('a1', '2024-01-10', 'in_progress');
    const undone = tick('a1', '2024-02-10', 'done', { deletedAt: '2024-02-11T00:00:00.000Z' });
    expect(latestTicks([kept, undone]).get('a1')).toBe(kept);
  });

  it('has no entry for an action whose only tick was undone', () => {
    const undone = tick('a1', '2024-02-10', 'done', { deletedAt: '2024-02-11T00:00:00.000Z' });
    expect(latestTicks([undone]).has('a1')).toBe(false);
  });

  it('keeps one tick per action', () => {
    const latest = latestTicks([
      tick('a1', '2024-01-01', 'done'),
      tick('a2', '2024-01-02', 'in_progress'),
      tick('a1', '2024-01-03', 'in_progress'),
    ]);
    expect([...latest.keys()].sort()).toEqual(['a1', 'a2']);
    expect(latest.get('a1')?.status).toBe('in_progress');
  });
});

describe('actionStatus', () => {
  it('is the latest tick’s status, and not started for an action never ticked', () => {
    const latest = latestTicks([tick('a1', '2024-01-01', 'done'), tick('a1', '2024-01-02', 'in_progress')]);
    expect(actionStatus('a1', latest)).toBe('in_progress');
    expect(actionStatus('a2', latest)).toBe('not_started');
  });
});

describe('progressOf', () => {
  it('counts actions whose latest tick is done, out of all live actions', () => {
    const actions = [action('a1'), action('a2'), action('a3'), action('a4')];
    const ticks = [
      tick('a1', '2024-01-01', 'done'),
      tick('a2', '2024-01-01', 'done'),
      tick('a2', '2024-01-05', 'in_progress'), // reopened
      tick('a3', '2024-01-01', 'in_progress'),
      tick('a3', '2024-01-09', 'done'),
    ];
    expect(progressOf(actions, ticks)).toEqual({ done: 2, total: 4 });
  });

  it('counts neither the done ticks nor the total of a deleted action', () => {
    const actions = [action('a1'), action('a2', '2024-03-01T00:00:00.000Z')];
    const ticks = [tick('a1', '2024-01-01', 'done'), tick('a2', '2024-01-01', 'done')];
    expect(progressOf(actions, ticks)).toEqual({ done: 1, total: 1 });
  });

  it('stops counting an action as done once its done tick is undone', () => {
    const actions = [action('a1')];
    const done = tick('a1', '2024-01-01', 'done');
    expect(progressOf(actions, [done])).toEqual({ done: 1, total: 1 });
    expect(progressOf(actions, [{ ...done, deletedAt: '2024-01-02T00:00:00.000Z' }])).toEqual({
      done: 0,
      total: 1,
    });
  });

  it('ignores ticks of actions that are not in the list', () => {
    expect(progressOf([action('a1')], [tick('other', '2024-01-01', 'done')])).toEqual({ done: 0, total: 1 });
  });

  it('is zero of zero for a plan without actions', () => {
    expect(progressOf([], [tick('a1', '2024-01-01', 'done')])).toEqual({ done: 0, total: 0 });
  });
});

describe('quarterlyProgress', () => {
  it('counts in each quarter only the ticks dated inside it', () => {
    const actions = [action('a1'), action('a2'), action('a3'), action('gone', '2024-01-01T00:00:00.000Z')];
    const ticks = [
      // a1: done in Q1 (last day), reopened in Q2, done again in Q4 (first day).
      tick('a1', '2023-12-31', 'done'),
      tick('a1', '2024-01-01', 'in_progress'),
      tick('a1', '2024-07-01', 'done'),
      // a2: done in Q3; an undone done tick in Q2.
      tick('a2', '2024-02-01', 'done', { deletedAt: '2024-02-02T00:00:00.000Z' }),
      tick('a2', '2024-06-30', 'done'),
      // a3: ticks outside fiscal year 2567 count in no quarter.
      tick('a3', '2023-09-30', 'done'),
      tick('a3', '2024-10-01', 'done'),
      // deleted action.
      tick('gone', '2023-11-01', 'done'),
    ];
    expect(quarterlyProgress(actions, ticks, 2567)).toEqual({
      1: { done: 1, total: 3 },
      2: { done: 0, total: 3 },
      3: { done: 1, total: 3 },
      4: { done: 1, total: 3 },
    });
  });

  it('uses the latest tick within the quarter, not the latest overall', () => {
    const ticks = [tick('a1', '2024-03-31', 'done'), tick('a1', '2024-04-01', 'in_progress')];
    const q = quarterlyProgress([action('a1')], ticks, 2567);
    expect(q[2]).toEqual({ done: 1, total: 1 });
    expect(q[3]).toEqual({ done: 0, total: 1 });
  });

  it('counts nothing in a fiscal year the ticks are not in', () => {
    const ticks = [tick('a1', '2024-01-15', 'done')];
    const q = quarterlyProgress([action('a1')], ticks, 2568);
    expect([q[1], q[2], q[3], q[4]]).toEqual(Array(4).fill({ done: 0, total: 1 }));
  });
});

describe('percent', () => {
  it('rounds done over total to a whole percentage, and is 0 with no actions', () => {
    expect(percent({ done: 1, total: 3 })).toBe(33);
    expect(percent({ done: 2, total: 3 })).toBe(67);
    expect(percent({ done: 3, total: 3 })).toBe(100);
    expect(percent({ done: 0, total: 0 })).toBe(0);
  });
});
