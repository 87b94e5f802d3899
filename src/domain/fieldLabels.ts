/**
 * Thai names of record fields, for people reading a history or choosing
 * between two values in a conflict. A field not listed shows its own name.
 */
export const FIELD_LABELS: Record<string, string> = {
  results: 'ผลการดำเนินงาน',
  budgetSpent: 'งบประมาณที่ใช้',
  problems: 'ปัญหา อุปสรรค',
  suggestions: 'ข้อเสนอแนะ',
  progress: 'ความก้าวหน้า',
  title: 'ชื่อ',
  attendees: 'จำนวนผู้เข้าประชุม',
  notes: 'บันทึกการประชุม',
  closedAt: 'การปิดการประชุม',
  text: 'รายละเอียด',
  number: 'ลำดับ',
  kind: 'ประเภท',
  status: 'สถานะ',
  note: 'บันทึก',
  date: 'วันที่',
  deletedAt: 'การลบ',
  responsible: 'ผู้รับผิดชอบ',
  responsibleUnits: 'หน่วยงานที่รับผิดชอบ',
  period: 'ระยะเวลาดำเนินการ',
  name: 'ชื่อ',
  url: 'ลิงก์',
  agency: 'หน่วยงาน',
  fiscalYear: 'ปีงบประมาณ',
  assessmentYear: 'ปีที่ประเมิน',
  overallScore: 'คะแนนรวม',
  rating: 'ผลการประเมิน',
  constraints: 'ข้อจำกัด',
};

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field;
