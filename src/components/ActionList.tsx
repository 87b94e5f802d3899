import type { ComponentChildren } from 'preact';
import { formatThaiDate, type DigitStyle } from '../domain/thaiFormat';
import type { Action, Progress } from '../domain/types';
import { StatusBadge } from './StatusBadge';

export interface ActionRow {
  action: Action;
  latest: Progress | undefined;
}

/**
 * Methods or steps of a measure with each one's current status; `renderTick`
 * draws the tick form under the action that is open.
 */
export function ActionList({
  title,
  rows,
  openId,
  digits,
  onToggle,
  renderTick,
}: {
  title: string;
  rows: ActionRow[];
  openId: string | null;
  digits: DigitStyle;
  onToggle: (actionId: string) => void;
  renderTick: (row: ActionRow) => ComponentChildren;
}) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 && <p class="empty">ยังไม่มีรายการ</p>}
      <ul class="actions">
        {rows.map((row) => {
          const { action, latest } = row;
          const open = openId === action.id;
          return (
            <li key={action.id} class="action" data-action-number={action.number}>
              <p class="action-text">
                <span class="num">{action.number}</span> {action.text}
              </p>
              <p class="action-status">
                <StatusBadge status={latest?.status ?? 'not_started'} />
                {latest && (
                  <span class="sub">
                    {' '}
                    {formatThaiDate(latest.date, { digits })}
                    {latest.by && ` · ${latest.by}`}
                  </span>
                )}
              </p>
              {latest?.note && <p class="note">{latest.note}</p>}
              <div class="buttons">
                <button
                  type="button"
                  class={`btn ${open ? '' : 'btn-primary'}`}
                  aria-expanded={open}
                  aria-controls={`tick-${action.id}`}
                  onClick={() => onToggle(action.id)}
                >
                  {open ? 'ปิด' : 'ลงผล'}
                  <span class="sr-only"> {action.number}</span>
                </button>
                <a class="btn" href={`/actions/${action.id}/history`}>
                  ประวัติ<span class="sr-only"> {action.number}</span>
                </a>
                <a class="btn" href={`/actions/${action.id}/edit`}>
                  แก้ไข<span class="sr-only"> {action.number}</span>
                </a>
              </div>
              <div id={`tick-${action.id}`}>{open && renderTick(row)}</div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
