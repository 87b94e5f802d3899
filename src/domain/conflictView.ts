/**
 * How a sync conflict reads to the person who settles it: which record (in
 * words, with a link to open it), which field, and both values in Thai.
 * Pure: the records it names are read by the caller (src/db/conflictQueries.ts).
 */
import { fieldLabel } from './fieldLabels';
import { decodeHlc } from './hlc';
import type { SyncConflict } from './syncProtocol';
import { formatNumber, formatThaiDateTime, STATUS_LABELS, type DigitStyle } from './thaiFormat';

export const TABLE_LABELS: Record<SyncConflict['table'], string> = {
  plans: 'แผน',
  measures: 'มาตรการ',
  actions: 'วิธีการ/ขั้นตอน',
  progress: 'การลงผล',
  meetings: 'การประชุม',
  quarterlyRecords: 'บันทึกรายงานผลรายไตรมาส',
  evidence: 'หลักฐาน',
};

type Fields = Record<string, unknown>;

/** The conflict's record as this device holds it, and the records that name it (read by the caller). */
export interface ConflictRecords {
  record?: Fields;
  /** The measure of a quarterly record or an action, or of a tick's action. */
  measure?: Fields;
  /** The action of a tick. */
  action?: Fields;
}

export interface ConflictPlace {
  /** The record in words, e.g. "บันทึกรายงานผลไตรมาส 2/2567 · มาตรการที่ 1 …". */
  where: string;
  /** Where the record opens in the app, or null when it cannot (not on this device). */
  href: string | null;
}

const text = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const measureName = (m: Fields | undefined, digits: DigitStyle) =>
  m ? `มาตรการที่ ${formatNumber(Number(m.number), { digits })} ${text(m.title)}`.trim() : '';
const joined = (...parts: string[]) => parts.filter(Boolean).join(' · ');

export function conflictPlace(c: SyncConflict, found: ConflictRecords, digits: DigitStyle): ConflictPlace {
  const r = found.record;
  const n = (v: unknown) => formatNumber(Number(v), { digits });
  if (!r) return { where: `${TABLE_LABELS[c.table]} (ยังไม่มีในเครื่องนี้ จะมาพร้อมการซิงก์)`, href: null };
  switch (c.table) {
    case 'plans':
      return {
        where: joined(
          `แผนของ${text((r.agency as Fields | undefined)?.name)}`,
          `ปีงบประมาณ ${n(r.fiscalYear)}`,
        ),
        href: `/plans/${c.recordId}`,
      };
    case 'measures':
      return { where: measureName(r, digits), href: `/measures/${c.recordId}` };
    case 'actions':
      return {
        where: joined(
          `${TABLE_LABELS.actions} ${text(r.number)} ${text(r.text)}`.trim(),
          measureName(found.measure, digits),
        ),
        href: `/measures/${text(r.measureId)}`,
      };
    case 'progress':
      return {
        where: joined(
          `การลงผล ${text(found.action?.number)} ${text(found.action?.text)}`.trim(),
          measureName(found.measure, digits),
        ),
        href: `/actions/${text(r.actionId)}/history`,
      };
    case 'meetings':
      return {
        where: joined(`การประชุมครั้งที่ ${text(r.number)}`, text(r.title)),
        href: `/meetings/${c.recordId}`,
      };
    case 'quarterlyRecords':
      return {
        where: joined(
          `บันทึกรายงานผลไตรมาส ${n(r.quarter)}/${n(r.fiscalYear)}`,
          measureName(found.measure, digits),
        ),
        href: `/plans/${text(r.planId)}/quarters/${text(r.quarter)}/measures/${text(r.measureId)}`,
      };
    case 'evidence':
      return { where: `${TABLE_LABELS.evidence} ${text(r.name)}`.trim(), href: null };
  }
}

const QUARTERLY_STATUS_LABELS: Record<string, string> = { draft: 'ฉบับร่าง', final: 'ฉบับสมบูรณ์' };

/** One side of a conflict, as a person reads it. */
export function conflictValue(field: string, value: unknown, digits: DigitStyle): string {
  if (field === 'deletedAt') return value ? 'ลบแล้ว' : 'ไม่ได้ลบ';
  if (field === 'closedAt') return value ? 'ปิดการประชุมแล้ว' : 'ยังไม่ปิดการประชุม';
  if (value === null || value === undefined || value === '') return '(ว่าง)';
  if (field === 'status' && typeof value === 'string') {
    return STATUS_LABELS[value as keyof typeof STATUS_LABELS] ?? QUARTERLY_STATUS_LABELS[value] ?? value;
  }
  if (typeof value === 'number') return formatNumber(value, { digits });
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export const conflictField = (c: SyncConflict): string => fieldLabel(c.field);

/**
 * Where and when one side of a conflict was written, to help the person
 * choose: the device (by name where known, else the end of its id) and the
 * time of its stamp.
 */
export function conflictSource(
  side: SyncConflict['winner'],
  deviceNames: Record<string, string>,
  digits: DigitStyle,
): string {
  const device = deviceNames[side.deviceId] ?? `เครื่อง …${side.deviceId.slice(-6)}`;
  let wall: number;
  try {
    wall = decodeHlc(side.stamp).wall;
  } catch {
    return device;
  }
  return `${device} · ${formatThaiDateTime(new Date(wall).toISOString(), { digits })}`;
}
