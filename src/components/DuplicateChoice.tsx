import { useEffect, useRef } from 'preact/hooks';
import { formatNumber, type DigitStyle } from '../domain/thaiFormat';

/**
 * The same agency and fiscal year is already on this device: replace it
 * (ticks stay with the actions that remain), keep both, or go back to the review.
 */
export function DuplicateChoice({
  agencyName,
  fiscalYear,
  digits,
  busy,
  onReplace,
  onKeepBoth,
  onCancel,
}: {
  agencyName: string;
  fiscalYear: number;
  digits: DigitStyle;
  busy: boolean;
  onReplace: () => void;
  onKeepBoth: () => void;
  onCancel: () => void;
}) {
  const first = useRef<HTMLButtonElement>(null);
  // Shown after "บันทึก": move focus here so keyboard and screen-reader users meet the question.
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      class="duplicate"
      role="alertdialog"
      aria-labelledby="duplicate-title"
      aria-describedby="duplicate-text"
    >
      <h2 id="duplicate-title">มีแผนนี้ในเครื่องแล้ว</h2>
      <p id="duplicate-text">
        มีแผนของ {agencyName} ปีงบประมาณ {formatNumber(fiscalYear, { digits })} อยู่แล้ว
        แทนที่แผนเดิมจะปรับแผนเดิมให้ตรงกับเอกสารนี้ โดยผลการดำเนินการที่บันทึกไว้ยังอยู่
      </p>
      <div class="buttons">
        <button type="button" ref={first} class="btn btn-primary" disabled={busy} onClick={onReplace}>
          แทนที่แผนเดิม
        </button>
        <button type="button" class="btn" disabled={busy} onClick={onKeepBoth}>
          เก็บไว้ทั้งสองแผน
        </button>
        <button type="button" class="btn" disabled={busy} onClick={onCancel}>
          ยกเลิก
        </button>
      </div>
    </div>
  );
}
