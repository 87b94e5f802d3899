import { render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider } from 'preact-iso';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import { bangkokDate, fiscalYearOf } from '../../src/domain/fiscalCalendar';
import { commands } from '../../src/hooks/commands';
import { Layout } from '../../src/pages/Layout';
import { PlanPage } from '../../src/pages/PlanPage';
import { saveServerSettings } from '../../src/sync/serverSettings';
import { emptyApp, renderAt } from './renderRoutes';

// The service worker's update prompt: a build-time virtual module that happy-dom has no worker for.
vi.mock('../../src/hooks/usePwaUpdate', () => ({
  usePwaUpdate: () => ({ needRefresh: false, update: async () => undefined, dismiss: () => undefined }),
}));

const fiscalYear = fiscalYearOf(bangkokDate(new Date()));

async function plan() {
  const planId = await commands.createPlan({
    agency: { name: 'อบต.ตัวเลขไทย', district: '', province: '' },
    assessmentYear: fiscalYear - 1,
    fiscalYear,
    overallScore: null,
    rating: '',
    constraints: [],
  });
  const measureId = await commands.createMeasure(planId, {
    number: 7,
    title: 'เปิดเผยข้อมูล',
    responsible: '',
    period: null,
  });
  const action = await commands.createAction(measureId, { kind: 'step', number: '3.1', text: 'ลงเว็บไซต์' });
  await commands.createAction(measureId, { kind: 'method', number: '1.1', text: 'วางแนวทาง' });
  await commands.tickAction(action, { date: bangkokDate(new Date()), status: 'done', note: '' });
  return planId;
}

beforeEach(emptyApp);

describe('the Thai-digit setting', () => {
  it('writes the plan page’s progress figures, quarter table and measure count in Thai digits', async () => {
    const planId = await plan();
    await commands.saveDeviceSettings({ deviceName: '', staffName: '', digits: 'thai' });
    renderAt(`/plans/${planId}`, { '/plans/:planId': PlanPage });
    const bar = await screen.findByRole('progressbar', { name: 'ความคืบหน้าทั้งแผน' });
    await waitFor(() => expect(bar.getAttribute('aria-valuetext')).toBe('๑ จาก ๒ รายการ (๕๐%)'));
    expect(screen.getByRole('heading', { name: 'มาตรการ (๑)' })).toBeTruthy();
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: /ไตรมาส ๑/ })).toBeTruthy();
    expect(table.textContent).not.toMatch(/[0-9]/);
    expect(screen.getByRole('progressbar', { name: 'ความคืบหน้ามาตรการที่ ๗' })).toBeTruthy();
  });
});

describe('the header', () => {
  it('on a phone with no agency server says nothing about sending, however much was changed', async () => {
    await plan();
    render(
      <LocationProvider>
        <Layout>
          <h1>หน้า</h1>
        </Layout>
      </LocationProvider>,
    );
    await screen.findByText('ออนไลน์');
    await new Promise((r) => setTimeout(r, 50));
    expect(await db.outbox.count()).toBeGreaterThan(0);
    expect(screen.queryByTestId('sync-badge')).toBeNull();
    expect(document.querySelector('.app-header')!.textContent).not.toMatch(/รอส่ง|ยังไม่ได้ส่ง|\d/);
  });

  it('with a server, says in words how many changes have not been sent, as the sync page counts them', async () => {
    await plan();
    await saveServerSettings(db, {
      url: 'https://ita.example.go.th',
      token: 't',
      deviceId: 'd',
      enrolledAt: '2024-01-01T00:00:00.000Z',
    });
    const unsent = await db.outbox.filter((op) => op.sentAt === null).count();
    render(
      <LocationProvider>
        <Layout>
          <h1>หน้า</h1>
        </Layout>
      </LocationProvider>,
    );
    const badge = await screen.findByTestId('sync-badge');
    expect(badge.textContent).toBe(`ยังไม่ได้ส่ง ${unsent} รายการ ไปยังหน้าซิงก์ข้อมูล`);
    await db.outbox.toCollection().modify({ sentAt: '2024-01-02T00:00:00.000Z' });
    await waitFor(() => expect(screen.getByTestId('sync-badge').textContent).toMatch(/^ส่งครบแล้ว/));
  });
});
