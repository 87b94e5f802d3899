/**
 * Hybrid logical clock (Kulkarni et al.): stamps that follow wall time but
 * never go backwards on a device and order every change across devices.
 *
 * Encoded as fixed-width strings so that plain string comparison orders them:
 * `<wall ms, 15 digits>-<counter, 6 digits>-<device id>`.
 * The highest stamp wins a field, the same answer on every device (sync.md).
 */

export interface Hlc {
  wall: number;
  counter: number;
  node: string;
}

const WALL_WIDTH = 15;
const COUNTER_WIDTH = 6;

export function encodeHlc(h: Hlc): string {
  return `${String(h.wall).padStart(WALL_WIDTH, '0')}-${String(h.counter).padStart(COUNTER_WIDTH, '0')}-${h.node}`;
}

export function decodeHlc(s: string): Hlc {
  const m = /^(\d{15})-(\d{6})-(.+)$/.exec(s);
  if (!m) throw new Error(`not an HLC stamp: ${s}`);
  return { wall: Number(m[1]), counter: Number(m[2]), node: m[3] ?? '' };
}

/** The device of a stamp (without checking it is one). */
export function hlcNode(s: string): string {
  return s.slice(WALL_WIDTH + COUNTER_WIDTH + 2);
}

/** The stamp for a local event at wall time `now` (ms), after `last` (or none). */
export function tickHlc(last: string | null, now: number, node: string): string {
  if (last === null) return encodeHlc({ wall: now, counter: 0, node });
  const prev = decodeHlc(last);
  if (now > prev.wall) return encodeHlc({ wall: now, counter: 0, node });
  return encodeHlc({ wall: prev.wall, counter: prev.counter + 1, node });
}

/** The local clock after seeing a remote stamp, so later local stamps sort after it. */
export function receiveHlc(last: string | null, remote: string, now: number, node: string): string {
  const r = decodeHlc(remote);
  const l = last === null ? { wall: 0, counter: 0 } : decodeHlc(last);
  const wall = Math.max(now, r.wall, l.wall);
  let counter = 0;
  if (wall === l.wall && wall === r.wall) counter = Math.max(l.counter, r.counter) + 1;
  else if (wall === l.wall) counter = l.counter + 1;
  else if (wall === r.wall) counter = r.counter + 1;
  return encodeHlc({ wall, counter, node });
}

/** Which of two stamps wins a field: the higher one (ties are impossible across nodes). */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
