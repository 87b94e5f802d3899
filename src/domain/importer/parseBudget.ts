/**
 * A measure's planned budget as written: "15,000 บาท", "๒๐,๐๐๐ บาท
 * (สองหมื่นบาทถ้วน)", "งบประมาณจากเงินอุดหนุน 50000", "1.5 ล้านบาท", or none
 * at all ("ไม่ใช้งบประมาณ", "-"), which is 0 baht. Null when no amount can
 * be read, so the importer warns rather than guesses.
 */
import { toArabicDigits } from '../thaiFormat';

const NONE = /^(?:[-–—]+|ไม่(?:ใช้|มี|ได้ใช้)(?:งบประมาณ)?|ไม่ต้องใช้งบประมาณ|ไม่ใช้จ่ายงบประมาณ)$/;

export function parseBudget(text: string): number | null {
  const key = toArabicDigits(text).replace(/\s+/g, ' ').trim();
  if (NONE.test(key.replace(/\s/g, ''))) return 0;
  const m = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*(ล้าน)?\s*(?:บาท)?/.exec(key);
  if (!m) return /ไม่(?:ใช้|มี)งบประมาณ/.test(key.replace(/\s/g, '')) ? 0 : null;
  const amount = Number(`${m[1]!.replace(/,/g, '')}${m[2] ? `.${m[2]}` : ''}`);
  return m[3] ? amount * 1_000_000 : amount;
}
