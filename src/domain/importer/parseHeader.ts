/**
 * The document header: agency (name, district, province), overall ITA score
 * and rating, and the assessment year. The agency comes from the header line
 * because the body misspells it (รือเสาะออก, หรือเสาะออก…) more often than not.
 */
import { foldPattern } from '../thaiText/foldThai';
import type { Agency } from '../types';
import type { Line } from './normaliseText';

export interface Header {
  agency: Agency | null;
  overallScore: number | null;
  rating: string;
  /** The ITA year the document names most often ("ITA ๒๕๖๖"), if any. */
  assessmentYear: number | null;
  /** The year in the title ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๖"), which is sometimes the ITA year, sometimes the measures'. */
  titleYear: number | null;
}

const AGENCY_START = foldPattern(
  /^(?:องค์การบริหารส่วน|อบต\.|อบจ\.|เทศบาล|สำนักงาน|สำนัก|กรม|กระทรวง|โรงพยาบาล|โรงเรียน|มหาวิทยาลัย|สถาบัน|ศูนย์|การ(?:ไฟฟ้า|ประปา|ท่าเรือ))/,
);
const PLACE = foldPattern(/(?:อำเภอ|จังหวัด|เขต|กรุงเทพมหานคร|\sอ\.|\sจ\.)/);
const TITLE_YEAR = foldPattern(/ประจำปี(?:งบประมาณ)?\s*(?:พ\.ศ\.\s*)?25\d\d/);
const ITA_YEAR = foldPattern(/ITA\s*\)?\s*(?:ประจำปี\s*)?(?:งบประมาณ\s*)?(?:พ\.ศ\.\s*)?(25\d\d)(?!\s*-)/g);
// An agency named inside a sentence ("…ของเทศบาลตำบลบ้านใหม่ อำเภอ…"): its name runs to the place.
const AGENCY_IN_PROSE = foldPattern(
  /(?:องค์การบริหารส่วน(?:ตำบล|จังหวัด)|เทศบาล(?:ตำบล|เมือง|นคร)|โรงพยาบาล|โรงเรียน|สำนักงาน|ที่ทำการ)\S{0,40}\s(?:อำเภอ|เขต|จังหวัด)/g,
);
const RATING_IN_PROSE =
  /ระดับ(?:ผลการประเมิน)?\s*[:：]?\s*(ผ่านดีเยี่ยม|ผ่านดี|ต้องปรับปรุงโดยด่วน|ต้องปรับปรุง|ผ่าน|AA|[A-F])(?![A-Za-z\u0E01-\u0E2E])/;
const SCORE_IN_PROSE = /ได้(?:รับ)?\s*คะแนน(?:รวม|ภาพรวม)?\s*[:：]?\s*(\d{1,3}(?:\.\d+)?)/;
// "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2568 : 91.37 คะแนน (ระดับ ผ่านดี)": the number before
// "คะแนน" on the line that names the assessment (a year is never taken: it has four digits).
const ASSESSMENT_LINE = /ผลการประเมิน|ITA/;
const SCORE_BEFORE_WORD = /(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*คะแนน/;

// The name ends at its place, or at "สังกัด…" (the body it belongs to). "เขต ๓" numbers an
// education or health area, not a district: a district is named in letters.
const PLACE_CUT = foldPattern(/\s(?:(?:อำเภอ|อ\.|เขต|จังหวัด|จ\.)\s?[^\s\d]|สังกัด)/);
const DISTRICT = foldPattern(/(?:^|\s)(?:อำเภอ|อ\.|เขต)\s?([^\s\d]\S*)/d);
const PROVINCE = /(?:^|\s)(?:จังหวัด|จ\.)\s?(\S+)/d;

/** Searched on the folded key (an ำ lost or not), sliced from the text as written. */
function readAgency(line: Line): Agency {
  const { text: t, key } = line;
  const cut = key.search(PLACE_CUT);
  const name = (cut > 0 ? t.slice(0, cut) : t).trim();
  const slice = (m: RegExpExecArray | null) => (m?.indices?.[1] ? t.slice(...m.indices[1]) : '');
  const district = slice(DISTRICT.exec(key));
  const inName = /จังหวัด(\S+)$/.exec(name)?.[1] ?? '';
  const province = slice(PROVINCE.exec(key)) || inName || (t.includes('กรุงเทพมหานคร') ? 'กรุงเทพมหานคร' : '');
  return { name, district, province };
}

/** The first agency a sentence names with its place (never the NACC, which has none after it). */
function proseAgency(lines: readonly Line[]): Agency | null {
  for (const line of lines) {
    for (const m of line.key.matchAll(AGENCY_IN_PROSE)) {
      const from = m.index;
      const rest: Line = { ...line, text: line.text.slice(from), key: line.key.slice(from) };
      return readAgency(rest);
    }
  }
  return null;
}

export function parseHeader(lines: readonly Line[], headerEnd: number): Header {
  const head = lines.slice(0, Math.max(headerEnd, Math.min(lines.length, 40)));
  // A header line that starts with the agency and names its place; else a sentence naming both;
  // else a short line that starts with the agency.
  const placed = head.find((l) => AGENCY_START.test(l.compact) && PLACE.test(l.key));
  const short = head.find((l) => AGENCY_START.test(l.compact) && l.text.length < 80);
  let agency = placed
    ? readAgency(placed)
    : (proseAgency(lines.slice(0, headerEnd)) ?? (short ? readAgency(short) : null));

  let overallScore: number | null = null;
  let rating = '';
  for (const line of head) {
    // "คะแนนภาพรวม ITA ปี 2567 : 86.95": a year on the way is not the score.
    const score = /คะแนน(?:ภาพรวม|รวม)(?:[^\d]|25\d\d)*?(?<!\d)(\d{1,3}(?:\.\d+)?)(?!\d)/.exec(line.key);
    if (score && overallScore === null) {
      overallScore = Number(score[1]);
      // "คะแนนภาพรวมหน่วยงาน<name> : …" names the agency when no header line does.
      const named = /คะแนน(?:ภาพรวม|รวม)(?:ของ)?หน่วยงาน\s*(.+?)\s*:/.exec(line.text)?.[1];
      if (!agency && named) agency = { name: named, district: '', province: '' };
    }
    const level = /ระดับ(?:ผลการประเมิน|ผลคะแนน|คะแนน)?\s*[:：]?\s*(.+)$/.exec(line.text);
    if (level && !rating && line.compact.startsWith('ระดับ')) rating = (level[1] as string).trim();
  }
  // A header written as prose: "…ได้คะแนน 78.20 คะแนน อยู่ในระดับ ต้องปรับปรุง".
  for (const line of lines.slice(0, headerEnd)) {
    if (line.compact.startsWith('ตัวชี้วัด')) continue;
    const score = SCORE_IN_PROSE.exec(line.key);
    if (score && overallScore === null) overallScore = Number(score[1]);
    const level = RATING_IN_PROSE.exec(line.text);
    if (level && !rating) rating = level[1] as string;
  }
  for (const line of head) {
    if (overallScore !== null) break;
    if (line.compact.startsWith('ตัวชี้วัด') || !ASSESSMENT_LINE.test(line.key)) continue;
    const score = SCORE_BEFORE_WORD.exec(line.key);
    if (score && Number(score[1]) <= 100) overallScore = Number(score[1]);
  }

  const counts = new Map<number, number>();
  for (const line of lines) {
    for (const m of line.key.matchAll(ITA_YEAR)) {
      const y = Number(m[1]);
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  for (const line of head) {
    const m = /(?:ผลการประเมิน|การประเมินคุณธรรม)\S*.*?(?:ปี|พ\.ศ\.)\s*(25\d\d)/.exec(line.key);
    if (m && !line.compact.startsWith('มาตรการ'))
      counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  const assessmentYear = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? null;
  const title = head.find((l) => TITLE_YEAR.test(l.key) && l.text.length < 120);
  const titleYear = title ? Number(/(25\d\d)/.exec(title.key)?.[1]) : null;
  return { agency, overallScore, rating, assessmentYear, titleYear };
}
