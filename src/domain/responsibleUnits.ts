/**
 * The units a measure names as responsible, as a list: documents write them
 * in one string ("งานบริหารทั่วไป/งานสำนักปลัด", "A และ B", "A, B").
 */
export function responsibleUnits(measure: {
  responsible: string;
  responsibleUnits?: string[] | undefined;
}): string[] {
  if (measure.responsibleUnits && measure.responsibleUnits.length > 0) return measure.responsibleUnits;
  const units = measure.responsible
    .split(/\s*(?:\/|,|;|\n|\sและ\s)\s*/)
    .map((u) => u.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return units.length > 0 ? units : ['ไม่ระบุผู้รับผิดชอบ'];
}
