import { percent, type ProgressCount } from '../../domain/progress';
import { formatNumber, type DigitStyle } from '../../domain/thaiFormat';

/** One bar or column: a name and its done/total. */
export interface ChartDatum {
  key: string;
  label: string;
  progress: ProgressCount;
  /** A word or two shown under the bar and in the table, e.g. a due status. */
  note?: string;
}

/** "1/2 (50%)": the figure every bar carries in text, never by its length alone. */
export function progressText(p: ProgressCount, digits: DigitStyle): string {
  const n = (x: number) => formatNumber(x, { digits });
  return `${n(p.done)}/${n(p.total)} (${n(percent(p))}%)`;
}

/** A sentence a screen reader reads for the whole chart. */
export function chartSummary(data: readonly ChartDatum[], digits: DigitStyle): string {
  return data
    .map((d) => `${d.label}: ${progressText(d.progress, digits)}${d.note ? ` ${d.note}` : ''}`)
    .join('; ');
}

/**
 * The chart's numbers as a table, folded under the chart: the text
 * alternative for anyone who would rather read a table than a picture.
 * Three columns so that it fits a 360 px phone; a note (e.g. a due status)
 * goes under the row's name.
 */
export function ChartTable({
  caption,
  labelHeader,
  data,
  digits,
}: {
  caption: string;
  labelHeader: string;
  data: readonly ChartDatum[];
  digits: DigitStyle;
}) {
  const n = (x: number) => formatNumber(x, { digits });
  return (
    <details class="chart-data">
      <summary>
        ดูเป็นตาราง<span class="sr-only">: {caption}</span>
      </summary>
      <table class="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col">ดำเนินการแล้ว/ทั้งหมด</th>
            <th scope="col">ร้อยละ</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.key}>
              <th scope="row">
                {d.label}
                {d.note && <span class="sub">{d.note}</span>}
              </th>
              <td>
                {n(d.progress.done)}/{n(d.progress.total)}
              </td>
              <td>{n(percent(d.progress))}%</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
