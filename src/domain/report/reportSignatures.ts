/**
 * The signature block: the reporter (name, position, date) and the head of
 * the agency's acknowledgement. Names and positions are kept per plan, so
 * they are typed once; left blank, they print as dotted lines to fill by hand.
 */
import { formatThaiDate, type DigitStyle } from '../thaiFormat';
import type { IsoDate, ReportSignatures } from '../types';
import type { SignatureColumn } from './docModel';
import { inDigits } from './reportWords';

export const DOTS = '....................................................';
const SHORT_DOTS = '........../........../..........';

export function reportSignatures(
  signatures: ReportSignatures | undefined,
  today: IsoDate,
  digits: DigitStyle,
): SignatureColumn[] {
  const s = signatures ?? { reporterName: '', reporterPosition: '', headName: '', headPosition: '' };
  const name = (x: string) => `(${x.trim() || DOTS})`;
  const position = (x: string) => inDigits(`ตำแหน่ง ${x.trim() || DOTS}`, digits);
  return [
    {
      lines: [
        'ผู้รายงาน',
        `ลงชื่อ ${DOTS}`,
        name(s.reporterName),
        position(s.reporterPosition),
        `วันที่ ${formatThaiDate(today, { digits, long: true })}`,
      ],
    },
    {
      lines: [
        'ผู้บริหารรับทราบ',
        `ความเห็น ${DOTS}`,
        `ลงชื่อ ${DOTS}`,
        name(s.headName),
        position(s.headPosition),
        `วันที่ ${SHORT_DOTS}`,
      ],
    },
  ];
}
