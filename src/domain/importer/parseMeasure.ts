/**
 * One measure, read line by line with a small state machine: the Shopping
 * List items first, then analysis (indicator paragraphs, findings tables,
 * prose), then the four parts — methods, responsible, steps, period — in
 * whatever order and wording the document uses. Lines that fit nowhere are
 * reported, never dropped.
 */
import type { ItaCatalogue } from '../catalogue/itaCatalogue';
import type { ActionKind, Finding, FindingKind, ItemRef, Period } from '../types';
import {
  isNarrative,
  isSeparator,
  isTableHeader,
  matchAction,
  matchFindingKind,
  matchIndicator,
  matchSectionHeading,
  splitEnumeration,
  type MeasureHeading,
  type SectionName,
} from './classifyLine';
import { lineOf, type Line } from './normaliseText';
import { foldSaraAm } from '../thaiText/foldThai';
import { toArabicDigits } from '../thaiFormat';
import {
  addTableLine,
  finishFindingsTable,
  startFindingsTable,
  type FindingsTable,
} from './parseFindingsTable';
import { parsePeriod, parseRelativePeriod, type RelativePeriod } from './parsePeriod';
import { parseBudget } from './parseBudget';
import { quote, type Warnings } from './planWarnings';
import { readCodeToken, resolveItemCode } from './resolveItemCode';
import type { IndicatorParagraph } from './resolveIndicators';

export interface ActionDraft {
  kind: ActionKind;
  number: string;
  text: string;
  line: number;
  /** Read under "วิธีการดำเนินการ": steps, or methods when the measure lists its steps apart. */
  procedure?: boolean;
}

export interface MeasureDraft {
  number: number;
  title: string;
  line: number;
  items: ItemRef[];
  indicators: IndicatorParagraph[];
  findings: Finding[];
  responsibleLines: string[];
  period: Period | null;
  /** A period named without its year ("ไตรมาสที่ 2"), placed once the plan's fiscal year is known. */
  relativePeriod: RelativePeriod | null;
  /** Planned baht; null when not stated or unreadable. */
  budget: number | null;
  successLines: string[];
  actions: ActionDraft[];
  sections: Set<SectionName>;
}

type Zone = 'items' | 'analysis' | SectionName;

const SECTION_NUMBER: Record<'methods' | 'steps', number> = { methods: 1, steps: 3 };

export function parseMeasure(
  heading: MeasureHeading,
  lines: readonly Line[],
  headingLine: number,
  catalogue: ItaCatalogue,
  warnings: Warnings,
): MeasureDraft {
  const m = heading.number;
  const draft: MeasureDraft = {
    ...{ number: m, title: heading.title, line: headingLine },
    ...{ items: [], indicators: [], findings: [], responsibleLines: [], period: null, actions: [] },
    ...{ relativePeriod: null, budget: null, successLines: [] },
    sections: new Set(),
  };
  let zone = 'items' as Zone; // widened: the closures below change it
  let kind: FindingKind | null = null;
  let table = null as FindingsTable | null;
  let sectionNumber: number | null = null;
  let last = null as ActionDraft | null;
  const unplaced = (line: Line, why: string) =>
    warnings.add('unplaced-line', `${why}: ${quote(line.text)}`, { measure: m, line: line.no });

  const addItem = (line: Line, written = line.text): boolean => {
    const token = readCodeToken(written, foldSaraAm(toArabicDigits(written)));
    if (!token || (zone !== 'items' && token.letter === null && !token.digits.startsWith('0'))) return false;
    const text = written.slice(token.end).trim();
    const resolved = resolveItemCode(token, text, catalogue);
    if (resolved.warning)
      warnings.add(resolved.warning.code, resolved.warning.message, {
        measure: m,
        line: line.no,
        item: resolved.code,
      });
    draft.items.push(
      resolved.printed
        ? { code: resolved.code, text, printed: resolved.printed }
        : { code: resolved.code, text },
    );
    return true;
  };

  const addAction = (actionKind: ActionKind, number: string, text: string, line: Line) => {
    last = {
      kind: actionKind,
      number,
      text,
      line: line.no,
      ...(zone === 'procedure' ? { procedure: true } : {}),
    };
    draft.actions.push(last);
  };

  const closeTable = () => {
    if (table) draft.findings.push(...finishFindingsTable(table, catalogue, warnings, m));
    table = null;
  };

  for (const line of lines) {
    if (table) {
      if (addTableLine(table, line, warnings, m)) continue;
      closeTable();
    }
    // A rule line is noise, except "-" under งบประมาณ, which means none.
    if (line.text === '' || (isSeparator(line) && zone !== 'budget')) continue;

    const action = matchAction(line);
    if (action?.number) {
      const major = Number(action.number.split('.')[0]);
      const actionKind: ActionKind | null =
        zone === 'methods' || zone === 'steps' || zone === 'procedure'
          ? zone === 'methods'
            ? 'method'
            : 'step'
          : major === 1
            ? 'method'
            : major === 3
              ? 'step'
              : null;
      if (actionKind) {
        if (zone !== 'procedure') zone = actionKind === 'method' ? 'methods' : 'steps';
        draft.sections.add(zone);
        addAction(actionKind, action.number, action.text, line);
      } else unplaced(line, 'ข้อที่มีเลขลำดับนอกส่วนวิธีการและขั้นตอน');
      continue;
    }

    const section = matchSectionHeading(line);
    if (section) {
      zone = section.section;
      sectionNumber = section.number;
      last = null;
      draft.sections.add(zone);
      if (zone === 'other') unplaced(line, 'ส่วนที่แอปไม่ได้เก็บ');
      // Several paragraphs in a table cell, or "1. … 2. …" on one line: one point each.
      const parts =
        section.parts && section.parts.length > 1
          ? section.parts
          : zone === 'methods' || zone === 'steps' || zone === 'procedure' || zone === 'items'
            ? splitEnumeration(section.inline)
            : [section.inline];
      for (const part of parts.filter(Boolean)) {
        const own = lineOf(line.no, part, parts.length > 1);
        handleSectionText(own, part);
      }
      continue;
    }

    const indicator = matchIndicator(line);
    if (indicator) {
      draft.indicators.push({
        ...indicator,
        line: line.no,
        printed: line.text.slice(0, line.text.search(/ได้|\(|คะแนน/)).trim(),
      });
      zone = 'analysis';
      continue;
    }
    const findingKind = matchFindingKind(line);
    if (findingKind) {
      kind = findingKind;
      zone = 'analysis';
      continue;
    }
    if (isTableHeader(line) || (zone === 'analysis' && line.cells)) {
      table = startFindingsTable(kind, isTableHeader(line) ? line : null);
      if (!isTableHeader(line)) addTableLine(table, line, warnings, m);
      zone = 'analysis';
      continue;
    }
    handleSectionText(line, line.text);
  }
  closeTable();
  settleProcedure(draft);
  return draft;

  function handleSectionText(line: Line, text: string): void {
    switch (zone) {
      case 'items':
        if (addItem(line, text)) return;
        if (draft.title === '' && draft.items.length === 0)
          draft.title = text; // "มาตรการที่ 1" alone, title below
        else if (isNarrative(line)) zone = 'analysis';
        else unplaced(line, 'บรรทัดในรายการข้อคำถามที่ไม่มีรหัสข้อ');
        return;
      case 'analysis':
        addItem(line); // an item listed after the analysis; prose is not kept by the format
        return;
      case 'methods':
      case 'steps':
      case 'procedure': {
        // "1. … 2. …" on one line (a PDF of a table cell): each point on its own.
        const points = text === line.text ? splitEnumeration(text) : [text];
        if (points.length > 1) {
          for (const point of points) handleSectionText(lineOf(line.no, point), point);
          return;
        }
        const actionKind: ActionKind = zone === 'methods' ? 'method' : 'step';
        const action = text === line.text ? matchAction(line) : null;
        const major = sectionNumber ?? SECTION_NUMBER[zone === 'methods' ? 'methods' : 'steps'];
        const count = draft.actions.filter((a) => a.kind === actionKind).length;
        if (action) addAction(actionKind, `${major}.${action.single ?? count + 1}`, action.text, line);
        else if (last && last.kind === actionKind && !line.whole) last.text = `${last.text} ${text}`;
        else addAction(actionKind, `${major}.${count + 1}`, text, line);
        return;
      }
      case 'responsible':
        draft.responsibleLines.push(text);
        return;
      case 'period': {
        if (draft.period || draft.relativePeriod) {
          unplaced(line, 'ข้อความหลังระยะเวลาดำเนินการ');
          return;
        }
        draft.period = parsePeriod(text);
        if (!draft.period) draft.relativePeriod = parseRelativePeriod(text);
        if (!draft.period && !draft.relativePeriod)
          warnings.add('period-unreadable', `อ่านระยะเวลาดำเนินการไม่ได้: ${quote(text)}`, {
            measure: m,
            line: line.no,
          });
        return;
      }
      case 'budget': {
        const budget = parseBudget(text);
        if (budget !== null && draft.budget === null) draft.budget = budget;
        else if (budget === null && draft.budget === null)
          warnings.add('budget-unreadable', `อ่านงบประมาณไม่ได้: ${quote(text)}`, { measure: m, line: line.no });
        return;
      }
      case 'indicator':
        draft.successLines.push(text);
        return;
      case 'other':
        unplaced(line, 'ส่วนที่แอปไม่ได้เก็บ');
        return;
    }
  }
}

/**
 * "วิธีการดำเนินการ" lists how the work is done: the measure's steps, unless
 * it also lists steps or activities of their own; then it is the methods,
 * numbered 1.1, 1.2 … as methods are.
 */
function settleProcedure(draft: MeasureDraft): void {
  const procedure = draft.actions.filter((a) => a.procedure);
  if (procedure.length === 0) return;
  if (draft.actions.some((a) => a.kind === 'step' && !a.procedure)) {
    procedure.forEach((a, i) => {
      a.kind = 'method';
      a.number = `1.${i + 1}`;
    });
  }
  for (const a of procedure) delete a.procedure;
}
