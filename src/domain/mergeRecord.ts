/**
 * Field-level merge of one record by HLC stamps (sync.md): for each field the
 * value with the higher stamp wins, the same answer on every device and for
 * files carried by hand. A field with no stamp counts as older than any
 * stamped one, so a freshly parsed document never overwrites local edits.
 * Importing the same record twice changes nothing.
 */

export interface Stamped {
  id: string;
  stamps?: Record<string, string> | undefined;
  [field: string]: unknown;
}

/** Fields that are bookkeeping, merged separately or not at all. */
const META = new Set(['id', 'stamps', 'createdAt', 'updatedAt']);

export interface MergeResult<T> {
  /** The merged record (a new object); equal to `local` when nothing changed. */
  record: T;
  /** Fields whose value the incoming record changed. */
  changed: string[];
  /** Fields where the incoming value differed but was older, so local kept. */
  keptLocal: string[];
  isNew: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function mergeRecord<T extends Stamped>(
  local: T | undefined,
  incoming: T,
  fallbackStamp = '',
): MergeResult<T> {
  if (!local) {
    const stamps: Record<string, string> = { ...(incoming.stamps ?? {}) };
    for (const key of Object.keys(incoming)) {
      if (!META.has(key) && stamps[key] === undefined) stamps[key] = fallbackStamp;
    }
    return {
      record: { ...incoming, stamps },
      changed: Object.keys(incoming).filter((k) => !META.has(k)),
      keptLocal: [],
      isNew: true,
    };
  }
  const localStamps = local.stamps ?? {};
  const incomingStamps = incoming.stamps ?? {};
  const record: Record<string, unknown> = { ...local };
  const stamps: Record<string, string> = { ...localStamps };
  const changed: string[] = [];
  const keptLocal: string[] = [];
  for (const key of Object.keys(incoming)) {
    if (META.has(key)) continue;
    if (same(local[key], incoming[key])) {
      // Same value: keep the higher stamp so later merges agree everywhere.
      const s = incomingStamps[key];
      if (s !== undefined && s > (stamps[key] ?? '')) stamps[key] = s;
      continue;
    }
    const theirs = incomingStamps[key] ?? '';
    const ours = localStamps[key] ?? '';
    if (theirs > ours) {
      record[key] = incoming[key];
      stamps[key] = theirs;
      changed.push(key);
    } else {
      keptLocal.push(key);
    }
  }
  if (changed.length === 0 && same(stamps, localStamps))
    return { record: local, changed, keptLocal, isNew: false };
  return { record: { ...record, stamps } as T, changed, keptLocal, isNew: false };
}
