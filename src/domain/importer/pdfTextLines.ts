/**
 * Rebuilding lines from a PDF page's text items. A PDF has no lines or
 * tables, only positioned runs of text: runs on one baseline make a line, a
 * gap wider than a space between runs is a table column (a tab), and a line that is only
 * the wrapped rest of a paragraph or of table cells is joined back to the line
 * above (cell by cell, by x position), so the parser sees one row per line as
 * in the example text. Pure (positions in, text out) so the app can reuse it
 * with pdf.js in the browser.
 */
import { foldPattern, foldSaraAm } from '../thaiText/foldThai';

export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

interface Cell {
  x: number;
  end: number;
  text: string;
}

interface PdfLine {
  y: number;
  size: number;
  cells: Cell[];
}

// A line that starts like this begins something new (a numbered point, an item, a heading).
const STARTS_NEW = foldPattern(
  /^(?:[-•*▪·]|\(?[0-9๐-๙]{1,3}\s*[).]|[0-9๐-๙]{1,3}\.[0-9๐-๙]|[ieoIEO]\s?[0-9๐-๙]|[0-9๐-๙]{2,3}\s|ตัวชี้วัด|ประเด็น|มาตรการ|แบบวัด|การวิเคราะห์|การกำหนด|จากการ|ผู้รับผิดชอบ|ระยะเวลา|ขั้นตอน|วิธีการ|แนวทาง)/,
);

const MARKS_ONLY = /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\uF700-\uF71F]+$/;
// Thai runs split mid-word: glyph widths in the text layer are rough (a consonant
// drawn with a shifted tone mark is reported narrower), so only a wider gap is a space.
const THAI_END = /[\u0E01-\u0E5B\uF700-\uF71F]$/;
const THAI_START = /^[\u0E01-\u0E5B]/;

function toLines(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  const sorted = [...items]
    .filter((i) => i.str !== '')
    .sort((a, b) => (b.transform[5] ?? 0) - (a.transform[5] ?? 0));
  // Tone marks and vowels drawn on their own sit a little above or below their line: place them last.
  const isMark = (i: PdfTextItem) => MARKS_ONLY.test(i.str);
  for (const item of [...sorted.filter((i) => !isMark(i)), ...sorted.filter(isMark)]) {
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const size = Math.abs(item.transform[3] ?? item.height) || item.height || 10;
    const reach = isMark(item) ? 1 : 0.4;
    let line = lines
      .filter((l) => Math.abs(l.y - y) < size * reach)
      .sort((a, b) => Math.abs(a.y - y) - Math.abs(b.y - y))[0];
    if (!line) {
      line = { y, size, cells: [] };
      lines.push(line);
    }
    line.cells.push({ x, end: x + item.width, text: item.str });
  }
  for (const line of lines) {
    line.cells.sort((a, b) => a.x - b.x);
    const merged: Cell[] = [];
    let space = false;
    let column = false;
    for (const c of line.cells) {
      // pdf.js reports the gap between table cells as a wide whitespace item.
      if (c.text.trim() === '') {
        if (c.end - c.x > line.size * 0.8) column = true;
        else space = true;
        continue;
      }
      const prev = merged[merged.length - 1];
      const gap = prev ? c.x - prev.end : Infinity;
      if (prev && !column && gap < line.size * 0.8) {
        const thai = THAI_END.test(prev.text) && THAI_START.test(c.text);
        prev.text += space || gap > line.size * (thai ? 0.3 : 0.15) ? ` ${c.text}` : c.text;
        prev.end = Math.max(prev.end, c.end);
      } else merged.push({ ...c });
      space = false;
      column = false;
    }
    line.cells = merged;
  }
  return lines.sort((a, b) => b.y - a.y);
}

export function pdfLinesToText(items: readonly PdfTextItem[]): string {
  const lines = toLines(items);
  const right = Math.max(0, ...lines.flatMap((l) => l.cells.map((c) => c.end)));
  const out: PdfLine[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const first = line.cells[0];
    const wrapped =
      prev &&
      first &&
      prev.y - line.y < line.size * 1.75 &&
      !STARTS_NEW.test(foldSaraAm(first.text.trim())) &&
      (prev.cells.length > 1 || (prev.cells[prev.cells.length - 1]?.end ?? 0) > right - line.size * 6);
    if (!wrapped || !prev) {
      out.push({ ...line, cells: line.cells.map((c) => ({ ...c })) });
      continue;
    }
    // Each piece continues the cell of the line above that starts at or before it.
    for (const piece of line.cells) {
      const target = [...prev.cells].reverse().find((c) => c.x <= piece.x + line.size) ?? prev.cells[0];
      if (target) target.text += ` ${piece.text}`;
    }
    prev.y = line.y;
  }
  return (
    out
      // A tone mark drawn too far from any line to be placed carries nothing a reader could use.
      .filter((l) => !l.cells.every((c) => MARKS_ONLY.test(c.text.trim())))
      .map((l) => l.cells.map((c) => c.text.trim()).join('\t'))
      .join('\n')
  );
}
