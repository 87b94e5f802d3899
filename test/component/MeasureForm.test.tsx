import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { bangkokDate, fiscalYearOf } from '../../src/domain/fiscalCalendar';
import { commands } from '../../src/hooks/commands';
import { MeasureFormPage } from '../../src/pages/MeasureFormPage';
import { emptyApp, renderAt } from './renderRoutes';

const fiscalYear = fiscalYearOf(bangkokDate(new Date()));
const ROUTES = { '/measures/:measureId/edit': MeasureFormPage, '/measures/:measureId': () => null };

beforeEach(emptyApp);

describe('the measure form', () => {
  it('keeps a budget typed "15,000" and a success indicator, and reads them back as typed', async () => {
    const planId = await commands.createPlan({
      agency: { name: 'อบต.งบประมาณ', district: '', province: '' },
      assessmentYear: fiscalYear - 1,
      fiscalYear,
      overallScore: null,
      rating: '',
      constraints: [],
    });
    const id = await commands.createMeasure(planId, {
      number: 1,
      title: 'เปิดเผยข้อมูล',
      responsible: '',
      period: null,
    });
    renderAt(`/measures/${id}/edit`, ROUTES);
    fireEvent.input(await screen.findByLabelText('งบประมาณ (บาท)'), { target: { value: '15,000' } });
    fireEvent.input(screen.getByLabelText('ตัวชี้วัดความสำเร็จ'), { target: { value: 'เผยแพร่ครบ 12 เดือน' } });
    fireEvent.click(screen.getByRole('button', { name: 'บันทึก' }));
    await waitFor(async () => expect((await db.measures.get(id))?.budget).toBe(15000));
    expect((await db.measures.get(id))?.successIndicator).toBe('เผยแพร่ครบ 12 เดือน');

    cleanup();
    renderAt(`/measures/${id}/edit`, ROUTES);
    await waitFor(() =>
      expect((screen.getByLabelText('งบประมาณ (บาท)') as HTMLInputElement).value).toBe('15,000'),
    );
  });

  it('refuses a budget in words with a Thai message and saves nothing', async () => {
    const planId = await commands.createPlan({
      agency: { name: 'อบต.งบประมาณ', district: '', province: '' },
      assessmentYear: fiscalYear - 1,
      fiscalYear,
      overallScore: null,
      rating: '',
      constraints: [],
    });
    const id = await commands.createMeasure(planId, {
      number: 1,
      title: 'เปิดเผยข้อมูล',
      responsible: '',
      period: null,
    });
    const before = await db.outbox.count();
    renderAt(`/measures/${id}/edit`, ROUTES);
    fireEvent.input(await screen.findByLabelText('งบประมาณ (บาท)'), { target: { value: 'สองหมื่นบาท' } });
    fireEvent.click(screen.getByRole('button', { name: 'บันทึก' }));
    expect(await screen.findByText('งบประมาณต้องเป็นจำนวนเงิน (บาท) ไม่ติดลบ เช่น 15,000')).toBeTruthy();
    expect(await db.outbox.count()).toBe(before);
  });
});
