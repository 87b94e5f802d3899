import { STATUS_LABELS } from '../domain/thaiFormat';
import type { TickStatus } from '../domain/types';

const ICONS: Record<TickStatus, string> = { done: '✓', in_progress: '◐', not_started: '○' };

/** Status as icon and words (not colour alone). */
export function StatusBadge({ status }: { status: TickStatus }) {
  return (
    <span class={`badge badge-${status}`}>
      <span aria-hidden="true">{ICONS[status]} </span>
      {STATUS_LABELS[status]}
    </span>
  );
}
