import { screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../src/hooks/commands';
import { PlansPage } from '../../src/pages/PlansPage';
import { planInput } from '../unit/db/testDb';
import { emptyApp, renderAt } from './renderRoutes';

beforeEach(emptyApp);

describe('the plans list', () => {
  it('shows each plan with its measure count, then its progress counted from the ticks', async () => {
    const planId = await commands.createPlan({
      ...planInput,
      agency: { ...planInput.agency, name: 'อบต.หน้าแรก' },
    });
    const m = await commands.createMeasure(planId, {
      number: 1,
      title: 'เปิดเผยข้อมูล',
      responsible: '',
      period: null,
    });
    const a1 = await commands.createAction(m, { kind: 'step', number: '3.1', text: 'ลงเว็บไซต์' });
    await commands.createAction(m, { kind: 'step', number: '3.2', text: 'ติดประกาศ' });
    await commands.tickAction(a1, { date: '2024-01-10', status: 'done', note: '' });

    renderAt('/', { '/': PlansPage });
    expect((await screen.findByRole('link', { name: /อบต\.หน้าแรก/ })).textContent).toContain(
      'ปีงบประมาณ 2567 · 1 มาตรการ',
    );
    const bar = screen.getByRole('progressbar', { name: 'ความคืบหน้า อบต.หน้าแรก' });
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('1'));
    expect(bar.getAttribute('aria-valuemax')).toBe('2');
    expect(bar.getAttribute('aria-valuetext')).toBe('1 จาก 2 รายการ (50%)');
  });
});
