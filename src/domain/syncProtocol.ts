/**
 * The two-way sync protocol (sync.md), shared by the page and the server.
 *
 * Push: a device sends its change-log entries (ops) in batches. Each field an
 * op sets carries the op's HLC stamp; the server applies each op once (by op
 * id), field by field (the higher stamp wins), gives every accepted change the
 * agency's next sequence number, and answers per op.
 *
 * Pull: `since=<seq>` returns the changes after it, in pages, with the new
 * cursor. The server's sequence orders delivery only; stamps decide winners.
 */
import * as v from 'valibot';
import { changeSchema } from './exportSchema';
import { hlcNode } from './hlc';
import type { TableName } from './types';

export const SYNC_TABLES = [
  'plans',
  'measures',
  'actions',
  'progress',
  'meetings',
  'quarterlyRecords',
  'evidence',
] as const satisfies readonly TableName[];

export const PUSH_MAX_OPS = 500;
/** The most bytes a push request may carry; the server answers 413 beyond it. */
export const PUSH_MAX_BYTES = 8 * 1024 * 1024;
export const PULL_MAX_CHANGES = 1000;

export const pushRequestSchema = v.object({
  deviceId: changeSchema.entries.deviceId,
  ops: v.pipe(v.array(changeSchema), v.maxLength(PUSH_MAX_OPS)),
  /** Conflicts a person settled on this device since the last push. */
  resolvedConflicts: v.optional(v.pipe(v.array(changeSchema.entries.opId), v.maxLength(PUSH_MAX_OPS))),
});
export type PushRequest = v.InferOutput<typeof pushRequestSchema>;

export type OpResult =
  | { opId: string; status: 'applied'; seq: number }
  | { opId: string; status: 'duplicate' }
  /** Applied where it won; where it lost to a concurrent change (same base), the loser is kept as a conflict. */
  | { opId: string; status: 'conflict'; seq: number | null; conflictIds: string[] }
  /** Refused for good (the device does not send it again); `code` and `limit` when a size or depth limit refused it. */
  | { opId: string; status: 'rejected'; reason: string; code?: string; limit?: number };

export interface PushResponse {
  results: OpResult[];
  /** The agency's latest sequence number after this push. */
  cursor: number;
}

/** One accepted change as pulled: the fields that won, each with its stamp. */
export interface PulledChange {
  seq: number;
  table: (typeof SYNC_TABLES)[number];
  id: string;
  fields: Record<string, unknown>;
  stamps: Record<string, string>;
  opId: string;
  deviceId: string;
}

/** A field where two changes came from the same base: the winner applied, the loser kept for a person. */
export interface SyncConflict {
  id: string;
  table: (typeof SYNC_TABLES)[number];
  recordId: string;
  field: string;
  winner: { value: unknown; stamp: string; deviceId: string };
  loser: { value: unknown; stamp: string; deviceId: string };
  createdAt: string;
  resolvedAt: string | null;
  /** Device side only: the server has heard of this resolution. */
  reported?: boolean;
}

export interface PullResponse {
  changes: PulledChange[];
  /** Conflicts recorded, or resolved, after `since`. */
  conflicts: SyncConflict[];
  cursor: number;
  /** More changes wait after `cursor`. */
  more: boolean;
  /**
   * The agency's latest number when the page was read: with the cursor a
   * device started from, how far a long pull has come. Absent from servers
   * before it was added.
   */
  latest?: number;
}

/**
 * Pull wire formats, asked for with `format=` on the pull request.
 *
 * 1 (the default; what builds before format 2 ask for, and all an older
 * server sends): every change carries `stamps`, one per field.
 * 2: a change whose fields all carry the same stamp (every change one op
 * made) sends it once, as `stamp`; other changes keep `stamps`. About half
 * the bytes of a page. A client asking for 2 reads both shapes, so it also
 * works against a server that ignores the parameter.
 */
export const PULL_FORMATS = [1, 2] as const;
export type PullFormat = (typeof PULL_FORMATS)[number];
export const PULL_FORMAT: PullFormat = 2;

/** A change as a format 2 page carries it. */
export type WireChange = Omit<PulledChange, 'stamps'> &
  ({ stamps: Record<string, string>; stamp?: undefined } | { stamp: string; stamps?: undefined });

export interface WirePullResponse extends Omit<PullResponse, 'changes'> {
  changes: WireChange[];
}

/** Format 2: one `stamp` when every field (and nothing else) has that stamp; otherwise unchanged. */
export function compactChange(change: PulledChange): WireChange {
  const { stamps, ...rest } = change;
  const fields = Object.keys(change.fields);
  const first = fields.length > 0 ? stamps[fields[0]!] : undefined;
  // Same number of keys and every field stamped alike: exactly the fields, so expanding gives `stamps` back.
  if (
    typeof first === 'string' &&
    Object.keys(stamps).length === fields.length &&
    fields.every((f) => Object.hasOwn(stamps, f) && stamps[f] === first)
  ) {
    return { ...rest, stamp: first };
  }
  return change;
}

/** Either shape back to the stamp of each field. */
export function expandChange(change: WireChange): PulledChange {
  if (change.stamp === undefined) return change as PulledChange;
  const { stamp, ...rest } = change;
  // fromEntries defines own properties: a field named like "__proto__" stays a field.
  return { ...rest, stamps: Object.fromEntries(Object.keys(change.fields).map((f) => [f, stamp])) };
}

export interface EntityState {
  data: Record<string, unknown>;
  stamps: Record<string, string>;
}

export interface FieldOutcome {
  field: string;
  /** The op's value won (higher stamp) and was applied. */
  applied: boolean;
  /**
   * Two changes to this field from the same base (neither saw the other) with
   * different values: a conflict for a person, whichever won.
   */
  concurrent: boolean;
  previous: { value: unknown; stamp: string | undefined };
}

/**
 * The two values of a field an op changed concurrently (`outcome.concurrent`),
 * as a conflict keeps them: the winner is the value now current.
 */
export function conflictSides(
  op: { fields: Record<string, unknown>; hlc: string; deviceId: string },
  outcome: FieldOutcome,
): Pick<SyncConflict, 'winner' | 'loser'> {
  const mine = { value: op.fields[outcome.field], stamp: op.hlc, deviceId: op.deviceId };
  const stamp = outcome.previous.stamp;
  const theirs = { value: outcome.previous.value, stamp: stamp ?? '', deviceId: stamp ? hlcNode(stamp) : '' };
  return outcome.applied ? { winner: mine, loser: theirs } : { winner: theirs, loser: mine };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies one op to a record's current state, field by field: the higher
 * stamp wins. Pure; the same function runs on the server and in tests so
 * every replica reaches the same state whatever the order ops arrive in.
 * A tick (progress) is set on creation and then changed only by undo
 * (deletedAt) and by a note typed after its tap while its meeting is open;
 * like any field, the later stamp wins.
 */
export function applyOp(
  state: EntityState | undefined,
  op: {
    fields: Record<string, unknown>;
    hlc: string;
    before: Record<string, unknown> | null;
    /** The newest stamp of the device's copy of the record when it made the change (ChangeOp.baseRev). */
    baseRev?: string | null;
  },
): { state: EntityState; outcomes: FieldOutcome[] } {
  const data: Record<string, unknown> = { ...(state?.data ?? {}) };
  const stamps: Record<string, string> = { ...(state?.stamps ?? {}) };
  const outcomes: FieldOutcome[] = [];
  for (const [field, value] of Object.entries(op.fields)) {
    const current = stamps[field];
    const previous = { value: data[field], stamp: current };
    const applied = current === undefined || op.hlc > current;
    // Concurrent: the device had not seen the current value when it made its
    // change, and the two differ. Not seen: it changed the field from another
    // value, or the current stamp is newer than anything in the device's copy
    // (baseRev): the value only looks the same, e.g. another device deleted and
    // restored the record while this one deleted it; without this check an
    // older delete arriving last would be dropped with no conflict.
    // A put (no `before`) made the record on a device that had no copy of it:
    // a value another device stored was unseen there (the device's own later
    // edits, arriving first, were not). Records made on two devices under one
    // id (a quarterly record's id comes from its measure and quarter) so keep
    // both values of each field they set differently.
    const unseen =
      op.before === null
        ? current !== undefined && hlcNode(current) !== hlcNode(op.hlc)
        : field in op.before &&
          (!same(data[field], op.before[field]) ||
            (op.baseRev != null && current !== undefined && current > op.baseRev));
    // Two deletes of one record from two devices also count: if one device
    // later restores, the other's delete must not vanish unseen.
    const concurrent = current !== undefined && unseen && !same(data[field], value);
    if (applied) {
      data[field] = value;
      stamps[field] = op.hlc;
    }
    outcomes.push({ field, applied, concurrent, previous });
  }
  return { state: { data, stamps }, outcomes };
}
