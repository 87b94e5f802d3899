/**
 * Wording shared by the report and the measures document: the agency line,
 * the assessment line, amounts, the file name. Digits follow the document's
 * choice (official documents default to Thai digits).
 */
import { ceToBe } from '../fiscalCalendar';
import { formatCode, formatNumber, type DigitStyle } from '../thaiFormat';
import type { Agency, IsoDate } from '../types';

/** `องค์การบริหารส่วนตำบลเรือเสาะออก อำเภอเรือเสาะ จังหวัดนราธิวาส`, without doubling a prefix already typed. */
export function agencyLine(agency: Agency): string {
  const district = agency.district.trim();
  const province = agency.province.trim();
  return [
    agency.name.trim(),
    district && (/^(อำเภอ|เขต|อ\.)/.test(district) ? district : `อำเภอ${district}`),
    province && (/^(จังหวัด|จ\.)|กรุงเทพ/.test(province) ? province : `จังหวัด${province}`),
  ]
    .filter(Boolean)
    .join(' ');
}

/** The ITA result the measures answer: year, overall score and rating, as far as known. */
export function assessmentLine(
  plan: { assessmentYear: number; overallScore: number | null; rating: string },
  digits: DigitStyle,
): string {
  const parts = [
    `ตามผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปี พ.ศ. ${formatNumber(plan.assessmentYear, { digits })}`,
  ];
  if (plan.overallScore !== null)
    parts.push(`คะแนนภาพรวม ${formatNumber(plan.overallScore, { digits })} คะแนน`);
  if (plan.rating.trim()) parts.push(`ระดับ${plan.rating.trim()}`);
  return parts.join(' ');
}

const amountFormats = new Map<DigitStyle, Intl.NumberFormat>();

/** `12,500.5`: grouped, at most two decimals, no unit (the column says บาท). */
export function formatAmount(amount: number, digits: DigitStyle): string {
  let format = amountFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat(digits === 'thai' ? 'th-TH-u-nu-thai' : 'th-TH-u-nu-latn', {
      maximumFractionDigits: 2,
    });
    amountFormats.set(digits, format);
  }
  return format.format(amount);
}

/** Text a person typed, in the document's digits (links keep theirs). */
export const inDigits = (text: string, digits: DigitStyle) => formatCode(text, { digits });

/**
 * A file name people recognise in their downloads: what, agency, year and
 * period, and the Bangkok date it was made (Buddhist era), without
 * characters file systems refuse.
 */
export function documentFileName(parts: string[], today: IsoDate): string {
  const [y, m, d] = today.split('-');
  const date = `${ceToBe(Number(y))}-${m}-${d}`;
  return (
    [...parts, date]
      // Characters Windows, Android or iOS refuse in a name (\s also takes tabs and newlines).
      .map((p) =>
        p
          .replace(/[\\/:*?"<>|]+/g, '-')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter(Boolean)
      .join(' ')
  );
}

const shortDates = new Map<DigitStyle, Intl.DateTimeFormat>();

/** `25 ต.ค. 66`: a table's date, two-digit Buddhist-era year, as Thai tables write it. */
export function shortDate(date: IsoDate, digits: DigitStyle): string {
  let format = shortDates.get(digits);
  if (!format) {
    format = new Intl.DateTimeFormat(
      digits === 'thai' ? 'th-TH-u-ca-buddhist-nu-thai' : 'th-TH-u-ca-buddhist-nu-latn',
      { timeZone: 'Asia/Bangkok', day: 'numeric', month: 'short', year: '2-digit' },
    );
    shortDates.set(digits, format);
  }
  return format.format(new Date(`${date}T12:00:00Z`));
}

/**
 * Meeting numbers as people write them: `1–3, 5/2567` for meetings 1, 2, 3
 * and 5 of 2567; numbers in another form are listed as they are.
 */
export function meetingNumbers(numbers: string[]): string {
  const byYear = new Map<string, number[]>();
  const other: string[] = [];
  for (const n of numbers) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(n);
    if (!m) other.push(n.trim());
    else byYear.set(m[2]!, [...(byYear.get(m[2]!) ?? []), Number(m[1])]);
  }
  const groups = [...byYear].map(([year, list]) => {
    const sorted = [...new Set(list)].sort((a, b) => a - b);
    const ranges: string[] = [];
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
      ranges.push(j - i >= 2 ? `${sorted[i]}–${sorted[j]}` : sorted.slice(i, j + 1).join(', '));
      i = j + 1;
    }
    return `${ranges.join(', ')}/${year}`;
  });
  return [...groups, ...other].join(', ');
}
