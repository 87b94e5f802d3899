/**
 * The units a measure names as responsible, as a list, and when two names
 * are one unit. Documents write a unit's section and division in either
 * order, with a space or a slash, and sometimes "งาน" before the division
 * ("งานบริหารทั่วไป สำนักปลัด", "สำนักปลัด งานบริหารทั่วไป",
 * "งานบริหารทั่วไป/งานสำนักปลัด"): one unit. Units are told apart by commas,
 * semicolons, new lines and " และ ", or by a slash between two divisions
 * ("กองคลัง/กองช่าง").
 */

const DIVISION = /^(?:สำนัก|กอง)/;
const tidy = (s: string) => s.replace(/\s+/g, ' ').trim();

export function responsibleUnits(measure: {
  responsible: string;
  responsibleUnits?: string[] | undefined;
}): string[] {
  const listed = (measure.responsibleUnits ?? []).map(tidy).filter(Boolean);
  const units: string[] = [];
  const chunks = listed.length > 0 ? listed : measure.responsible.split(/\s*(?:,|;|\n|\sและ\s)\s*/);
  for (const chunk of chunks) {
    const parts = chunk.split('/').map(tidy).filter(Boolean);
    if (parts.length > 1 && parts.every((p) => DIVISION.test(p))) units.push(...parts);
    else if (parts.length > 0) units.push(parts.join(' '));
  }
  const seen = new Set<string>();
  const unique = units.filter((u) => {
    const key = unitKey(u);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.length > 0 ? unique : ['ไม่ระบุผู้รับผิดชอบ'];
}

/**
 * What identifies a unit whatever the word order or separators: its words,
 * sorted, "งาน" dropped before a division's name ("งานสำนักปลัด" is
 * สำนักปลัด). Two names with the same key are one unit.
 */
export function unitKey(name: string): string {
  return name
    .split(/[\s/]+/)
    .filter(Boolean)
    .map((w) => w.replace(/^งาน(?=สำนัก|กอง)/, ''))
    .sort()
    .join(' ');
}

/**
 * Groups by unit: each unit once, under the name it is first seen with,
 * holding everything of every measure that names it (a measure that names
 * two units counts for both).
 */
export function groupByUnitName<T>(
  entries: readonly { measure: Parameters<typeof responsibleUnits>[0]; value: T }[],
): { key: string; name: string; values: T[] }[] {
  const groups = new Map<string, { key: string; name: string; values: T[] }>();
  for (const { measure, value } of entries) {
    for (const name of responsibleUnits(measure)) {
      const key = unitKey(name);
      const group = groups.get(key) ?? { key, name, values: [] };
      group.values.push(value);
      groups.set(key, group);
    }
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'th'));
}
