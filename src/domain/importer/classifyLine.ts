/**
 * What a line looks like, independent of where it is: a measure heading, a
 * section heading (methods, responsible, steps, period), a numbered action,
 * an indicator paragraph, a findings-table header. Documents word and number
 * these in many ways ("๑)", "๑", "1.", "- ๑.๑", bullets; "ผู้รับผิดชอบ" or
 * "การกำหนดผู้รับผิดชอบหรือผู้ที่เกี่ยวข้อง"), so each test is on the
 * Arabic-digit key and, for keywords, on the space-free compact form.
 */
import { foldPattern, foldSaraAm } from '../thaiText/foldThai';
import { toArabicDigits } from '../thaiFormat';
import type { FindingKind } from '../types';
import type { Line } from './normaliseText';

export type SectionName =
  | 'items'
  | 'analysis'
  | 'methods'
  | 'procedure'
  | 'responsible'
  | 'steps'
  | 'period'
  | 'budget'
  | 'indicator'
  | 'other';

/**
 * How a measure is introduced, strongest first: "(๑) … (Shopping List)"; a
 * word that says so ("มาตรการที่ 1", "ประเด็นที่ 1", "1. มาตรการ…"); a bare
 * "(๑) …", which inside a measure is as often a numbered method.
 */
export type HeadingStyle = 'shopping' | 'named' | 'bare';

export interface MeasureHeading {
  number: number;
  title: string;
  shoppingList: boolean;
  style: HeadingStyle;
}

const SHOPPING = /\(?\s*shopping\s*list\s*\)?/i;
const NAMED = /^(?:มาตรการที่|ประเด็นที่|ประเด็นการพัฒนาที่)\s*(\d{1,2})(?!\s*\.\d)\s*[:.)]?\s*(.*)$/;
// "1. มาตรการ…", "๒) มาตรการ…": the word itself says it is a measure.
const NUMBERED_MEASURE = /^(\d{1,2})\s*[.)]\s*(มาตรการ.*)$/;

export function matchMeasureHeading(line: Line): MeasureHeading | null {
  const k = line.key;
  const shoppingList = SHOPPING.test(k);
  let style: HeadingStyle = shoppingList ? 'shopping' : 'named';
  let m =
    NAMED.exec(k) ?? NUMBERED_MEASURE.exec(k) ?? (shoppingList ? /^(\d{1,2})\s*[.)]\s*(.+)$/.exec(k) : null);
  if (!m) {
    m = /^\((\d{1,2})\)\s*(.*)$/.exec(k);
    if (!shoppingList) style = 'bare';
  }
  if (!m) return null;
  const start = k.length - (m[2] as string).length;
  const title = line.text
    .slice(start)
    .replace(SHOPPING, '')
    .replace(/[\s:]+$/, '')
    .trim();
  return { number: Number(m[1]), title, shoppingList, style };
}

// Numbering before a heading: "๑)", "(๑)", "๑.", "๑", "- ๑)", "ข้อ ๑".
const HEADING_NUMBER = /^[-•*▪·]?\s*(?:ข้อ\s*)?\(?(\d{1,2})(?!\s*\.\s*\d)\s*[).:]?\s*/;

interface SectionPattern {
  section: SectionName;
  pattern: RegExp;
  /**
   * A common word ("กิจกรรม", "งบประมาณ") is a heading only when it stands
   * alone, says "X: …", or starts a short line; otherwise it is prose.
   */
  strict: boolean;
}

const SECTION_PATTERNS: readonly SectionPattern[] = (
  [
    {
      section: 'methods',
      pattern:
        /^(?:การกำหนด)?(?:วิธีการ|แนวทาง)(?:การ)?นำผล(?:การ)?(?:วิเคราะห์|ประเมิน)(?:(?!แต่ละประเด็น).)*ไปสู่การปฏิบัติ/,
      strict: false,
    },
    {
      section: 'methods',
      pattern: /^แนวทาง(?:การ)?(?:ดำเนินการ|ดำเนินงาน|ปฏิบัติ|พัฒนา)(?:ตามมาตรการ)?|^มาตรการ\/?แนวทาง/,
      strict: true,
    },
    {
      // How the work is done: the steps, unless the measure lists its steps apart too.
      section: 'procedure',
      pattern: /^(?:วิธีการ|วิธี)(?:การ)?(?:ดำเนินการ|ดำเนินงาน|ปฏิบัติ)(?:ตามมาตรการ)?/,
      strict: true,
    },
    {
      section: 'responsible',
      pattern: /^(?:การกำหนด)?(?:ผู้รับผิดชอบ|หน่วยงาน(?:ที่|ผู้)?รับผิดชอบ)(?:หรือผู้(?:ที่)?เกี่ยวข้อง)?/,
      strict: false,
    },
    {
      section: 'steps',
      pattern:
        /^(?:การกำหนด)?ขั้นตอน(?:หรือวิธีการ(?:ปฏิบัติ|ดำเนินการ|ดำเนินงาน)|การ(?:ดำเนินการ|ดำเนินงาน|ปฏิบัติงาน|ปฏิบัติ))?(?!ที่\d)/,
      strict: false,
    },
    { section: 'steps', pattern: /^(?:โครงการ\/)?กิจกรรม(?:\/โครงการ|ที่ดำเนินการ|การดำเนินงาน)?/, strict: true },
    {
      section: 'period',
      pattern: /^(?:การกำหนด)?ระยะเวลา(?:ใน)?(?:การ)?(?:ดำเนินการ|ดำเนินงาน|ปฏิบัติ)?/,
      strict: false,
    },
    {
      section: 'items',
      pattern: /^(?:ข้อมูล|ข้อคำถาม|ประเด็น(?:การประเมิน)?|รายการข้อมูล)(?:\/ตัวชี้วัด)?ที่เกี่ยวข้อง/,
      strict: true,
    },
    { section: 'analysis', pattern: /^ผลการวิเคราะห์|^สภาพปัญหา/, strict: true },
    { section: 'budget', pattern: /^(?:แหล่ง)?งบประมาณ(?:ที่ใช้|ดำเนินการ)?/, strict: true },
    {
      section: 'indicator',
      pattern: /^ตัวชี้วัด(?:ความสำเร็จ|ผลสำเร็จ)?(?!ที่|\d)|^เป้าหมาย(?:ความสำเร็จ)?/,
      strict: true,
    },
    {
      section: 'other',
      pattern: /^(?:การ)?(?:กำกับ)?ติดตาม(?:และ)?(?:ประเมินผล|ผล)|^ผลที่คาดว่าจะได้รับ|^วัตถุประสงค์|^หลักการและเหตุผล/,
      strict: true,
    },
  ] satisfies SectionPattern[]
).map((p) => ({ ...p, pattern: foldPattern(p.pattern) }));

export interface SectionHeading {
  section: SectionName;
  number: number | null;
  /** Text after the heading on the same line ("ผู้รับผิดชอบ: กองคลัง"), or in the next cells of a table row. */
  inline: string;
  /** The paragraphs of that text where a table cell held several (one step each). */
  parts?: string[];
}

/** Position in `text` after `count` non-space characters. */
function skipCompact(text: string, count: number): number {
  let seen = 0;
  let i = 0;
  while (i < text.length && seen < count) {
    if (!/\s/.test(text[i] as string)) seen++;
    i++;
  }
  return i;
}

function headingIn(text: string, key: string): SectionHeading | null {
  const numbering = HEADING_NUMBER.exec(key);
  const prefix = numbering ? numbering[0].length : 0;
  const rest = key.slice(prefix);
  const compact = rest.replace(/\s+/g, '');
  for (const { section, pattern, strict } of SECTION_PATTERNS) {
    const m = pattern.exec(compact);
    if (!m) continue;
    // "ตัวชี้วัด (KPI): …": a short bracket right after the heading's words belongs to the heading.
    const after = text
      .slice(prefix + skipCompact(rest, m[0].length))
      .replace(/^\s*\([^()]{1,20}\)(?=\s*(?:[:：]|$))/, '');
    // "ผู้รับผิดชอบ: …", "ผู้รับผิดชอบ - …"; a lone "-" is kept (งบประมาณ : - means none).
    const inline = after
      .replace(/^[\s:：]+/, '')
      .replace(/^[-–]+\s*(?=\S)/, '')
      .trim();
    const colon = /^\s*[:：]/.test(after);
    // A long line that merely starts with a keyword is prose, not a heading, unless it says "X: …".
    if (strict && inline !== '' && !colon && compact.length > 30) continue;
    if (inline.length > 0 && !colon && section !== 'period' && compact.length > 60) continue;
    return { section, number: numbering?.[1] ? Number(numbering[1]) : null, inline };
  }
  return null;
}

/** What a plan table's column holds, from its header cell ("วิธีการดำเนินการ", "งบประมาณ (บาท)"). */
export function classifyColumn(header: string): SectionName | 'measure' | 'number' | null {
  const key = foldSaraAm(toArabicDigits(header));
  const compact = key.replace(/\s+/g, '');
  if (/^(?:ที่|ลำดับ(?:ที่)?|ข้อ)$/.test(compact)) return 'number';
  if (MEASURE_COLUMN.test(compact)) return 'measure';
  // A header cell may carry a unit ("งบประมาณ (บาท)"): only the words before a bracket count.
  const words = key.replace(/\(.*$/, '').trim();
  return headingIn(words, words)?.section ?? null;
}

const MEASURE_COLUMN = foldPattern(
  /^(?:ชื่อ)?(?:มาตรการ|ประเด็น(?:การพัฒนา)?)(?:\/(?:โครงการ|กิจกรรม))?$|^โครงการ\/มาตรการ$/,
);

export function matchSectionHeading(line: Line): SectionHeading | null {
  // A two-column table ("ผู้รับผิดชอบ | กองคลัง"): the first cell is the heading.
  if (line.cells && line.cells.length >= 2 && line.cells[0]) {
    const first = line.cells[0];
    const heading = headingIn(first, foldSaraAm(toArabicDigits(first)));
    if (heading && heading.inline === '') {
      const parts = (line.paragraphs ?? []).slice(1).flat();
      return { ...heading, inline: line.cells.slice(1).filter(Boolean).join(' '), parts };
    }
  }
  return headingIn(line.text, line.key);
}

export interface ActionLine {
  /** "1.2" for numbered actions; null for a bullet with no number. */
  number: string | null;
  /** A single number ("๑)") that only becomes an action inside a section. */
  single: number | null;
  text: string;
}

// "ขั้นตอนที่ 1 …", "กิจกรรมที่ 2 …": a numbered step or activity.
const NAMED_STEP = /^(?:ขั้นตอนที่|กิจกรรมที่|ข้อที่)\s*(\d{1,2})\s*[:.)]?\s*/;

export function matchAction(line: Line): ActionLine | null {
  const k = line.key;
  const named = NAMED_STEP.exec(k);
  if (named) return { number: null, single: Number(named[1]), text: line.text.slice(named[0].length).trim() };
  let m = /^(?:[-•*▪·]\s*)?(\d{1,2})\s*\.\s*(\d{1,2})\s*[).]?(?!\d)\s*/.exec(k);
  if (m) return { number: `${m[1]}.${m[2]}`, single: null, text: line.text.slice(m[0].length).trim() };
  m = /^(?:[-•*▪·●○➢►]|\(?\d{1,2}\s*[).])\s*/.exec(k);
  if (!m) return null;
  const single = /\d+/.exec(m[0]);
  return {
    number: null,
    single: single ? Number(single[0]) : null,
    text: line.text.slice(m[0].length).trim(),
  };
}

export interface IndicatorLine {
  number: number;
  name: string;
  score: number | null;
}

export function matchIndicator(line: Line): IndicatorLine | null {
  const k = line.key;
  const m =
    /^ตัวชี้วัด(?:ที่)?\s*(\d{1,2})\s*[:.]?\s*(.*?)\s*(?:ได้รับคะแนน|ได้\s*คะแนน|คะแนน(?:เท่ากับ)?)\s*(\d{1,3}(?:\.\d+)?)/d.exec(
      k,
    ) ?? /^ตัวชี้วัด(?:ที่)?\s*(\d{1,2})\s*[:.]?\s*(.*?)\s*\(\s*(\d{1,3}(?:\.\d+)?)\s*คะแนน/d.exec(k);
  if (!m) return null;
  // The name as written (the key folds ำ): same offsets in the text.
  const [nameStart, nameEnd] = m.indices?.[2] ?? [0, 0];
  const name = line.text.slice(nameStart, nameEnd).trim();
  return { number: Number(m[1]), name, score: Number(m[3]) };
}

/** "ประเด็นที่เป็นจุดแข็ง…" / "…ข้อบกพร่องหรือจุดอ่อน…": the kind of the table rows that follow. */
export function matchFindingKind(line: Line): FindingKind | null {
  const c = line.compact;
  if (!/^(?:ประเด็นที่เป็น|ประเด็นที่ต้อง|จุดแข็ง|จุดอ่อน|จุดที่เป็น|การวิเคราะห์ผลการประเมิน)/.test(c)) return null;
  const strong = c.includes('จุดแข็ง');
  const weak = /ข้อบกพร่อง|จุดอ่อน|ต้องแก้ไข|ต้องพัฒนา|ต้องปรับปรุง/.test(c);
  if (strong === weak) return null;
  return strong ? 'strength' : 'weakness';
}

/** The header row of a findings table: แบบวัด | ตัวชี้วัด | ข้อคำถาม | คะแนน | การวิเคราะห์. */
const TABLE_HEADER_START = foldPattern(/^(?:ข้อคำถาม|ข้อความถาม|ข้อความ|ตัวชี้วัด)/);

export function isTableHeader(line: Line): boolean {
  const c = line.compact;
  return c.startsWith('แบบวัด') || (TABLE_HEADER_START.test(c) && c.includes('คะแนน') && c.length < 80);
}

/** Stray rule lines such as "--\t--\t---". */
export function isSeparator(line: Line): boolean {
  return line.compact !== '' && /^[-_=—–.|+]+$/.test(line.compact);
}

const CONSTRAINTS = foldSaraAm('ข้อจำกัด');

export function isConstraintsHeading(line: Line): boolean {
  const c = line.compact.replace(/^\(?\d{1,2}[).]?/, '');
  return c.startsWith(`การวิเคราะห์${CONSTRAINTS}`) || (c.startsWith(CONSTRAINTS) && c.length < 40);
}

const METHODS_NARRATIVE = foldSaraAm('การกำหนดวิธีการนำผล');

/** Analysis prose between the items and the methods, which the format does not keep. */
export function isNarrative(line: Line): boolean {
  const c = line.compact;
  return (
    c.startsWith('จากการวิเคราะห์') ||
    c.startsWith(METHODS_NARRATIVE) ||
    c.startsWith('การวิเคราะห์ผล') ||
    c.startsWith('ตัวชี้วัด') ||
    c.startsWith('ซึ่ง')
  );
}

/**
 * "1. ทำสิ่งนี้ 2. ทำสิ่งนั้น" written on one line (a PDF of a table cell): the
 * numbered points apart, when they run 1, 2, 3…; otherwise the text whole.
 */
export function splitEnumeration(text: string): string[] {
  const key = toArabicDigits(text);
  const marks = [...key.matchAll(/(?:^|\s)\(?(\d{1,2})\s*[.)](?!\d)\s*/g)];
  if (marks.length < 2 || marks[0]!.index !== 0) return [text];
  if (!marks.every((m, i) => Number(m[1]) === i + 1)) return [text];
  return marks.map((m, i) => text.slice(m.index, marks[i + 1]?.index ?? text.length).trim());
}
