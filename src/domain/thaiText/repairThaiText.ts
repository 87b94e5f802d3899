/**
 * Repairs of Thai text as PDFs and old fonts damage it, before anything is
 * parsed: glyph codes from the private-use area (U+F700–U+F71F), sara am
 * written as nikhahit + sara aa, tone marks typed before their vowel, and,
 * word by word, the certain words of `certainWords.ts` (ำ lost as า, ฎ/ฏ
 * without their tail, a space inside the word). Every change is listed, so
 * the review can say how many repairs were made and a person can undo any of
 * them by editing. Line breaks are kept: warnings' line numbers stay true.
 * Pure and linear (one pass, a trie walk per position).
 */
import { CERTAIN_WORDS } from './certainWords';

export type RepairKind = 'glyph' | 'word';

export interface TextRepair {
  /** 1-based line. */
  line: number;
  kind: RepairKind;
  /** As the document had it, and as it now reads. */
  from: string;
  to: string;
}

export interface RepairedText {
  text: string;
  repairs: TextRepair[];
}

/**
 * Thai glyph variants in the private-use area (shifted and descender-less
 * forms drawn by Garuda, TLWG and many Windows fonts), the standard mapping
 * of U+F700–U+F71A; U+F71B–U+F71F carry no letter and are dropped.
 */
const THAI_PUA = [
  '\u0E10', // F700 ฐ without descender
  '\u0E34', // F701 ิ left
  '\u0E35',
  '\u0E36',
  '\u0E37',
  '\u0E48', // F705 ่ low left
  '\u0E49',
  '\u0E4A',
  '\u0E4B',
  '\u0E4C',
  '\u0E48', // F70A ่ low
  '\u0E49',
  '\u0E4A',
  '\u0E4B',
  '\u0E4C',
  '\u0E0D', // F70F ญ without descender
  '\u0E31', // F710 ั left
  '\u0E4D',
  '\u0E47',
  '\u0E48', // F713 ่ left
  '\u0E49',
  '\u0E4A',
  '\u0E4B',
  '\u0E4C',
  '\u0E38', // F718 ุ low
  '\u0E39',
  '\u0E3A',
];

const GLYPH_FIXES: readonly [RegExp, (m: string, ...groups: string[]) => string][] = [
  [/[\uF700-\uF71F]/g, (ch) => THAI_PUA[ch.charCodeAt(0) - 0xf700] ?? ''],
  // Sara am split into nikhahit + sara aa (either order), as PDF text layers often give it.
  [/\u0E4D\u0E32|\u0E32\u0E4D/g, () => '\u0E33'],
  // A tone mark before its vowel (PDF glyph order) → vowel first, as typed text has it.
  // In a run of marks, vowels first, then tones, each kept in its order (so a second pass changes nothing).
  [
    /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4C]*[\u0E48-\u0E4C][\u0E31\u0E34-\u0E3A\u0E47][\u0E31\u0E34-\u0E3A\u0E47-\u0E4C]*/g,
    (run) => {
      const marks = [...run];
      const tone = (c: string) => c >= '\u0E48' && c <= '\u0E4C';
      return [...marks.filter((c) => !tone(c)), ...marks.filter(tone)].join('');
    },
  ],
];

interface TrieNode {
  /** Children by UTF-16 code unit (Thai letters are one unit each). */
  next: Map<number, TrieNode>;
  /** The correct word when a form ends here. */
  word?: string;
  notBefore?: string;
}

function buildTrie(): TrieNode {
  const root: TrieNode = { next: new Map() };
  const add = (form: string, word: string, notBefore?: string) => {
    let node = root;
    for (let i = 0; i < form.length; i++) {
      const code = form.charCodeAt(i);
      let child = node.next.get(code);
      if (!child) node.next.set(code, (child = { next: new Map() }));
      node = child;
    }
    node.word = word;
    if (notBefore) node.notBefore = notBefore;
  };
  for (const { word, damaged = [], notBefore } of CERTAIN_WORDS) {
    // The correct form too: a space inside it is still repaired.
    for (const form of new Set([word, word.replace(/\u0E33/g, '\u0E32'), ...damaged]))
      add(form, word, notBefore);
  }
  return root;
}

const TRIE = buildTrie();
const SPACE = 0x20;
const isThaiCode = (code: number) => code >= 0x0e01 && code <= 0x0e5b;

/** The longest certain word at `start`, allowing one space inside it between Thai letters. */
function matchAt(line: string, start: number): { end: number; word: string } | null {
  let node = TRIE;
  let i = start;
  let skipped = false;
  let best: { end: number; word: string } | null = null;
  while (i < line.length) {
    let child = node.next.get(line.charCodeAt(i));
    if (
      !child &&
      !skipped &&
      node !== TRIE &&
      line.charCodeAt(i) === SPACE &&
      isThaiCode(line.charCodeAt(i - 1))
    ) {
      child = node.next.get(line.charCodeAt(i + 1));
      if (child) {
        skipped = true;
        i++;
      }
    }
    if (!child) break;
    node = child;
    i++;
    if (node.word && !(node.notBefore && i < line.length && node.notBefore.includes(line.charAt(i)))) {
      best = { end: i, word: node.word };
    }
  }
  return best;
}

function repairWords(line: string, no: number, repairs: TextRepair[]): string {
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < line.length) {
    // Most positions start no certain word: one map lookup and on.
    const m = TRIE.next.has(line.charCodeAt(i)) ? matchAt(line, i) : null;
    if (!m) {
      i++;
      continue;
    }
    const from = line.slice(i, m.end);
    if (from !== m.word) {
      repairs.push({ line: no, kind: 'word', from, to: m.word });
      out += line.slice(copied, i) + m.word;
      copied = m.end;
    }
    i = m.end;
  }
  return copied === 0 ? line : out + line.slice(copied);
}

function repairGlyphs(line: string, no: number, repairs: TextRepair[]): string {
  let out = line;
  for (const [pattern, fix] of GLYPH_FIXES) {
    out = out.replace(pattern, (m: string, ...rest: unknown[]) => {
      const to = fix(m, ...(rest.slice(0, -2) as string[]));
      if (to !== m) repairs.push({ line: no, kind: 'glyph', from: m, to });
      return to;
    });
  }
  return out;
}

export function repairThaiText(text: string): RepairedText {
  const repairs: TextRepair[] = [];
  // Split keeping each break, so the text comes back with its own line endings.
  const parts = text.split(/(\r\n|\r|\n|\u2028|\u2029)/);
  for (let p = 0; p < parts.length; p += 2) {
    const no = p / 2 + 1;
    const line = parts[p] as string;
    // Most lines need nothing: skip the work unless there is Thai or a private-use glyph.
    if (!/[\u0E01-\u0E5B\uF700-\uF71F]/.test(line)) continue;
    parts[p] = repairWords(repairGlyphs(line, no, repairs), no, repairs);
  }
  return { text: parts.join(''), repairs };
}

/** Repairs grouped for people: each distinct change once, with how often and on which lines. */
export function summariseRepairs(
  repairs: readonly TextRepair[],
): { kind: RepairKind; from: string; to: string; count: number; lines: number[] }[] {
  const byChange = new Map<
    string,
    { kind: RepairKind; from: string; to: string; count: number; lines: number[] }
  >();
  for (const r of repairs) {
    const key = `${r.from}\u0000${r.to}`;
    const entry = byChange.get(key) ?? { kind: r.kind, from: r.from, to: r.to, count: 0, lines: [] };
    entry.count++;
    if (entry.lines[entry.lines.length - 1] !== r.line) entry.lines.push(r.line);
    byChange.set(key, entry);
  }
  return [...byChange.values()].sort((a, b) => b.count - a.count);
}
