import { useId } from 'preact/hooks';
import { QUARTERS, type Quarter } from '../../domain/fiscalCalendar';
import { percent, type ProgressCount } from '../../domain/progress';
import { formatNumber, type DigitStyle } from '../../domain/thaiFormat';
import { ChartTable, chartSummary, type ChartDatum } from './ChartTable';

const QUARTER_MONTHS: Record<Quarter, string> = {
  1: 'ต.ค.–ธ.ค.',
  2: 'ม.ค.–มี.ค.',
  3: 'เม.ย.–มิ.ย.',
  4: 'ก.ค.–ก.ย.',
};
const CURRENT = 'ไตรมาสนี้';

// viewBox units, as in BarChart: four columns share 360 units.
const WIDTH = 360;
const COLUMN = WIDTH / 4;
const BAR = 44;
const TOP = 46;
const PLOT = 100;
const BASE = TOP + PLOT;
const HEIGHT = BASE + 64;

/**
 * Done actions per quarter of the fiscal year as four columns (hand-made SVG,
 * see BarChart for why). The current quarter is marked by a dashed frame and
 * the words "ไตรมาสนี้", so the mark does not rest on colour.
 */
export function QuarterColumns({
  title,
  quarters,
  current,
  digits,
}: {
  title: string;
  quarters: Record<Quarter, ProgressCount>;
  current: Quarter | null;
  digits: DigitStyle;
}) {
  const id = useId();
  const n = (x: number) => formatNumber(x, { digits });
  const data: ChartDatum[] = QUARTERS.map((q) => ({
    key: String(q),
    label: `ไตรมาส ${n(q)} (${QUARTER_MONTHS[q]})`,
    progress: quarters[q],
    ...(q === current ? { note: CURRENT } : {}),
  }));

  return (
    <figure class="chart">
      <svg
        class="chart-svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-t`}
        aria-describedby={`${id}-d`}
        font-size={15}
        text-anchor="middle"
      >
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{chartSummary(data, digits)}</desc>
        {QUARTERS.map((q, i) => {
          const p = quarters[q];
          const h = (PLOT * percent(p)) / 100;
          const x = i * COLUMN;
          const mid = x + COLUMN / 2;
          return (
            <g key={q} class={q === current ? 'chart-col chart-current' : 'chart-col'}>
              {q === current && (
                <rect class="chart-frame" x={x + 2} y={1} width={COLUMN - 4} height={HEIGHT - 2} rx={6} />
              )}
              <text class="chart-value" x={mid} y={20}>
                {n(p.done)}/{n(p.total)}
              </text>
              <text class="chart-note" x={mid} y={38} font-size={14}>
                ({n(percent(p))}%)
              </text>
              <rect class="chart-track" x={mid - BAR / 2} y={TOP} width={BAR} height={PLOT} rx={3} />
              {h > 0 && (
                <rect class="chart-fill" x={mid - BAR / 2} y={BASE - h} width={BAR} height={h} rx={3} />
              )}
              <text class="chart-label" x={mid} y={BASE + 19}>
                ไตรมาส {n(q)}
              </text>
              <text class="chart-note" x={mid} y={BASE + 37} font-size={14}>
                {QUARTER_MONTHS[q]}
              </text>
              {q === current && (
                <text class="chart-current-label" x={mid} y={BASE + 56} font-size={14}>
                  {CURRENT}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ChartTable caption={title} labelHeader="ไตรมาส" data={data} digits={digits} />
    </figure>
  );
}
