import type { ChangeOp } from '../domain/changeLog';
import { fieldLabel } from '../domain/fieldLabels';
import { formatThaiDate, formatThaiDateTime, STATUS_LABELS, type DigitStyle } from '../domain/thaiFormat';
import type { TickStatus } from '../domain/types';

function describe(op: ChangeOp, digits: DigitStyle): string {
  if (op.table === 'progress') {
    if (op.kind === 'put') {
      const status = STATUS_LABELS[op.fields.status as TickStatus] ?? String(op.fields.status);
      const date = typeof op.fields.date === 'string' ? formatThaiDate(op.fields.date, { digits }) : '';
      const note = op.fields.note ? ` – “${String(op.fields.note)}”` : '';
      const correction = op.fields.corrects ? ' (แก้ไขหลังปิดการประชุม)' : '';
      return `ลงผล: ${status} (${date})${note}${correction}`;
    }
    if (op.kind === 'delete') return 'ยกเลิกการลงผล (เลิกทำ)';
  }
  if (op.table === 'evidence') {
    const name = String(op.fields.name ?? '');
    if (op.kind === 'put') return `แนบหลักฐาน: ${name}`;
    if (op.kind === 'delete') return 'ลบหลักฐาน';
  }
  if (op.table === 'meetings' && op.kind === 'patch' && 'closedAt' in op.fields && op.fields.closedAt) {
    return 'ปิดการประชุม';
  }
  if (op.kind === 'import') {
    if (typeof op.fields.added === 'number') return `นำเข้าจากไฟล์ส่งออก: เพิ่ม ${op.fields.added} รายการ`;
    return `นำเข้าจากไฟล์ส่งออก: ${Object.keys(op.fields).map(fieldLabel).join(', ')}`;
  }
  if (op.kind === 'put') return 'สร้างรายการ';
  if (op.kind === 'delete') return 'ลบรายการ';
  if (op.kind === 'restore') return 'กู้คืนรายการที่ลบ';
  return Object.keys(op.fields)
    .map((k) => `แก้${fieldLabel(k)}: “${String(op.before?.[k] ?? '')}” → “${String(op.fields[k])}”`)
    .join('; ');
}

/** The change log of one action and its ticks: who changed what, when, on which device. */
export function ChangeList({
  changes,
  digits,
  deviceNames,
}: {
  changes: ChangeOp[];
  digits: DigitStyle;
  deviceNames: Record<string, string>;
}) {
  if (changes.length === 0) return <p class="empty">ยังไม่มีประวัติ</p>;
  return (
    <ol class="history">
      {changes.map((op) => (
        <li key={op.opId}>
          <p>{describe(op, digits)}</p>
          <p class="sub">
            {formatThaiDateTime(op.at, { digits })} · โดย {op.by || 'ไม่ระบุชื่อ'} · อุปกรณ์{' '}
            {deviceNames[op.deviceId] || op.deviceId.slice(-6)}
          </p>
        </li>
      ))}
    </ol>
  );
}
