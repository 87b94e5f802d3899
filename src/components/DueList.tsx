import { DUE_LABELS, type DueStatus } from '../domain/dueStatus';
import type { ProgressCount } from '../domain/progress';
import { formatNumber, formatThaiDate, type DigitStyle } from '../domain/thaiFormat';
import type { Measure } from '../domain/types';

export interface DueItem {
  measure: Pick<Measure, 'id' | 'number' | 'title' | 'period'>;
  progress: ProgressCount;
  due: DueStatus;
}

const SHOWN: readonly DueStatus[] = ['overdue', 'due'];

/**
 * Measures whose period has ended with steps left (overdue) or ends within
 * the month (due), overdue first, then by end date. Each names its status in
 * words and links to the measure, where steps are ticked.
 */
export function DueList({ items, digits }: { items: readonly DueItem[]; digits: DigitStyle }) {
  const n = (x: number) => formatNumber(x, { digits });
  const shown = items
    .filter((i) => SHOWN.includes(i.due))
    .sort(
      (a, b) =>
        SHOWN.indexOf(a.due) - SHOWN.indexOf(b.due) ||
        (a.measure.period?.end ?? '').localeCompare(b.measure.period?.end ?? '') ||
        a.measure.number - b.measure.number,
    );
  if (shown.length === 0) {
    return <p class="empty">ไม่มีมาตรการที่เลยกำหนดหรือใกล้ครบกำหนด</p>;
  }
  return (
    <ul class="due-list">
      {shown.map(({ measure, progress, due }) => (
        <li key={measure.id} class={`due due-${due}`}>
          <a href={`/measures/${measure.id}`} class="card-link">
            <span class={`badge badge-${due}`}>{DUE_LABELS[due]}</span>
            <span class="card-title">
              {n(measure.number)}. {measure.title}
            </span>
            <span class="card-meta">
              {measure.period && `สิ้นสุด ${formatThaiDate(measure.period.end, { digits })} · `}
              ยังเหลือ {n(progress.total - progress.done)} จาก {n(progress.total)} รายการ
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
