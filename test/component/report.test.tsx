import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { commands } from '../../src/hooks/commands';
import { planCommands } from '../../src/hooks/planLock';
import { MeasuresDocumentPage } from '../../src/pages/MeasuresDocumentPage';
import { NextYearPage } from '../../src/pages/NextYearPage';
import { PlanChangesPage } from '../../src/pages/PlanChangesPage';
import { PlanPage } from '../../src/pages/PlanPage';
import { SummaryPage } from '../../src/pages/SummaryPage';
import { planInput } from '../unit/db/testDb';
import { emptyApp, renderAt } from './renderRoutes';

const ROUTES = {
  '/plans/:planId': PlanPage,
  '/plans/:planId/summary/:period': SummaryPage,
  '/plans/:planId/measures-document': MeasuresDocumentPage,
  '/plans/:planId/next-year': NextYearPage,
  '/plans/:planId/changes': PlanChangesPage,
};

beforeEach(emptyApp);

/** Lets the page's first effects run, as they have long before a person's first keystroke. */
const settle = () => new Promise((r) => setTimeout(r, 50));

async function seed() {
  const planId = await commands.createPlan(planInput);
  const m = await commands.createMeasure(planId, {
    number: 1,
    title: 'เปิดเผยข้อมูล',
    responsible: 'สำนักปลัด',
    period: { start: '2023-10-01', end: '2024-09-30' },
  });
  await commands.createAction(m, { kind: 'method', number: '1.1', text: 'ประชาสัมพันธ์ช่องทางร้องเรียน' });
  await commands.createAction(m, { kind: 'step', number: '3.1', text: 'ลงเว็บไซต์' });
  return { planId, m };
}

describe('who signs the report', () => {
  it('keeps the names on the plan, prints them, and refuses a name too long with a Thai message', async () => {
    const { planId } = await seed();
    renderAt(`/plans/${planId}/summary/year`, ROUTES);
    fireEvent.click(await screen.findByText('ผู้ลงนามในรายงาน'));
    await settle();
    fireEvent.input(screen.getByLabelText('ชื่อผู้รายงาน'), { target: { value: 'x'.repeat(201) } });
    fireEvent.click(screen.getByRole('button', { name: 'บันทึกผู้ลงนาม' }));
    expect(await screen.findByText('ยาวเกินไป (201 ตัวอักษร) ใส่ได้ไม่เกิน 200 ตัวอักษร')).toBeTruthy();
    expect((await db.plans.get(planId))!.signatures).toBeUndefined();

    fireEvent.click(await screen.findByText('ผู้ลงนามในรายงาน'));
    await settle();
    fireEvent.input(screen.getByLabelText('ชื่อผู้รายงาน'), { target: { value: ' นางสาวสมศรี ใจดี ' } });
    fireEvent.input(screen.getByLabelText('ตำแหน่งผู้บริหาร'), { target: { value: 'นายก อบต.' } });
    fireEvent.click(screen.getByRole('button', { name: 'บันทึกผู้ลงนาม' }));
    const preview = screen.getByRole('region', { name: 'ตัวอย่างเอกสารตามที่จะพิมพ์' });
    await waitFor(() => expect(within(preview).getByText('(นางสาวสมศรี ใจดี)')).toBeTruthy());
    expect(within(preview).getByText('ตำแหน่ง นายก อบต.')).toBeTruthy();
    expect((await db.plans.get(planId))!.signatures).toEqual({
      reporterName: 'นางสาวสมศรี ใจดี',
      reporterPosition: '',
      headName: '',
      headPosition: 'นายก อบต.',
    });
  });
});

describe('the measures document page', () => {
  it('shows the plan’s methods and steps in full, with print and Word buttons', async () => {
    const { planId } = await seed();
    renderAt(`/plans/${planId}/measures-document`, ROUTES);
    const preview = await screen.findByRole('region', { name: 'ตัวอย่างเอกสารตามที่จะพิมพ์' });
    expect(within(preview).getByText('๑.๑) ประชาสัมพันธ์ช่องทางร้องเรียน')).toBeTruthy();
    expect(within(preview).getByText('๓.๑) ลงเว็บไซต์')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'พิมพ์ / บันทึกเป็น PDF' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'ดาวน์โหลดไฟล์ Word (.docx)' })).toBeTruthy();
  });
});

describe('สร้างแผนปีถัดไป', () => {
  it('refuses a wrong year with a Thai message, then makes the plan and locks last year’s with an unlock button', async () => {
    const { planId } = await seed();
    renderAt(`/plans/${planId}`, ROUTES);
    fireEvent.click(await screen.findByRole('link', { name: 'สร้างแผนปีถัดไป' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'สร้างแผนปีงบประมาณ 2568' })).toBeTruthy();
    fireEvent.input(screen.getByLabelText('ผลการประเมิน ITA ปี พ.ศ.'), { target: { value: '67' } });
    fireEvent.click(screen.getByRole('button', { name: 'สร้างแผนปีถัดไป' }));
    expect(await screen.findByText('ปีที่ประเมิน ITA ต้องเป็นปี พ.ศ. 4 หลัก ระหว่าง 2566 ถึง 2568')).toBeTruthy();
    expect(await db.plans.count()).toBe(1);

    fireEvent.input(screen.getByLabelText('ผลการประเมิน ITA ปี พ.ศ.'), { target: { value: '๒๕๖๗' } });
    fireEvent.input(screen.getByLabelText('คะแนนภาพรวม'), { target: { value: '96.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'สร้างแผนปีถัดไป' }));
    await waitFor(async () => expect(await db.plans.count()).toBe(2));
    const next = (await db.plans.where('fiscalYear').equals(2568).first())!;
    expect(next).toMatchObject({ assessmentYear: 2567, overallScore: 96.5, previousPlanId: planId });
    expect(await db.actions.where('planId').equals(next.id).count()).toBe(2);

    // Last year's plan says it is read-only, and unlocks on purpose.
    renderAt(`/plans/${planId}`, ROUTES);
    expect(await screen.findByText(/เปิดให้อ่านอย่างเดียว/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'สร้างแผนปีถัดไป' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'ปลดล็อกแผนนี้' }));
    expect(await screen.findByRole('button', { name: 'ล็อกอีกครั้ง' })).toBeTruthy();
    await planCommands.lockPlan(planId);
  });

  it('compares this year’s plan with last year’s, measure by measure', async () => {
    const { planId } = await seed();
    const nextId = await planCommands.createNextYearPlan(planId, {
      assessmentYear: 2567,
      overallScore: null,
      rating: '',
    });
    const measure = (await db.measures.where('planId').equals(nextId).first())!;
    await commands.createAction(measure.id, { kind: 'step', number: '3.2', text: 'รายงานผู้บริหาร' });
    await commands.createMeasure(nextId, { number: 2, title: 'จัดซื้อจัดจ้าง', responsible: '', period: null });
    renderAt(`/plans/${nextId}/changes`, ROUTES);
    expect(await screen.findByText('เพิ่ม 3.2 รายงานผู้บริหาร')).toBeTruthy();
    expect(screen.getByRole('heading', { name: /2\. จัดซื้อจัดจ้าง \(ใหม่\)/ })).toBeTruthy();
  });
});
