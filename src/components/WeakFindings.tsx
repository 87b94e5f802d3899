import { formatNumber, type DigitStyle } from '../domain/thaiFormat';
import type { Finding } from '../domain/types';

export type WeakFinding = Finding & { measureNumber: number };

/** Lowest score first; findings without a score last. */
function byScore(a: WeakFinding, b: WeakFinding): number {
  return (a.score ?? Infinity) - (b.score ?? Infinity) || a.measureNumber - b.measureNumber;
}

/**
 * The weak ITA items behind the measures at a glance: code, score and the
 * measure that answers it, the lowest score first. A list rather than a
 * table, so that long Thai item text wraps on a 360 px phone.
 */
export function WeakFindings({
  findings,
  digits,
  measureHref,
}: {
  findings: readonly WeakFinding[];
  digits: DigitStyle;
  /** Where the measure that answers a finding lives, when it can be opened. */
  measureHref?: (measureNumber: number) => string | undefined;
}) {
  const n = (x: number) => formatNumber(x, { digits });
  if (findings.length === 0) {
    return <p class="empty">ยังไม่มีจุดอ่อนที่บันทึกไว้ในมาตรการของแผนนี้</p>;
  }
  return (
    <ol class="weak-list">
      {[...findings].sort(byScore).map((f, i) => {
        const href = measureHref?.(f.measureNumber);
        const measure = `มาตรการที่ ${n(f.measureNumber)}`;
        return (
          <li key={`${f.measureNumber}-${f.code}-${i}`} class="weak">
            <p class="weak-head">
              <strong class="weak-code">{f.code.toUpperCase()}</strong>
              <span class="weak-score">
                คะแนน <strong>{f.score === null ? '–' : n(f.score)}</strong>
              </span>
            </p>
            <p class="weak-text">{f.text}</p>
            <p class="card-meta">
              {f.instrument}
              {f.indicator !== null && ` · ตัวชี้วัดที่ ${n(f.indicator)}`} ·{' '}
              {href ? <a href={href}>{measure}</a> : measure}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
