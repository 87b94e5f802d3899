/*
 * Why hand-made SVG rather than a chart library: these charts are a handful
 * of labelled horizontal bars. The well-kept libraries are tens of KB
 * gzipped (more than this whole page) and most draw to <canvas>, which a
 * screen reader cannot read and which would need its own text alternative
 * anyway. A few <rect> and <text> elements, about 1 KB, give real text that
 * scales with the viewBox, wraps Thai labels where we choose, uses the app's
 * digit setting and works offline with nothing extra to cache.
 */
import { useId } from 'preact/hooks';
import { percent } from '../../domain/progress';
import type { DigitStyle } from '../../domain/thaiFormat';
import { ChartTable, chartSummary, progressText, type ChartDatum } from './ChartTable';
import { wrapLabel } from './wrapLabel';

// viewBox units; the SVG is drawn 100% wide, so one unit is about one CSS
// pixel on a 360 px phone (328 px of content) and a little more on a wider one.
const WIDTH = 360;
const FONT = 15;
const LINE = 20;
const BAR = 14;
const VALUE_WIDTH = 128;
const GAP = 14;
// Wide enough for Thai base characters in the app's fonts, with room for a
// person's wider text spacing (letters +0.12em, words +0.16em: WCAG 1.4.12),
// which SVG text cannot wrap around by itself.
const CHARS_PER_LINE = Math.floor(WIDTH / (FONT * 0.72));

export function BarChart({
  title,
  labelHeader,
  data,
  digits,
}: {
  /** The chart's accessible name and the table's caption. */
  title: string;
  /** Heading of the table's first column, e.g. "มาตรการ". */
  labelHeader: string;
  data: readonly ChartDatum[];
  digits: DigitStyle;
}) {
  const id = useId();
  if (data.length === 0) return <p class="empty">ยังไม่มีข้อมูล</p>;
  const barWidth = WIDTH - VALUE_WIDTH;
  let y = 0;
  const rows = data.map((d) => {
    const lines = wrapLabel(d.label, CHARS_PER_LINE, 3);
    const top = y;
    const barY = top + lines.length * LINE + 4;
    y = barY + BAR + (d.note ? LINE + 2 : 0) + GAP;
    return { d, lines, top, barY };
  });
  const height = y - GAP + 4;

  return (
    <figure class="chart">
      <svg
        class="chart-svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-t`}
        aria-describedby={`${id}-d`}
        font-size={FONT}
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{chartSummary(data, digits)}</desc>
        {rows.map(({ d, lines, top, barY }) => {
          const fill = (barWidth * percent(d.progress)) / 100;
          return (
            <g key={d.key} class="chart-row">
              <text class="chart-label" x={0} y={top + FONT}>
                {lines.map((line, i) => (
                  <tspan key={i} x={0} dy={i === 0 ? 0 : LINE}>
                    {line}
                  </tspan>
                ))}
              </text>
              <rect class="chart-track" x={0} y={barY} width={barWidth} height={BAR} rx={3} />
              {fill > 0 && <rect class="chart-fill" x={0} y={barY} width={fill} height={BAR} rx={3} />}
              <text class="chart-value" x={WIDTH} y={barY + BAR - 2} text-anchor="end">
                {progressText(d.progress, digits)}
              </text>
              {d.note && (
                <text class="chart-note" x={0} y={barY + BAR + LINE - 2} font-size={FONT - 2}>
                  {d.note}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ChartTable
        caption={title}
        labelHeader={labelHeader}

        data={data}
        digits={digits}
      />
    </figure>
  );
}
