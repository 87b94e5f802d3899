import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, decodeHlc, encodeHlc, receiveHlc, tickHlc } from '../../../src/domain/hlc';

const T = 1_727_715_600_000; // 2024-09-30T17:00:00Z

describe('encodeHlc / decodeHlc', () => {
  it('round-trips wall, counter and device id', () => {
    const h = { wall: T, counter: 42, node: 'device-a-1f3c' };
    expect(decodeHlc(encodeHlc(h))).toEqual(h);
  });

  it('writes a fixed-width stamp: 15-digit wall, 6-digit counter, then the device id', () => {
    expect(encodeHlc({ wall: 5, counter: 7, node: 'x' })).toBe('000000000000005-000007-x');
  });

  it('round-trips any wall, counter and device id', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999_999_999 }),
        fc.integer({ min: 0, max: 999_999 }),
        fc.string({ minLength: 1 }),
        (wall, counter, node) => {
          expect(decodeHlc(encodeHlc({ wall, counter, node }))).toEqual({ wall, counter, node });
        },
      ),
    );
  });

  it.each(['', 'garbage', '123-000001-a', '000000000000005-7-a', '000000000000005-000007-'])(
    'refuses the malformed stamp %j',
    (s) => {
      expect(() => decodeHlc(s)).toThrow(/not an HLC stamp/);
    },
  );
});

describe('tickHlc', () => {
  it('starts at the wall time with counter 0', () => {
    expect(decodeHlc(tickHlc(null, T, 'a'))).toEqual({ wall: T, counter: 0, node: 'a' });
  });

  it('follows the wall clock when it moves forward', () => {
    const first = tickHlc(null, T, 'a');
    expect(decodeHlc(tickHlc(first, T + 10, 'a'))).toEqual({ wall: T + 10, counter: 0, node: 'a' });
  });

  it('bumps the counter for two events in the same millisecond', () => {
    const first = tickHlc(null, T, 'a');
    const second = tickHlc(first, T, 'a');
    expect(decodeHlc(second)).toEqual({ wall: T, counter: 1, node: 'a' });
    expect(second > first).toBe(true);
  });

  it('never goes backwards when the device clock is set back', () => {
    const clock = [T, T + 1000, T + 500, T + 500, T - 60_000, T + 1000, T + 2000, T + 1999];
    const stamps: string[] = [];
    let last: string | null = null;
    for (const now of clock) {
      last = tickHlc(last, now, 'a');
      stamps.push(last);
    }
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]! > stamps[i - 1]!, `stamp ${i}`).toBe(true);
    // While the clock is behind, the wall holds at the highest time seen.
    expect(stamps.map((s) => decodeHlc(s).wall)).toEqual([
      T,
      T + 1000,
      T + 1000,
      T + 1000,
      T + 1000,
      T + 1000,
      T + 2000,
      T + 2000,
    ]);
  });

  it('produces strictly increasing stamps for any sequence of clock readings', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: T - 1e6, max: T + 1e6 }), { minLength: 1, maxLength: 50 }),
        (clock) => {
          let last: string | null = null;
          for (const now of clock) {
            const next = tickHlc(last, now, 'a');
            if (last !== null) expect(compareHlc(next, last)).toBe(1);
            expect(decodeHlc(next).wall).toBeGreaterThanOrEqual(now);
            last = next;
          }
        },
      ),
    );
  });
});

describe('string order is causal order', () => {
  it('orders by wall time even where the digits differ in length', () => {
    const earlier = encodeHlc({ wall: 999, counter: 999_999, node: 'z' });
    const later = encodeHlc({ wall: 1000, counter: 0, node: 'a' });
    expect(compareHlc(earlier, later)).toBe(-1);
    expect([later, earlier].sort()).toEqual([earlier, later]);
  });

  it('orders by counter within a millisecond, 9 before 10', () => {
    const nine = encodeHlc({ wall: T, counter: 9, node: 'z' });
    const ten = encodeHlc({ wall: T, counter: 10, node: 'a' });
    expect(compareHlc(nine, ten)).toBe(-1);
    expect(compareHlc(ten, nine)).toBe(1);
  });

  it('breaks a tie of wall and counter by device id, and a stamp equals only itself', () => {
    const a = encodeHlc({ wall: T, counter: 3, node: 'device-a' });
    const b = encodeHlc({ wall: T, counter: 3, node: 'device-b' });
    expect(compareHlc(a, b)).toBe(-1);
    expect(compareHlc(b, a)).toBe(1);
    expect(compareHlc(a, a)).toBe(0);
  });

  it('agrees with (wall, counter) numeric order for any two stamps', () => {
    const stamp = fc.record({
      wall: fc.integer({ min: 0, max: 999_999_999_999_999 }),
      counter: fc.integer({ min: 0, max: 999_999 }),
    });
    fc.assert(
      fc.property(stamp, stamp, (x, y) => {
        const numeric = x.wall !== y.wall ? Math.sign(x.wall - y.wall) : Math.sign(x.counter - y.counter);
        const byString = compareHlc(encodeHlc({ ...x, node: 'n' }), encodeHlc({ ...y, node: 'n' }));
        expect(byString).toBe(numeric);
      }),
    );
  });
});

describe('receiveHlc', () => {
  it('sorts after a remote stamp from a device whose clock is ahead', () => {
    const local = tickHlc(null, T, 'a');
    const remote = encodeHlc({ wall: T + 60_000, counter: 4, node: 'b' });
    const seen = receiveHlc(local, remote, T + 1, 'a');
    expect(decodeHlc(seen)).toEqual({ wall: T + 60_000, counter: 5, node: 'a' });
    expect(seen > remote).toBe(true);
    // The next local change, made while our own clock is still behind, also sorts after it.
    const next = tickHlc(seen, T + 2, 'a');
    expect(next > remote).toBe(true);
    expect(next > seen).toBe(true);
  });

  it('sorts after both clocks when the remote stamp is old', () => {
    const local = encodeHlc({ wall: T + 500, counter: 2, node: 'a' });
    const remote = encodeHlc({ wall: T, counter: 9, node: 'b' });
    const seen = receiveHlc(local, remote, T + 100, 'a');
    expect(decodeHlc(seen)).toEqual({ wall: T + 500, counter: 3, node: 'a' });
    expect(seen > local && seen > remote).toBe(true);
  });

  it('takes the larger counter plus one when local and remote share the wall time', () => {
    const local = encodeHlc({ wall: T, counter: 2, node: 'a' });
    const remote = encodeHlc({ wall: T, counter: 7, node: 'b' });
    expect(decodeHlc(receiveHlc(local, remote, T - 5, 'a'))).toEqual({ wall: T, counter: 8, node: 'a' });
  });

  it('follows its own clock with counter 0 when it is ahead of both', () => {
    const local = encodeHlc({ wall: T, counter: 2, node: 'a' });
    const remote = encodeHlc({ wall: T + 1, counter: 7, node: 'b' });
    expect(decodeHlc(receiveHlc(local, remote, T + 50, 'a'))).toEqual({
      wall: T + 50,
      counter: 0,
      node: 'a',
    });
  });

  it('works on a device that has never stamped anything', () => {
    const remote = encodeHlc({ wall: T + 10, counter: 0, node: 'b' });
    const seen = receiveHlc(null, remote, T, 'a');
    expect(decodeHlc(seen)).toEqual({ wall: T + 10, counter: 1, node: 'a' });
    expect(seen > remote).toBe(true);
  });

  it('orders a chain of changes passed between devices whose clocks disagree', () => {
    // Device b's clock runs 10 minutes slow; each change is made after seeing the one before.
    let a: string | null = null;
    let b: string | null = null;
    const chain: string[] = [];
    a = tickHlc(a, T, 'a');
    chain.push(a);
    b = receiveHlc(b, a, T - 600_000, 'b');
    b = tickHlc(b, T - 599_000, 'b');
    chain.push(b);
    a = receiveHlc(a, b, T + 1, 'a');
    a = tickHlc(a, T + 1, 'a');
    chain.push(a);
    b = receiveHlc(b, a, T - 598_000, 'b');
    b = tickHlc(b, T - 598_000, 'b');
    chain.push(b);
    expect([...chain].sort(compareHlc)).toEqual(chain);
    expect(new Set(chain).size).toBe(chain.length);
  });
});
