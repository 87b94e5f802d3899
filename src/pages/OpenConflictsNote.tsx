import type { SyncConflict } from '../domain/syncProtocol';
import { formatNumber, type DigitStyle } from '../domain/thaiFormat';
import { useOpenConflictCount } from '../hooks/followUp';

/**
 * On a record's page: fields of it that two phones changed at once and that
 * wait for a person. The page shows the current values; the others are kept
 * on the sync page, where the person picks.
 */
export function OpenConflictsNote({
  table,
  id,
  digits,
}: {
  table: SyncConflict['table'];
  id: string;
  digits: DigitStyle;
}) {
  const count = useOpenConflictCount(table, id);
  if (count.status !== 'ready' || count.value === 0) return null;
  return (
    <p class="warn-text" role="note" data-testid="open-conflicts">
      {formatNumber(count.value, { digits })} ช่องของรายการนี้ถูกแก้ไขพร้อมกันจากสองเครื่อง ที่แสดงอยู่คือค่าล่าสุด
      อีกค่าหนึ่งเก็บไว้ให้เลือก <a href="/sync">เลือกค่าที่ถูกต้อง</a>
    </p>
  );
}
