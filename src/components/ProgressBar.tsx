import { percent, type ProgressCount } from '../domain/progress';

/** Done / total as a bar with the numbers in words, so meaning never rests on colour. */
export function ProgressBar({ progress, label }: { progress: ProgressCount; label: string }) {
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
