import { QUARTERS, type Quarter } from '../domain/fiscalCalendar';
import { percent, type ProgressCount } from '../domain/progress';
import { formatNumber, type DigitStyle } from '../domain/thaiFormat';

const QUARTER_MONTHS: Record<Quarter, string> = {
  1: 'ต.ค.–ธ.ค.',
  2: 'ม.ค.–มี.ค.',
  3: 'เม.ย.–มิ.ย.',
  4: 'ก.ค.–ก.ย.',
};

/** Done actions per quarter of the fiscal year, as a small accessible table. */
export function QuarterTable({
  quarters,
  caption,
  current,
  digits = 'arabic',
}: {
  quarters: Record<Quarter, ProgressCount>;
  caption: string;
  current?: Quarter | null;
  digits?: DigitStyle;
}) {
  const n = (x: number) => formatNumber(x, { digits });
  return (
    <div class="table-scroll">
      <table class="quarters">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {QUARTERS.map((q) => (
              <th key={q} scope="col" aria-current={current === q ? 'true' : undefined}>
                ไตรมาส {n(q)}
                <span class="sub">{QUARTER_MONTHS[q]}</span>
                {current === q && <span class="sub">(ปัจจุบัน)</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {QUARTERS.map((q) => (
              <td key={q}>
                {n(quarters[q].done)}/{n(quarters[q].total)}
                <span class="sub">{n(percent(quarters[q]))}%</span>
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
