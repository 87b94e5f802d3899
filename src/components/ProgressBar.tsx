import { percent, type ProgressCount } from '../domain/progress';
import { formatNumber, type DigitStyle } from '../domain/thaiFormat';

/**
 * Done / total as a bar with the numbers in words, so meaning never rests on
 * colour. Without a count yet (null), an empty bar of the same size that
 * says it is being counted.
 */
export function ProgressBar({
  progress,
  label,
  digits = 'arabic',
}: {
  progress: ProgressCount | null;
  label: string;
  digits?: DigitStyle;
}) {
  if (!progress) {
    return (
      <div class="progress">
        <div class="progress-track" role="progressbar" aria-label={label} aria-valuetext="กำลังนับ" />
        <span class="progress-text">…</span>
      </div>
    );
  }
  const pct = percent(progress);
  const n = (x: number) => formatNumber(x, { digits });
  return (
    <div class="progress">
      <div
        class="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        aria-valuetext={`${n(progress.done)} จาก ${n(progress.total)} รายการ (${n(pct)}%)`}
      >
        <div class="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span class="progress-text">
        {n(progress.done)}/{n(progress.total)} ({n(pct)}%)
      </span>
    </div>
  );
}
