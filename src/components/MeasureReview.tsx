import type { ExportAction, ExportMeasure } from '../domain/exportDocument';
import { isIsoDate } from '../domain/fiscalCalendar';
import { unreadText, warningsAt, type WarningPlace } from '../domain/importer/reviewWarnings';
import { formatBahtInput } from '../domain/bahtInput';
import { formatNumber, formatThaiDate, type DigitStyle } from '../domain/thaiFormat';
import type { ActionKind, IndicatorScore, ItemRef, PlanWarning } from '../domain/types';
import { Field, TextArea, TextField } from './Field';
import { WarningList } from './WarningList';

export interface MeasureReviewProps {
  measure: ExportMeasure;
  /** Position in the plan; field ids and error keys use it (`m0.title`). */
  index: number;
  /** The plan's warnings: each is shown beside the field that settles it. */
  warnings: readonly PlanWarning[];
  errors: Record<string, string>;
  digits: DigitStyle;
  /** The budget as typed, while it is being edited. */
  budgetInput: string | undefined;
  onChange: (patch: Partial<ExportMeasure>) => void;
  onItem: (itemIndex: number, patch: Partial<Pick<ItemRef, 'code' | 'text'>>) => void;
  onIndicator: (indicatorIndex: number, patch: Partial<Pick<IndicatorScore, 'number' | 'score'>>) => void;
  onBudget: (typed: string) => void;
  onAction: (actionId: string, patch: Partial<Pick<ExportAction, 'number' | 'text'>>) => void;
  /** A new empty action, or one made from a line the importer could not place (its warning then goes). */
  onAddAction: (kind: ActionKind, from?: { text: string; warning: PlanWarning }) => void;
  onRemoveAction: (actionId: string) => void;
  onDismiss: (warning: PlanWarning) => void;
}

const KINDS: { kind: ActionKind; title: string; add: string }[] = [
  { kind: 'method', title: 'วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ', add: '+ เพิ่มวิธีการ' },
  { kind: 'step', title: 'ขั้นตอนหรือวิธีการปฏิบัติ', add: '+ เพิ่มขั้นตอน' },
];

function DateInput(p: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  digits: DigitStyle;
  onValue: (v: string) => void;
}) {
  return (
    <Field id={p.id} label={p.label} error={p.error}>
      {(aria) => (
        <>
          <input
            {...aria}
            type="date"
            value={p.value}
            onInput={(e) => p.onValue((e.currentTarget as HTMLInputElement).value)}
          />
          {isIsoDate(p.value) && (
            <span class="date-be">{formatThaiDate(p.value, { digits: p.digits, long: true })}</span>
          )}
        </>
      )}
    </Field>
  );
}

const scoreText = (score: number | null) => (score === null ? '' : String(score));

/**
 * One parsed measure, editable. Each importer warning sits beside the field
 * that settles it (a wrong item code beside that item's code), and goes when
 * the person edits that field; a line the importer could not place can be
 * added as a step or set aside.
 */
export function MeasureReview(p: MeasureReviewProps) {
  const { measure: m, index, errors, digits } = p;
  const id = (name: string) => `m${index}-${name}`;
  const n = formatNumber(m.number, { digits });
  const period = m.period ?? { start: '', end: '' };
  const at = (place: WarningPlace, item?: string) => warningsAt(p.warnings, m.number, place, item);
  const note = (place: WarningPlace, label: string) => (
    <WarningList warnings={at(place)} label={label} digits={digits} />
  );
  const budget = p.budgetInput ?? formatBahtInput(m.budget, digits);
  return (
    <div class="measure-review-body">
      {note('title', `คำเตือนเรื่องลำดับของมาตรการที่ ${n}`)}
      <TextField
        id={id('title')}
        label={`ชื่อมาตรการที่ ${n}`}
        value={m.title}
        error={errors[`m${index}.title`]}
        onValue={(title) => p.onChange({ title })}
      />
      {m.items.length > 0 && (
        <fieldset class="review-items">
          <legend>ข้อคำถาม ITA ที่เกี่ยวข้อง</legend>
          <ul class="plain-list">
            {m.items.map((item, k) => (
              <li key={`${k}-${item.printed ?? ''}`} class="review-item">
                <div class="review-item-code">
                  <TextField
                    id={id(`item${k}`)}
                    label={`รหัสข้อ${item.printed ? ` (เอกสารเขียน ${item.printed})` : ''}`}
                    value={item.code}
                    error={errors[`m${index}.item${k}`]}
                    onValue={(code) => p.onItem(k, { code })}
                  />
                </div>
                <p class="review-item-text">{item.text}</p>
                <WarningList
                  warnings={at('items', item.code)}
                  label={`คำเตือนของรหัส ${item.code}`}
                  digits={digits}
                />
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {m.indicators.length > 0 && (
        <fieldset class="review-items">
          <legend>คะแนนตัวชี้วัด</legend>
          {note('indicators', `คำเตือนเรื่องตัวชี้วัดของมาตรการที่ ${n}`)}
          {m.indicators.map((ind, k) => (
            <div
              class="row"
              key={k}
              role="group"
              aria-label={`ตัวชี้วัดรายการที่ ${formatNumber(k + 1, { digits })}`}
            >
              <TextField
                id={id(`ind${k}-number`)}
                label={`ตัวชี้วัดที่${ind.name ? ` (${ind.name})` : ''}`}
                inputMode="numeric"
                value={String(ind.number)}
                onValue={(v) => {
                  const number = Number(v.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)));
                  if (Number.isInteger(number) && number > 0 && number < 100) p.onIndicator(k, { number });
                }}
              />
              <TextField
                id={id(`ind${k}-score`)}
                label="คะแนน"
                inputMode="decimal"
                value={scoreText(ind.score)}
                onValue={(v) => {
                  const score = v.trim() === '' ? null : Number(v);
                  if (score === null || (Number.isFinite(score) && score >= 0 && score <= 100))
                    p.onIndicator(k, { score });
                }}
              />
            </div>
          ))}
        </fieldset>
      )}
      {note('responsible', `คำเตือนเรื่องผู้รับผิดชอบของมาตรการที่ ${n}`)}
      <TextField
        id={id('responsible')}
        label="ผู้รับผิดชอบ (ตามเอกสาร)"
        value={m.responsible}
        onValue={(responsible) => p.onChange({ responsible })}
      />
      <TextArea
        id={id('units')}
        label="หน่วยงานผู้รับผิดชอบ (บรรทัดละหนึ่งหน่วย)"
        rows={2}
        value={(m.responsibleUnits ?? []).join('\n')}
        onValue={(v) => p.onChange({ responsibleUnits: v.split('\n') })}
      />
      {note('period', `คำเตือนเรื่องระยะเวลาของมาตรการที่ ${n}`)}
      <div class="row" role="group" aria-label={`ระยะเวลาดำเนินการของมาตรการที่ ${n}`}>
        <DateInput
          id={id('start')}
          label="วันเริ่มต้น"
          value={period.start}
          error={errors[`m${index}.period`]}
          digits={digits}
          onValue={(start) => p.onChange({ period: { ...period, start } })}
        />
        <DateInput
          id={id('end')}
          label="วันสิ้นสุด"
          value={period.end}
          error={undefined}
          digits={digits}
          onValue={(end) => p.onChange({ period: { ...period, end } })}
        />
      </div>
      {note('budget', `คำเตือนเรื่องงบประมาณของมาตรการที่ ${n}`)}
      <div class="row">
        <TextField
          id={id('budget')}
          label="งบประมาณ (บาท)"
          inputMode="decimal"
          value={budget}
          error={errors[`m${index}.budget`]}
          onValue={p.onBudget}
        />
      </div>
      <TextArea
        id={id('success')}
        label="ตัวชี้วัดความสำเร็จ"
        rows={2}
        value={m.successIndicator ?? ''}
        onValue={(successIndicator) => p.onChange({ successIndicator })}
      />
      {note('actions', `คำเตือนเรื่องเลขข้อของมาตรการที่ ${n}`)}
      {KINDS.map(({ kind, title, add }) => {
        const actions = m.actions.filter((a) => a.kind === kind);
        return (
          <fieldset key={kind} class="review-actions">
            <legend>{title}</legend>
            {note(kind, `คำเตือนเรื่อง${kind === 'method' ? 'วิธีการ' : 'ขั้นตอน'}ของมาตรการที่ ${n}`)}
            {actions.length === 0 && <p class="empty">ยังไม่มีรายการ</p>}
            <ol class="plain-list">
              {actions.map((a) => (
                <li key={a.id} class="review-action">
                  <div class="review-action-number">
                    <TextField
                      id={`${id('a')}-${a.id}-number`}
                      label="ข้อ"
                      value={a.number}
                      onValue={(number) => p.onAction(a.id, { number })}
                    />
                  </div>
                  <TextArea
                    id={`${id('a')}-${a.id}-text`}
                    label={`รายละเอียดข้อ ${a.number}`}
                    rows={3}
                    value={a.text}
                    error={errors[`m${index}.${a.id}`]}
                    onValue={(text) => p.onAction(a.id, { text })}
                  />
                  <button type="button" class="btn btn-danger-outline" onClick={() => p.onRemoveAction(a.id)}>
                    ลบข้อ {a.number}
                  </button>
                </li>
              ))}
            </ol>
            <button type="button" class="btn" onClick={() => p.onAddAction(kind)}>
              {add}
              <span class="sr-only"> ในมาตรการที่ {n}</span>
            </button>
          </fieldset>
        );
      })}
      <UnreadLines
        warnings={at('unread')}
        n={n}
        digits={digits}
        onAdd={p.onAddAction}
        onDismiss={p.onDismiss}
      />
    </div>
  );
}

/** Lines of the measure the importer could not place: each can become a step, or be set aside. */
function UnreadLines(p: {
  warnings: PlanWarning[];
  n: string;
  digits: DigitStyle;
  onAdd: (kind: ActionKind, from: { text: string; warning: PlanWarning }) => void;
  onDismiss: (warning: PlanWarning) => void;
}) {
  if (p.warnings.length === 0) return null;
  return (
    <div class="warnings" role="group" aria-label={`ส่วนที่อ่านไม่ได้ของมาตรการที่ ${p.n}`}>
      <p class="warnings-title">
        <span aria-hidden="true">⚠ </span>ส่วนที่อ่านไม่ได้ ({formatNumber(p.warnings.length, { digits: p.digits })}
        )
      </p>
      <ul>
        {p.warnings.map((w, k) => {
          const text = unreadText(w);
          const where =
            w.line !== undefined ? `บรรทัด ${formatNumber(w.line, { digits: p.digits })}` : `รายการที่ ${k + 1}`;
          return (
            <li key={`${w.line ?? 0}-${k}`}>
              {w.message}
              {w.line !== undefined && <span class="meta"> ({where})</span>}
              <span class="buttons">
                {text && (
                  <button type="button" class="btn" onClick={() => p.onAdd('step', { text, warning: w })}>
                    เพิ่มเป็นขั้นตอน<span class="sr-only"> จาก{where}</span>
                  </button>
                )}
                <button type="button" class="btn" onClick={() => p.onDismiss(w)}>
                  ไม่ใช้<span class="sr-only"> {where}</span>
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
