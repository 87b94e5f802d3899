import type { Ref } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ExportAction, ExportMeasure } from '../domain/exportDocument';
import type { ImportDraft } from '../domain/importer/reviewPlan';
import { warningsAt } from '../domain/importer/reviewWarnings';
import { formatNumber, type DigitStyle } from '../domain/thaiFormat';
import type { ActionKind, IndicatorScore, ItemRef, PlanWarning } from '../domain/types';
import type { PlanForm } from '../domain/validation';
import { FormError } from './FormErrorSummary';
import { MeasureReview } from './MeasureReview';
import { PlanFields } from './PlanFields';
import { WarningList } from './WarningList';

export interface CatalogueOption {
  /** Null: no catalogue, codes kept as the document wrote them. */
  year: number | null;
  label: string;
}

export interface ImportReviewProps {
  draft: ImportDraft;
  errors: Record<string, string>;
  formError: string | null;
  busy: boolean;
  digits: DigitStyle;
  headingRef?: Ref<HTMLHeadingElement>;
  catalogues: readonly CatalogueOption[];
  onCatalogue: (year: number | null) => void;
  onHeader: (patch: Partial<PlanForm>) => void;
  onMeasure: (index: number, patch: Partial<ExportMeasure>) => void;
  onItem: (index: number, itemIndex: number, patch: Partial<Pick<ItemRef, 'code' | 'text'>>) => void;
  onIndicator: (
    index: number,
    indicatorIndex: number,
    patch: Partial<Pick<IndicatorScore, 'number' | 'score'>>,
  ) => void;
  onBudget: (index: number, typed: string) => void;
  onAction: (index: number, actionId: string, patch: Partial<Pick<ExportAction, 'number' | 'text'>>) => void;
  onAddAction: (index: number, kind: ActionKind, from?: { text: string; warning: PlanWarning }) => void;
  onRemoveAction: (index: number, actionId: string) => void;
  onDismiss: (warning: PlanWarning) => void;
  onSave: () => void;
  onCancel: () => void;
}

/**
 * The parsed plan before it is saved, made to be finished on a phone: one
 * line for what the text repair did, the catalogue the codes were read
 * with, the plan's fields, then each measure folded with its warning count;
 * the save button stays in view at the bottom.
 */
export function ImportReview(p: ImportReviewProps) {
  const { draft, errors, digits } = p;
  const plan = draft.plan;
  const n = (x: number) => formatNumber(x, { digits });
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  // A measure with a field to fix opens, so its error can be seen and reached.
  useEffect(() => {
    const wrong = plan.measures
      .map((_, i) => i)
      .filter((i) => Object.keys(errors).some((k) => k.startsWith(`m${i}.`)));
    if (wrong.length > 0) setOpen((o) => new Set([...o, ...wrong]));
  }, [errors]);
  const toggle = (i: number, isOpen: boolean) =>
    setOpen((o) => {
      const next = new Set(o);
      if (isOpen) next.add(i);
      else next.delete(i);
      return next;
    });
  const count = plan.warnings.length;
  const repairs = draft.repairs ?? [];
  const repaired = repairs.length;
  const catalogue = plan.catalogueYear === undefined ? null : plan.catalogueYear;
  const planWarnings = (places: Parameters<typeof warningsAt>[2][]) =>
    places.flatMap((place) => warningsAt(plan.warnings, undefined, place));
  return (
    <form
      noValidate
      class="import-review"
      aria-labelledby="review-title"
      onSubmit={(e) => {
        e.preventDefault();
        p.onSave();
      }}
    >
      <h2 id="review-title" tabIndex={-1} ref={p.headingRef}>
        ตรวจทานก่อนบันทึก
      </h2>
      <p>
        อ่านจาก {draft.source}: พบ {n(plan.measures.length)} มาตรการ แก้ไขได้ก่อนกดบันทึก
        ยังไม่มีสิ่งใดถูกบันทึกจนกว่าจะกดบันทึก
      </p>
      {repaired > 0 && <RepairNote repairs={repairs} digits={digits} />}
      <section class="card" aria-labelledby="review-catalogue-title">
        <h2 id="review-catalogue-title">เกณฑ์ที่ใช้อ่านรหัสข้อ</h2>
        <WarningList warnings={planWarnings(['catalogue'])} label="หมายเหตุเรื่องเกณฑ์" digits={digits} />
        <div class="field">
          <label for="catalogue">อ่านรหัสข้อ (i/e/o) ตามเกณฑ์ ITA ปี</label>
          {draft.text === undefined && (
            <p class="hint" id="catalogue-hint">
              เปิดเอกสารอีกครั้งเพื่อเปลี่ยนเกณฑ์
            </p>
          )}
          <select
            id="catalogue"
            value={catalogue === null ? 'none' : String(catalogue)}
            disabled={draft.text === undefined || p.busy}
            aria-describedby={draft.text === undefined ? 'catalogue-hint' : 'catalogue-effect'}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              p.onCatalogue(v === 'none' ? null : Number(v));
            }}
          >
            {p.catalogues.map((c) => (
              <option key={c.year ?? 'none'} value={c.year === null ? 'none' : String(c.year)}>
                {c.label}
              </option>
            ))}
          </select>
          <p class="hint" id="catalogue-effect">
            เปลี่ยนแล้วแอปจะอ่านรหัสข้อของเอกสารใหม่{draft.edited ? ' การแก้ไขในมาตรการจะถูกแทนด้วยผลการอ่านใหม่' : ''}
          </p>
        </div>
      </section>
      <section class="card" aria-labelledby="review-plan-title">
        <h2 id="review-plan-title">ข้อมูลแผน</h2>
        <WarningList
          warnings={planWarnings(['agency', 'years', 'measure'])}
          label="คำเตือนของข้อมูลแผน"
          digits={digits}
        />
        <PlanFields value={draft.header} errors={errors} onChange={p.onHeader} />
      </section>
      {plan.measures.map((m, i) => {
        const warned = plan.warnings.filter((w) => w.measure === m.number).length;
        return (
          <details
            key={m.id}
            class="card measure-review"
            aria-labelledby={`m${i}-summary`}
            open={open.has(i)}
            onToggle={(e) => toggle(i, (e.currentTarget as HTMLDetailsElement).open)}
          >
            <summary>
              <span class="measure-summary-title" id={`m${i}-summary`}>
                มาตรการที่ {n(m.number)} {m.title}
              </span>
              <span class={warned > 0 ? 'warn-count' : 'meta'}>
                {warned > 0 ? ` · คำเตือน ${n(warned)}` : ' · ไม่มีคำเตือน'}
              </span>
            </summary>
            {open.has(i) && (
              <MeasureReview
                measure={m}
                index={i}
                warnings={plan.warnings}
                errors={errors}
                digits={digits}
                budgetInput={draft.budgetInputs?.[m.id]}
                onChange={(patch) => p.onMeasure(i, patch)}
                onItem={(k, patch) => p.onItem(i, k, patch)}
                onIndicator={(k, patch) => p.onIndicator(i, k, patch)}
                onBudget={(typed) => p.onBudget(i, typed)}
                onAction={(actionId, patch) => p.onAction(i, actionId, patch)}
                onAddAction={(kind, from) => p.onAddAction(i, kind, from)}
                onRemoveAction={(actionId) => p.onRemoveAction(i, actionId)}
                onDismiss={p.onDismiss}
              />
            )}
          </details>
        );
      })}
      <FormError message={p.formError} />
      <div class="review-savebar">
        <p class="meta" aria-live="polite">
          {count > 0 ? `คำเตือนที่ยังไม่ได้ตรวจ ${n(count)} รายการ` : 'ตรวจครบทุกคำเตือนแล้ว'}
        </p>
        <div class="buttons">
          <button type="submit" class="btn btn-primary" disabled={p.busy}>
            บันทึก
          </button>
          <button type="button" class="btn" disabled={p.busy} onClick={p.onCancel}>
            ยกเลิก
          </button>
        </div>
      </div>
    </form>
  );
}

/**
 * One line for what the text repair did, words and font codes apart (a font
 * code shows as nothing readable), with every mended word on request.
 */
function RepairNote({
  repairs,
  digits,
}: {
  repairs: NonNullable<ImportDraft['repairs']>;
  digits: DigitStyle;
}) {
  const n = (x: number) => formatNumber(x, { digits });
  const words = repairs.filter((r) => r.kind === 'word');
  const glyphs = repairs.filter((r) => r.kind === 'glyph').reduce((s, r) => s + r.count, 0);
  const wordCount = words.reduce((s, r) => s + r.count, 0);
  const first = words[0];
  return (
    <div class="repair-note">
      <p>
        ซ่อมข้อความที่เสียจากการแปลงไฟล์{' '}
        {[wordCount > 0 && `คำ ${n(wordCount)} แห่ง`, glyphs > 0 && `อักษรที่ฟอนต์เก็บเป็นรหัสพิเศษ ${n(glyphs)} ตัว`]
          .filter(Boolean)
          .join(' และ ')}
        {first && ` เช่น “${first.from}” เป็น “${first.to}”`} แก้กลับได้ที่ช่องข้อความแต่ละช่อง
      </p>
      {words.length > 0 && (
        <details>
          <summary>ดูคำที่ซ่อมทั้งหมด</summary>
          <ul>
            {words.map((r) => (
              <li key={`${r.from}-${r.to}`}>
                “{r.from}” → “{r.to}” {n(r.count)} แห่ง
                <span class="meta">
                  {' '}
                  (บรรทัด {r.lines.slice(0, 8).map(n).join(', ')}
                  {r.lines.length > 8 ? ' …' : ''})
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
