import { formatNumber, type DigitStyle } from '../domain/thaiFormat';
import type { Finding, IndicatorScore, ItemRef } from '../domain/types';

const KIND: Record<string, string> = { weakness: 'จุดอ่อนที่ต้องแก้ไข', strength: 'จุดแข็งที่ต้องรักษาไว้' };

/**
 * The ITA results behind a measure: its items, indicator scores and findings,
 * folded away under one line that says how many there are (the steps to tick
 * come first on the measure's page).
 */
export function Findings({
  items,
  indicators,
  findings,
  digits,
}: {
  items: ItemRef[];
  indicators: IndicatorScore[];
  findings: Finding[];
  digits: DigitStyle;
}) {
  const n = (x: number | null) => (x === null ? '–' : formatNumber(x, { digits }));
  if (items.length + indicators.length + findings.length === 0) return null;
  return (
    <details class="findings-box">
      <summary>
        ผลการประเมินที่เกี่ยวข้อง ({n(findings.length)} ประเด็น, {n(indicators.length)} ตัวชี้วัด)
      </summary>
      {indicators.length > 0 && (
        <ul class="plain">
          {indicators.map((i) => (
            <li key={`${i.number}-${i.name}`}>
              ตัวชี้วัดที่ {n(i.number)} {i.name}: <strong>{n(i.score)}</strong> คะแนน
            </li>
          ))}
        </ul>
      )}
      {findings.length > 0 && (
        <ul class="findings">
          {findings.map((f, i) => (
            <li key={i} class={`finding finding-${f.kind ?? 'none'}`}>
              <p>
                <span class="tag">{f.kind ? KIND[f.kind] : f.instrument}</span>{' '}
                <strong>{f.code.toUpperCase()}</strong> {f.text}
              </p>
              <p>
                {f.instrument}
                {f.indicator !== null && ` · ตัวชี้วัดที่ ${n(f.indicator)}`} · คะแนน <strong>{n(f.score)}</strong>
              </p>
              {f.analysis && <p class="note">{f.analysis}</p>}
            </li>
          ))}
        </ul>
      )}
      {items.length > 0 && (
        <details>
          <summary>ข้อคำถามที่เกี่ยวข้อง ({n(items.length)} ข้อ)</summary>
          <ul class="plain">
            {items.map((it) => (
              <li key={it.code}>
                <strong>{it.code.toUpperCase()}</strong> {it.text}
              </li>
            ))}
          </ul>
        </details>
      )}
    </details>
  );
}
