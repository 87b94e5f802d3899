/**
 * JSON that keeps shared objects shared: a view where many rows point at the
 * same record (every agenda item at its measure) is written with that record
 * once, and read back with one object that all of them point at again.
 *
 * Only what survives JSON unchanged is accepted: plain objects, arrays,
 * strings, booleans, null and finite numbers (undefined object properties are
 * dropped, as JSON.stringify drops them). Anything else (Map, Set, Date,
 * Blob, typed arrays, NaN, cycles) makes `encodeShared` return null rather
 * than a text that would read back different.
 */

const ID = '$shared';
const REF = '$ref';

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The text of `value`, or null if it holds something JSON would not give back as it was. */
export function encodeShared(value: unknown): string | null {
  // Pass 1: check every value and count how often each object is reached.
  const seen = new Map<object, number>();
  const onPath = new Set<object>();
  const check = (v: unknown): boolean => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (typeof v !== 'object') return false; // undefined in an array, functions, symbols, bigints
    if (onPath.has(v)) return false; // a cycle
    const count = seen.get(v) ?? 0;
    seen.set(v, count + 1);
    if (count > 0) return true; // its contents were checked the first time
    if (Array.isArray(v)) {
      onPath.add(v);
      const ok = v.every((item) => item !== undefined && check(item));
      onPath.delete(v);
      return ok;
    }
    if (!isPlainObject(v)) return false;
    if (ID in v || REF in v) return false; // would read back as a reference
    onPath.add(v);
    const ok = Object.values(v).every((item) => item === undefined || check(item));
    onPath.delete(v);
    return ok;
  };
  if (value === undefined || !check(value)) return null;

  // Pass 2: an object reached more than once is written in full the first time, then by number.
  const numbers = new Map<object, number>();
  return JSON.stringify(value, function (this: unknown, _key, v: unknown) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || (seen.get(v) ?? 0) < 2) return v;
    const n = numbers.get(v);
    if (n !== undefined) return { [REF]: n };
    numbers.set(v, numbers.size);
    return { [ID]: numbers.size - 1, ...v };
  });
}

/** Reads a text of `encodeShared` back; throws on text that is not one. */
export function decodeShared(text: string): unknown {
  const shared = new Map<number, object>();
  // JSON.parse revives inner values before outer ones and earlier ones before
  // later ones, so a shared object is complete before any reference to it.
  return JSON.parse(text, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const record = v as Record<string, unknown>;
    if (typeof record[REF] === 'number') {
      const target = shared.get(record[REF]);
      if (!target) throw new Error(`shared JSON: reference ${record[REF]} before its object`);
      return target;
    }
    if (typeof record[ID] === 'number') {
      const { [ID]: n, ...rest } = record;
      shared.set(n as number, rest);
      return rest;
    }
    return v;
  });
}
