import { QUARTERS, type Quarter } from '../domain/fiscalCalendar';
import { formatNumber, type DigitStyle } from '../domain/thaiFormat';

/** Switches between the fiscal year's quarters; the current one is marked in words. */
export function QuarterNav({
  hrefFor,
  selected,
  current,
  digits = 'arabic',
}: {
  hrefFor: (q: Quarter) => string;
  selected: Quarter;
  current: Quarter | null;
  digits?: DigitStyle;
}) {
  return (
    <nav class="quarter-nav" aria-label="เลือกไตรมาส">
      {QUARTERS.map((q) => (
        <a
          key={q}
          href={hrefFor(q)}
          class={`btn ${q === selected ? 'btn-primary' : ''}`}
          aria-current={q === selected ? 'page' : undefined}
        >
          ไตรมาส {formatNumber(q, { digits })}
          {q === current && <span class="sub"> (ปัจจุบัน)</span>}
        </a>
      ))}
    </nav>
  );
}
