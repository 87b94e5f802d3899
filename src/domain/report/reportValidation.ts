/**
 * What a person types on the report pages: the signature names (kept per
 * plan) and next year's assessment result. Thai messages per field; the
 * clean value or the errors, never both.
 */
import type { Validated } from '../validation';
import { toArabicDigits } from '../thaiFormat';
import type { ReportSignatures } from '../types';
import type { NewAssessment } from '../nextYearPlan';

const MAX = 200;

export function validateSignatures(form: ReportSignatures): Validated<ReportSignatures> {
  const value = {
    reporterName: form.reporterName.trim(),
    reporterPosition: form.reporterPosition.trim(),
    headName: form.headName.trim(),
    headPosition: form.headPosition.trim(),
  };
  const errors: Record<string, string> = {};
  for (const [key, text] of Object.entries(value)) {
    if (text.length > MAX) errors[key] = `ยาวเกินไป (${text.length} ตัวอักษร) ใส่ได้ไม่เกิน ${MAX} ตัวอักษร`;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

export interface AssessmentForm {
  assessmentYear: string;
  overallScore: string;
  rating: string;
}

export function validateAssessment(form: AssessmentForm, fiscalYear: number): Validated<NewAssessment> {
  const errors: Record<string, string> = {};
  const year = toArabicDigits(form.assessmentYear.trim());
  if (!/^\d{4}$/.test(year) || Number(year) < fiscalYear - 2 || Number(year) > fiscalYear) {
    errors.assessmentYear = `ปีที่ประเมิน ITA ต้องเป็นปี พ.ศ. 4 หลัก ระหว่าง ${fiscalYear - 2} ถึง ${fiscalYear}`;
  }
  const scoreText = toArabicDigits(form.overallScore.trim());
  const score = scoreText === '' ? null : Number(scoreText);
  if (score !== null && (!/^\d+(\.\d+)?$/.test(scoreText) || score > 100)) {
    errors.overallScore = 'คะแนนต้องเป็นตัวเลข 0–100 หรือเว้นว่างไว้ถ้ายังไม่ทราบผล';
  }
  const rating = form.rating.trim();
  if (rating.length > MAX) errors.rating = `ยาวเกินไป ใส่ได้ไม่เกิน ${MAX} ตัวอักษร`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { assessmentYear: Number(year), overallScore: score, rating } };
}
