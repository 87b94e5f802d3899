/** Progress of a long step (reading a file, parsing); no fraction means "working, length unknown". */
export function TaskProgress({ label, fraction }: { label: string; fraction: number | null }) {
  const pct = fraction === null ? null : Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <div class="task-progress" role="status">
      <p class="task-label">{label}</p>
      <div class="progress">
        <div
          class="progress-track"
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          {...(pct === null ? {} : { 'aria-valuenow': pct, 'aria-valuetext': `${pct}%` })}
        >
          <div
            class={`progress-fill${pct === null ? ' progress-indeterminate' : ''}`}
            style={{ width: pct === null ? '30%' : `${pct}%` }}
          />
        </div>
        {pct !== null && <span class="progress-text">{pct}%</span>}
      </div>
    </div>
  );
}
