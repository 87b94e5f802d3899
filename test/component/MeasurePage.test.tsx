import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { commands } from '../../src/hooks/commands';
import { fiscalYearOf, bangkokDate } from '../../src/domain/fiscalCalendar';
import { MeasurePage } from '../../src/pages/MeasurePage';
import { ActionHistoryPage } from '../../src/pages/ActionHistoryPage';
import { emptyApp, renderAt } from './renderRoutes';

const fiscalYear = fiscalYearOf(bangkokDate(new Date()));

async function seed() {
  const planId = await commands.createPlan({
    agency: { name: 'อบต.ทดสอบ', district: '', province: '' },
    assessmentYear: fiscalYear - 1,
    fiscalYear,
    overallScore: 90,
    rating: 'ผ่านดี',
    constraints: [],
  });
  const measureId = await commands.createMeasure(planId, {
    number: 1,
    title: 'ความโปร่งใส',
    responsible: 'สำนักปลัด',
    period: null,
  });
  await commands.createAction(measureId, { kind: 'method', number: '1.1', text: 'จัดทำคู่มือ' });
  await commands.createAction(measureId, { kind: 'step', number: '3.1', text: 'เผยแพร่บนเว็บไซต์' });
  return measureId;
}

const ROUTES = {
  '/measures/:measureId': MeasurePage,
  '/actions/:actionId/history': ActionHistoryPage,
};

beforeEach(emptyApp);

describe('measure page', () => {
  it('ticking an action updates the measure progress', async () => {
    const measureId = await seed();
    renderAt(`/measures/${measureId}`, ROUTES);
    const progress = await screen.findByRole('progressbar', { name: 'ความคืบหน้าของมาตรการ' });
    expect(progress.getAttribute('aria-valuetext')).toMatch(/^0 จาก 2/);

    fireEvent.click(screen.getByRole('button', { name: /ลงผล 3\.1/ }));
    const form = await screen.findByRole('form', { name: /ลงผลการดำเนินการ 3\.1/ });
    fireEvent.click(within(form).getByLabelText('ดำเนินการแล้ว'));
    fireEvent.input(within(form).getByLabelText('บันทึก (ถ้ามี)'), { target: { value: 'ลงเว็บแล้ว' } });
    fireEvent.click(within(form).getByRole('button', { name: 'บันทึกผล' }));

    await waitFor(() =>
      expect(
        screen.getByRole('progressbar', { name: 'ความคืบหน้าของมาตรการ' }).getAttribute('aria-valuetext'),
      ).toMatch(/^1 จาก 2/),
    );
    expect(screen.getByText('ลงเว็บแล้ว')).toBeTruthy();
    expect(screen.queryByRole('form', { name: /ลงผลการดำเนินการ/ })).toBeNull();
  });

  it('refuses a tick dated outside the plan fiscal year with a Thai message and saves nothing', async () => {
    const measureId = await seed();
    renderAt(`/measures/${measureId}`, ROUTES);
    fireEvent.click(await screen.findByRole('button', { name: /ลงผล 1\.1/ }));
    const form = await screen.findByRole('form', { name: /ลงผลการดำเนินการ 1\.1/ });
    fireEvent.input(within(form).getByLabelText('วันที่ดำเนินการ'), {
      target: { value: `${fiscalYear - 543 - 2}-01-01` },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'บันทึกผล' }));
    expect(await within(form).findByText(new RegExp(`ต้องอยู่ในปีงบประมาณ ${fiscalYear}`))).toBeTruthy();
    expect(await db.progress.count()).toBe(0);
  });

  it('shows the undone tick in the action history', async () => {
    const measureId = await seed();
    const action = (await db.actions.where('measureId').equals(measureId).toArray()).find(
      (a) => a.number === '1.1',
    )!;
    const tick = await commands.tickAction(action.id, {
      date: bangkokDate(new Date()),
      status: 'done',
      note: 'ครั้งแรก',
    });
    await commands.undoTick(tick);
    renderAt(`/actions/${action.id}/history`, ROUTES);
    expect(await screen.findByText(/ยกเลิกการลงผล/)).toBeTruthy();
    expect(screen.getByText(/ลงผล: ดำเนินการแล้ว .*ครั้งแรก/)).toBeTruthy();
    expect(screen.getByText('สร้างรายการ')).toBeTruthy();
  });
});
