/**
 * The review step of an import: the parsed plan as a draft a person edits
 * (titles, responsible units, periods, actions) before it is saved, the
 * checks run on it, and the Thai messages for documents that cannot be read.
 * Pure: every edit returns a new draft.
 */
import type { ExportAction, ExportMeasure, ExportPlan } from '../exportDocument';
import { nextActionNumber } from '../numbering';
import type { ActionKind, IndicatorScore, ItemRef, PlanWarning } from '../types';
import { dismissWarnings, type WarningPlace } from './reviewWarnings';
import { parseBahtInput } from '../bahtInput';
import { AMOUNT_MESSAGE, validatePlan, type PlanForm, type Validated } from '../validation';
import type { ParseError } from './checkDocumentText';

/** Files and pasted text above this are refused before reading (a measures document is ~100 KB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportDraft {
  /** Measures and actions as edited; the header fields live in `header` until saved. */
  plan: ExportPlan;
  /** The plan's header as typed, checked with the plan form's rules. */
  header: PlanForm;
  /** Where the text came from: a file name, "ข้อความที่วาง" or the example. */
  source: string;
  /** The document's text, to read it again with another year's catalogue. */
  text?: string;
  /** What the text repair changed (ำ restored…), grouped, for the one line that says so. */
  repairs?: { kind: 'glyph' | 'word'; from: string; to: string; count: number; lines: number[] }[];
  /** The person changed measures since the document was read (a new reading would replace that). */
  edited?: boolean;
  /** Budgets as typed, by measure id, until saved ("15,000" stays as typed while it is edited). */
  budgetInputs?: Record<string, string>;
}

export function draftFromPlan(
  plan: ExportPlan,
  source: string,
  read: Pick<ImportDraft, 'text' | 'repairs'> = {},
): ImportDraft {
  return {
    plan,
    source,
    ...read,
    header: {
      agencyName: plan.agency.name,
      district: plan.agency.district,
      province: plan.agency.province,
      assessmentYear: String(plan.assessmentYear),
      fiscalYear: String(plan.fiscalYear),
      overallScore: plan.overallScore === null ? '' : String(plan.overallScore),
      rating: plan.rating,
      constraints: plan.constraints.join('\n'),
    },
  };
}

const withMeasure = (plan: ExportPlan, index: number, change: (m: ExportMeasure) => ExportMeasure) => ({
  ...plan,
  measures: plan.measures.map((m, i) => (i === index ? change(m) : m)),
});

/** Which warnings a change of these fields answers. */
const ANSWERED_BY: Partial<Record<keyof ExportMeasure, WarningPlace[]>> = {
  title: ['title'],
  number: ['title'],
  responsible: ['responsible'],
  responsibleUnits: ['responsible'],
  period: ['period'],
  budget: ['budget'],
  indicators: ['indicators'],
};

/** A change to a measure; the warnings about the fields it changes are taken as answered. */
export function updateMeasure(plan: ExportPlan, index: number, patch: Partial<ExportMeasure>): ExportPlan {
  const number = plan.measures[index]?.number;
  const places = Object.keys(patch).flatMap((k) => ANSWERED_BY[k as keyof ExportMeasure] ?? []);
  return dismissWarnings(
    withMeasure(plan, index, (m) => ({ ...m, ...patch })),
    number,
    places,
  );
}

/** A corrected item code or text; that item's warnings are answered by it. */
export function updateItem(
  plan: ExportPlan,
  index: number,
  itemIndex: number,
  patch: Partial<Pick<ItemRef, 'code' | 'text'>>,
): ExportPlan {
  const m = plan.measures[index];
  const item = m?.items[itemIndex];
  if (!m || !item) return plan;
  const code = patch.code === undefined ? item.code : patch.code.trim().toLowerCase();
  const items = m.items.map((it, i) => (i === itemIndex ? { ...it, ...patch, code } : it));
  return dismissWarnings(
    withMeasure(plan, index, (x) => ({ ...x, items })),
    m.number,
    ['items'],
    item.code,
  );
}

/** A corrected indicator number or score. */
export function updateIndicator(
  plan: ExportPlan,
  index: number,
  indicatorIndex: number,
  patch: Partial<Pick<IndicatorScore, 'number' | 'score'>>,
): ExportPlan {
  const m = plan.measures[index];
  if (!m) return plan;
  const indicators = m.indicators.map((x, i) => (i === indicatorIndex ? { ...x, ...patch } : x));
  return updateMeasure(plan, index, { indicators });
}

export function updateAction(
  plan: ExportPlan,
  index: number,
  actionId: string,
  patch: Partial<Pick<ExportAction, 'number' | 'text'>>,
): ExportPlan {
  return withMeasure(plan, index, (m) => ({
    ...m,
    actions: m.actions.map((a) => (a.id === actionId ? { ...a, ...patch } : a)),
  }));
}

export function removeAction(plan: ExportPlan, index: number, actionId: string): ExportPlan {
  return withMeasure(plan, index, (m) => ({ ...m, actions: m.actions.filter((a) => a.id !== actionId) }));
}

/** A new method or step at the end of its kind, numbered after the last one (empty, or from an unread line). */
export function addAction(
  plan: ExportPlan,
  index: number,
  kind: ActionKind,
  id: string,
  text = '',
): ExportPlan {
  const number = plan.measures[index]?.number;
  const added = withMeasure(plan, index, (m) => {
    const number = nextActionNumber(
      kind,
      m.actions.filter((a) => a.kind === kind).map((a) => a.number),
    );
    const last = m.actions.map((a) => a.kind).lastIndexOf(kind);
    const at = last === -1 ? (kind === 'method' ? 0 : m.actions.length) : last + 1;
    const actions = [...m.actions];
    actions.splice(at, 0, { id, kind, number, text });
    return { ...m, actions };
  });
  // "No steps found" is answered by adding one.
  return dismissWarnings(added, number, [kind]);
}

/** Warnings of the whole document, and those of each measure by its number. */
export function groupWarnings(warnings: readonly PlanWarning[]): {
  general: PlanWarning[];
  byMeasure: Map<number, PlanWarning[]>;
} {
  const general: PlanWarning[] = [];
  const byMeasure = new Map<number, PlanWarning[]>();
  for (const w of warnings) {
    if (w.measure === undefined) general.push(w);
    else byMeasure.set(w.measure, [...(byMeasure.get(w.measure) ?? []), w]);
  }
  return { general, byMeasure };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

/** Field ids of the review form: header fields by name, `m0.title`, `m0.period`, `m0.<actionId>`. */
export function validateDraft(draft: ImportDraft): Validated<ExportPlan> {
  const header = validatePlan(draft.header);
  const errors: Record<string, string> = header.ok ? {} : { ...header.errors };
  const measures = draft.plan.measures.map((m, i): ExportMeasure => {
    if (m.title.trim() === '') errors[`m${i}.title`] = 'กรุณากรอกชื่อมาตรการ';
    const start = m.period?.start ?? '';
    const end = m.period?.end ?? '';
    if ((start === '') !== (end === '')) errors[`m${i}.period`] = 'กรุณากรอกทั้งวันเริ่มต้นและวันสิ้นสุด';
    else if (start > end) errors[`m${i}.period`] = 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น';
    for (const a of m.actions) {
      if (a.text.trim() === '') errors[`m${i}.${a.id}`] = 'กรุณากรอกรายละเอียด หรือลบรายการนี้';
    }
    const typed = draft.budgetInputs?.[m.id];
    const budget = typed === undefined ? m.budget : parseBahtInput(typed);
    if (budget === undefined && typed !== undefined) errors[`m${i}.budget`] = AMOUNT_MESSAGE;
    m.items.forEach((item, k) => {
      if (!/^[a-z]?\d{1,3}$/.test(item.code))
        errors[`m${i}.item${k}`] = 'รหัสข้อต้องเป็นเช่น i13, e9, o25 หรือตัวเลข';
    });
    const units = lines((m.responsibleUnits ?? []).join('\n'));
    const { responsibleUnits: _units, ...rest } = m;
    return {
      ...rest,
      title: m.title.trim(),
      responsible: m.responsible.trim(),
      ...(units.length > 0 ? { responsibleUnits: units } : {}),
      period: start === '' ? null : { start, end },
      ...(budget !== undefined ? { budget } : {}),
      ...(m.successIndicator !== undefined ? { successIndicator: m.successIndicator.trim() } : {}),
      actions: m.actions.map((a) => ({ ...a, number: a.number.trim(), text: a.text.trim() })),
    };
  });
  if (!header.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      ...draft.plan,
      agency: header.value.agency,
      assessmentYear: header.value.assessmentYear,
      fiscalYear: header.value.fiscalYear,
      overallScore: header.value.overallScore,
      rating: header.value.rating,
      constraints: header.value.constraints,
      measures,
    },
  };
}

/** Thai messages for the import page (the parser's carry an English gloss for the command line). */
export function importErrorMessage(
  error: ParseError,
  source: 'pdf' | 'docx' | 'text' | 'paste' | 'binary',
): string {
  switch (error.code) {
    case 'empty':
      return source === 'paste'
        ? 'ยังไม่มีข้อความ กรุณาวางข้อความของเอกสารมาตรการ'
        : 'ไฟล์นี้ว่าง ไม่มีข้อความ กรุณาเลือกไฟล์เอกสารมาตรการ';
    case 'too-large':
      return 'เอกสารใหญ่เกิน 5 MB จึงไม่ได้อ่าน เอกสารมาตรการโดยทั่วไปมีขนาดไม่ถึง 1 MB';
    case 'binary':
      return 'ไฟล์นี้ไม่ใช่ข้อความ ไฟล์ Word (.docx) หรือ PDF ที่อ่านได้ กรุณาเลือกไฟล์อื่น หรือคัดลอกข้อความมาวาง';
    case 'garbled':
      return source === 'pdf'
        ? 'ข้อความจาก PDF นี้อ่านไม่ถูกต้อง กรุณาคัดลอกข้อความมาวางแทน'
        : 'ข้อความภาษาไทยเสียหาย (สระหรือวรรณยุกต์อยู่ผิดที่) กรุณาคัดลอกข้อความจากไฟล์ Word ต้นฉบับมาวางแทน';
    case 'not-thai':
      return 'ไม่พบข้อความภาษาไทย จึงไม่ใช่เอกสารมาตรการส่งเสริมคุณธรรมและความโปร่งใส (ITA)';
    case 'no-measures':
      return 'ไม่ใช่เอกสารมาตรการส่งเสริมคุณธรรมและความโปร่งใส: ไม่พบมาตรการที่มีวิธีการ ผู้รับผิดชอบ ขั้นตอน หรือระยะเวลา';
    case 'no-year':
      return 'ไม่พบปีงบประมาณหรือปีที่ประเมิน ITA ในเอกสาร กรุณาตรวจสอบว่าเป็นเอกสารมาตรการฉบับเต็ม';
    default:
      // Drop the English gloss "(…)" at the end, if any.
      return error.message.replace(/\s*\([^()]*\)\s*$/, '');
  }
}
