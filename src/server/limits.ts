/**
 * Limits on what a request may carry, beyond its byte size (api.ts): how
 * deep its JSON nests, how large one field value or one op is, and how far
 * ahead of the server's clock a device's stamp may be. Real records stay far
 * below each of them; each refusal is a JSON error naming the limit
 * (README, "Security").
 */

/** Nesting of a JSON value (an export, an op's fields). Real documents nest under 10 levels. */
export const MAX_JSON_DEPTH = 64;
/** One field value of a pushed op, as JSON: a long note is a few KB. Every device pulls it. */
export const MAX_FIELD_BYTES = 64 * 1024;
/** All field values of one pushed op, as JSON. */
export const MAX_OP_BYTES = 256 * 1024;
/**
 * How far a pushed stamp's wall time may be ahead of the server's clock. A
 * stamp from the future beats every edit made before that time comes, so a
 * phone whose clock runs fast is refused; five minutes covers phones that
 * set their clock by hand or drift between network syncs, and an edit
 * stamped that far ahead can beat only edits made in the next five minutes.
 */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

/** True when `value` nests deeper than `max` (arrays and objects count one level each). No recursion. */
export function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** `application/json` (any parameters, e.g. charset), the only type the JSON endpoints take. */
export function isJsonType(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '');

export interface SizeRefusal {
  code: 'field_too_large' | 'op_too_large';
  limit: number;
  message: string;
}

/** Why an op's fields are too large to store and send to every device, or null. */
export function sizeRefusal(fields: Record<string, unknown>): SizeRefusal | null {
  const total = bytes(fields);
  // The whole op within a field's limit: no field can be over it (the common case, one stringify).
  if (total <= MAX_FIELD_BYTES) return null;
  for (const [name, value] of Object.entries(fields)) {
    const size = bytes(value);
    if (size > MAX_FIELD_BYTES) {
      return {
        code: 'field_too_large',
        limit: MAX_FIELD_BYTES,
        message: `ช่อง ${name.slice(0, 70)} มีข้อมูล ${size.toLocaleString('en')} ไบต์ เกินขีดจำกัด ${MAX_FIELD_BYTES.toLocaleString('en')} ไบต์ต่อช่อง การแก้ไขนี้จึงไม่ถูกส่งไปยังเครื่องอื่น`,
      };
    }
  }
  if (total > MAX_OP_BYTES) {
    return {
      code: 'op_too_large',
      limit: MAX_OP_BYTES,
      message: `การแก้ไขนี้มีข้อมูล ${total.toLocaleString('en')} ไบต์ เกินขีดจำกัด ${MAX_OP_BYTES.toLocaleString('en')} ไบต์ต่อรายการ จึงไม่ถูกส่งไปยังเครื่องอื่น`,
    };
  }
  return null;
}
