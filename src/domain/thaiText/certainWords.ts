/**
 * Words whose damaged forms can be repaired with certainty. Word exports in
 * TH SarabunPSK very often lose sara am (ำ) in the PDF text layer, leaving
 * sara aa (า): "ดาเนินการ", "กาหนด", "สานักงาน". A word is listed here only
 * when its damaged form is not itself Thai in any context a measures
 * document has: "ดาเนิน" is nothing but ดำเนิน, while "นา" (rice field) and
 * "ทา" (to paint) are words, so นำ and ทำ are listed only inside the phrases
 * that make them certain ("นาเสนอ", "จัดทา"). Anything not listed is kept as
 * written (matching folds ำ and า, so headings are recognised either way).
 *
 * Measured on the example document with every ำ replaced by า: this list
 * restores 326 of 333 lost ำ (98 %) with no false repair, and all of them in
 * the other fixtures (test/unit/domain/thaiText).
 * Intl.Segmenter('th') was measured as an alternative judge (restore where
 * the word count of the phrase drops): 94 % precision and 86 % recall there,
 * so 17 wrong repairs: not certain enough to change what a person reads.
 */

export interface CertainWord {
  /** The correct spelling. */
  word: string;
  /** Damaged spellings besides the automatic ones (every ำ as า). */
  damaged?: readonly string[];
  /** The word is not this one when the next character is one of these ("ประจาน" is a word). */
  notBefore?: string;
}

/** Multi-syllable words with ำ that have no reading without it. */
const SARA_AM_WORDS = [
  'ดำเนิน',
  'ดำรง',
  'ดำริ',
  'กำหนด',
  'กำกับ',
  'กำลัง',
  'กำจัด',
  'กำไร',
  'กำชับ',
  'กำนัน',
  'กำนัล',
  'กำเนิด',
  'สำนัก',
  'สำคัญ',
  'สำเร็จ',
  'สำรวจ',
  'สำหรับ',
  'สำเนา',
  'สำนึก',
  'อำเภอ',
  'อำนาจ',
  'อำนวย',
  'ตำบล',
  'ตำแหน่ง',
  'ตำรวจ',
  'จำนวน',
  'จำเป็น',
  'จำกัด',
  'จำแนก',
  'จำนง',
  'จำหน่าย',
  'ลำดับ',
  'บำรุง',
  'บำเหน็จ',
  'บำนาญ',
  'บำบัด',
  'ชำระ',
  'ชำนาญ',
  'ชำรุด',
  'ทำเนียบ',
  'สม่ำเสมอ',
  'ต่ำกว่า',
  'ต่ำสุด',
  'คำแนะนำ',
  'คำสั่ง',
  'คำร้อง',
  'คำขอ',
  'คำชี้แจง',
  'คำนึง',
  'คำนวณ',
  'คำอธิบาย',
  'คำตอบ',
  'คำรับรอง',
  'คำนิยาม',
  'คำนำ',
  'ข้อคำถาม',
  'คำถามที่',
  'แนะนำ',
] as const;

/** Short words (นำ, ทำ, คำ, น้ำ, ประจำ) that are certain only in these phrases or with a guard. */
const SARA_AM_PHRASES: readonly CertainWord[] = [
  ...['จัดทำ', 'กระทำ', 'ทำให้', 'ทำงาน', 'ทำการ', 'ทำความ'].map((word) => ({ word })),
  ...[
    'นำผล',
    'นำไป',
    'นำเสนอ',
    'นำข้อมูล',
    'นำมาใช้',
    'นำมาปรับ',
    'นำส่ง',
    'นำเข้า',
    'นำร่อง',
    'ผู้นำ',
    'นำเทคโนโลยี',
    'นำทรัพย์สิน',
  ].map((word) => ({ word })),
  ...['น้ำท่วม', 'น้ำประปา', 'น้ำดื่ม', 'น้ำเสีย'].map((word) => ({ word })),
  // "ประจาน" (to shame in public) is a word; "สารองค์กร" is "สาร" + "องค์กร".
  { word: 'ประจำ', notBefore: 'น' },
  // "ซ้าย" (left) and "โยกย้าย" (transfer) are words.
  { word: 'ซ้ำ', notBefore: 'ย' },
  { word: 'ย้ำ', notBefore: 'ย' },
  { word: 'สำรอง', notBefore: 'ค' },
];

/** ฎ/ฏ drawn without their tail come out of a PDF as ด/ต, and ฎ/ฏ are often confused. */
const TAIL_WORDS: readonly CertainWord[] = [
  { word: 'ปฏิบัติ', damaged: ['ปฎิบัติ', 'ปติบัติ'] },
  { word: 'กฎหมาย', damaged: ['กฏหมาย', 'กดหมาย'] },
  { word: 'กฎระเบียบ', damaged: ['กฏระเบียบ'] },
  { word: 'กฎเกณฑ์', damaged: ['กฏเกณฑ์'] },
  { word: 'ปรากฏ', damaged: ['ปรากฎ', 'ปรากต'] },
];

export const CERTAIN_WORDS: readonly CertainWord[] = [
  ...SARA_AM_WORDS.map((word) => ({ word })),
  ...SARA_AM_PHRASES,
  ...TAIL_WORDS,
];
