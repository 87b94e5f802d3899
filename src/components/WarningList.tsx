import { formatNumber, type DigitStyle } from '../domain/thaiFormat';
import type { PlanWarning } from '../domain/types';

/** What the importer was unsure of, each with the line of the document it concerns. */
export function WarningList({
  warnings,
  label,
  digits,
}: {
  warnings: readonly PlanWarning[];
  label: string;
  digits: DigitStyle;
}) {
  if (warnings.length === 0) return null;
  return (
    <div class="warnings" role="group" aria-label={label}>
      <p class="warnings-title">
        <span aria-hidden="true">⚠ </span>
        {label} ({formatNumber(warnings.length, { digits })})
      </p>
      <ul>
        {warnings.map((w, i) => (
          <li key={`${w.code}-${w.line ?? 0}-${i}`}>
            {w.message}
            {w.line !== undefined && <span class="meta"> (บรรทัด {formatNumber(w.line, { digits })})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
