import { percent, type ProgressCount } from '../domain/progress';

/**
 * Done / total as a bar with the numbers in words, so meaning never rests on
 * colour. Without a count yet (null), an empty bar of the same size that
 * says it is being counted.
 */
export function ProgressBar({ progress, label }: { progress: ProgressCount | null; label: string }) {
  if (!progress) {
    return (
      <div class="progress">
        <div class="progress-track" role="progressbar" aria-label={label} aria-valuetext="กำลังนับ" />
        <span class="progress-text">…</span>
      </div>
    );
  }
  const pct = percent(progress);
  return (
    <div class="progress">
      <div
        class="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        aria-valuetext={`${progress.done} จาก ${progress.total} รายการ (${pct}%)`}
      >
        <div class="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span class="progress-text">
        {progress.done}/{progress.total} ({pct}%)
      </span>
    </div>
  );
}
