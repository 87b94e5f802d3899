import type { ComponentChildren } from 'preact';
import { formatCode, formatThaiDate, type DigitStyle } from '../domain/thaiFormat';
import type { Action, Progress, TickStatus } from '../domain/types';
import { StatusBadge } from './StatusBadge';
import { StatusButtons, stepName } from './StatusButtons';

export interface ActionRow {
  action: Action;
  latest: Progress | undefined;
}

/**
 * Methods or steps of a measure with each one's current status. One tap on a
 * status records it for today (`onTick`); "ลงผล" opens the full form (date,
 * note) that `renderTick` draws under the action.
 */
export function ActionList({
  title,
  rows,
  measureNumber,
  openId,
  digits,
  onToggle,
  onTick,
  renderTick,
}: {
  title: string;
  rows: ActionRow[];
  measureNumber: number;
  openId: string | null;
  digits: DigitStyle;
  onToggle: (actionId: string) => void;
  onTick: (row: ActionRow, status: TickStatus, button: HTMLButtonElement) => void;
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
          const number = formatCode(action.number, { digits });
          return (
            <li key={action.id} id={`action-${action.id}`} class="action" data-action-number={action.number}>
              <p class="action-text">
                <span class="num">{number}</span> {action.text}
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
              <StatusButtons
                name={stepName(action.number, measureNumber, digits)}
                pressed={latest?.status}
                onTick={(status, button) => onTick(row, status, button)}
              />
              <div class="buttons action-more">
                <button
                  type="button"
                  id={`tick-toggle-${action.id}`}
                  class="btn"
                  aria-expanded={open}
                  aria-controls={`tick-${action.id}`}
                  onClick={() => onToggle(action.id)}
                >
                  {open ? 'ปิด' : 'ลงผล'}
                  <span class="sr-only"> {number} (วันที่และบันทึก)</span>
                </button>
                <a class="btn" href={`/actions/${action.id}/history`}>
                  ประวัติ<span class="sr-only"> {number}</span>
                </a>
                <a class="btn" href={`/actions/${action.id}/edit`}>
                  แก้ไข<span class="sr-only"> {number}</span>
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
