import { fireEvent, render, screen, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import type { Finding, TickStatus } from '../../src/domain/types';
import { commands } from '../../src/hooks/commands';
import { DashboardPage } from '../../src/pages/DashboardPage';

// 15 July 2024, 10:00 in Bangkok: fiscal year 2567, quarter 4.
const NOW = new Date('2024-07-15T03:00:00.000Z');

const finding = (kind: Finding['kind'], code: string, score: number, text: string): Finding => ({
  kind,
  instrument: code.startsWith('i') ? 'IIT' : code.startsWith('e') ? 'EIT' : 'OIT',
  indicator: null,
  code,
  text,
  score,
  analysis: '',
});

async function seed() {
  const planId = await commands.createPlan({
    agency: { name: 'อบต.ทดสอบ', district: '', province: '' },
    assessmentYear: 2566,
    fiscalYear: 2567,
    overallScore: 90,
    rating: 'ผ่านดี',
    constraints: [],
  });
  // Measure 1 has two responsible units: its actions count for both.
  const m1 = await commands.createMeasure(planId, {
    number: 1,
    title: 'การเปิดเผยข้อมูล',
    responsible: 'สำนักปลัด/กองคลัง',
    period: { start: '2023-10-01', end: '2024-09-30' },
  });
  // Ended on 30 June with a step left: overdue.
  const m2 = await commands.createMeasure(planId, {
    number: 2,
    title: 'การป้องกันการทุจริต',
    responsible: 'กองช่าง',
    period: { start: '2024-04-01', end: '2024-06-30' },
  });
  // Ends within the month: due.
  const m3 = await commands.createMeasure(planId, {
    number: 3,
    title: 'การจัดซื้อจัดจ้าง',
    responsible: 'กองคลัง',
    period: { start: '2024-07-01', end: '2024-08-10' },
  });
  const act = (measureId: string, number: string) =>
    commands.createAction(measureId, { kind: 'step', number, text: `ขั้นตอน ${number}` });
  const tick = (actionId: string, date: string, status: TickStatus = 'done') =>
    commands.tickAction(actionId, { date, status, note: '' });

  await tick(await act(m1, '3.1'), '2024-01-20'); // Q2
  await tick(await act(m1, '3.2'), '2024-07-10'); // Q4
  await act(m1, '3.3');
  await tick(await act(m2, '3.1'), '2024-05-01', 'in_progress');
  await tick(await act(m2, '3.2'), '2024-07-12'); // Q4
  await tick(await act(m3, '3.1'), '2023-11-15'); // Q1
  await tick(await act(m3, '3.2'), '2024-02-01'); // Q2
  await tick(await act(m3, '3.3'), '2024-07-05'); // Q4
  await act(m3, '3.4');

  // No command edits findings yet (the importer brings them in with the measure).
  await db.measures.update(m1, {
    findings: [
      finding('weakness', 'i13', 80.5, 'ผู้บริหารเปิดโอกาสให้เจ้าหน้าที่มีส่วนร่วม'),
      finding('strength', 'o11', 99, 'ข้อมูลข่าวสารประชาสัมพันธ์'),
    ],
  });
  await db.measures.update(m3, {
    findings: [
      finding('weakness', 'o39', 90, 'การเปิดเผยผลการจัดซื้อจัดจ้าง'),
      finding('weakness', 'e11', 72.25, 'การติดต่อผ่านช่องทางออนไลน์'),
    ],
  });
  return { planId, m1, m2, m3 };
}

function renderAt(url: string) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>
        <Route path="/plans/:planId/dashboard" component={DashboardPage} />
        <Route default component={() => <p>ไม่มีหน้านี้</p>} />
      </Router>
    </LocationProvider>,
  );
}

/** Each bar's label and figure, as the chart writes them. */
function bars(svg: Element): string[] {
  return [...svg.querySelectorAll('.chart-row')].map(
    (row) =>
      `${[...row.querySelectorAll('.chart-label tspan')].map((t) => t.textContent).join('')} ${row.querySelector('.chart-value')?.textContent}`,
  );
}

function description(svg: Element): string {
  return document.getElementById(svg.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
}

/** Opens the chart's folded table and reads each row: name, note under it, done/total, percent. */
function table(region: HTMLElement, name: string): string[][] {
  fireEvent.click(within(region).getByText(/^ดูเป็นตาราง/));
  const t = within(region).getByRole('table', { name });
  return [...t.querySelectorAll('tbody tr')].map((tr) => {
    const [th, ...tds] = [...tr.children];
    return [
      th!.firstChild?.textContent ?? '',
      th!.querySelector('.sub')?.textContent ?? '',
      ...tds.map((c) => c.textContent ?? ''),
    ];
  });
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  await Promise.all(db.tables.map((t) => t.clear()));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('dashboard page', () => {
  it('shows overall progress and the date in the Buddhist era', async () => {
    const { planId } = await seed();
    renderAt(`/plans/${planId}/dashboard`);
    expect(await screen.findByRole('heading', { level: 1, name: 'ภาพรวมความคืบหน้า' })).toBeTruthy();
    const total = screen.getByRole('progressbar', { name: 'ความคืบหน้าทั้งแผน' });
    expect(total.getAttribute('aria-valuetext')).toBe('6 จาก 9 รายการ (67%)');
    expect(screen.getByText(/ข้อมูล ณ วันที่ 15 กรกฎาคม 2567/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'อบต.ทดสอบ' }).getAttribute('href')).toBe(`/plans/${planId}`);
  });

  it('charts progress by measure with each bar labelled, and the same figures in its table', async () => {
    const { planId } = await seed();
    renderAt(`/plans/${planId}/dashboard`);
    const region = await screen.findByRole('region', { name: 'ตามมาตรการ' });
    const svg = within(region).getByRole('img', { name: 'ความคืบหน้าตามมาตรการ' });
    expect(bars(svg)).toEqual([
      '1. การเปิดเผยข้อมูล 2/3 (67%)',
      '2. การป้องกันการทุจริต 1/2 (50%)',
      '3. การจัดซื้อจัดจ้าง 3/4 (75%)',
    ]);
    expect(description(svg)).toBe(
      '1. การเปิดเผยข้อมูล: 2/3 (67%) อยู่ในช่วงดำเนินการ; ' +
        '2. การป้องกันการทุจริต: 1/2 (50%) เลยกำหนด; ' +
        '3. การจัดซื้อจัดจ้าง: 3/4 (75%) ใกล้ครบกำหนด',
    );
    expect(table(region, 'ความคืบหน้าตามมาตรการ')).toEqual([
      ['1. การเปิดเผยข้อมูล', 'อยู่ในช่วงดำเนินการ', '2/3', '67%'],
      ['2. การป้องกันการทุจริต', 'เลยกำหนด', '1/2', '50%'],
      ['3. การจัดซื้อจัดจ้าง', 'ใกล้ครบกำหนด', '3/4', '75%'],
    ]);
  });

  it('charts progress by responsible unit, counting a shared measure for each of its units', async () => {
    const { planId } = await seed();
    renderAt(`/plans/${planId}/dashboard`);
    const region = await screen.findByRole('region', { name: 'ตามหน่วยงานที่รับผิดชอบ' });
    const svg = within(region).getByRole('img', { name: 'ความคืบหน้าตามหน่วยงานที่รับผิดชอบ' });
    expect(bars(svg)).toEqual(['กองคลัง 5/7 (71%)', 'กองช่าง 1/2 (50%)', 'สำนักปลัด 2/3 (67%)']);
    expect(table(region, 'ความคืบหน้าตามหน่วยงานที่รับผิดชอบ')).toEqual([
      ['กองคลัง', '', '5/7', '71%'],
      ['กองช่าง', '', '1/2', '50%'],
      ['สำนักปลัด', '', '2/3', '67%'],
    ]);
  });

  it('charts the quarters of the fiscal year and marks the current one in words', async () => {
    const { planId } = await seed();
    renderAt(`/plans/${planId}/dashboard`);
    const region = await screen.findByRole('region', { name: 'ตามไตรมาส' });
    const name = 'วิธีการและขั้นตอนที่ดำเนินการแล้วในแต่ละไตรมาส ปีงบประมาณ 2567';
    const svg = within(region).getByRole('img', { name });
    expect([...svg.querySelectorAll('.chart-col')].map((c) => c.textContent)).toEqual([
      '1/9(11%)ไตรมาส 1ต.ค.–ธ.ค.',
      '2/9(22%)ไตรมาส 2ม.ค.–มี.ค.',
      '0/9(0%)ไตรมาส 3เม.ย.–มิ.ย.',
      '3/9(33%)ไตรมาส 4ก.ค.–ก.ย.ไตรมาสนี้',
    ]);
    expect(description(svg)).toContain('ไตรมาส 4 (ก.ค.–ก.ย.): 3/9 (33%) ไตรมาสนี้');
    expect(table(region, name)).toEqual([
      ['ไตรมาส 1 (ต.ค.–ธ.ค.)', '', '1/9', '11%'],
      ['ไตรมาส 2 (ม.ค.–มี.ค.)', '', '2/9', '22%'],
      ['ไตรมาส 3 (เม.ย.–มิ.ย.)', '', '0/9', '0%'],
      ['ไตรมาส 4 (ก.ค.–ก.ย.)', 'ไตรมาสนี้', '3/9', '33%'],
    ]);
  });

  it('lists the overdue measure first, then the one due soon, each linking to the measure', async () => {
    const { planId, m1, m2, m3 } = await seed();
    renderAt(`/plans/${planId}/dashboard`);
    const region = await screen.findByRole('region', { name: 'มาตรการที่ต้องเร่งติดตาม' });
    const links = within(region).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual([`/measures/${m2}`, `/measures/${m3}`]);
    expect(links[0]!.textContent).toBe('เลยกำหนด2. การป้องกันการทุจริตสิ้นสุด 30 มิ.ย. 2567 · ยังเหลือ 1 จาก 2 รายการ');
    expect(links[1]!.textContent).toBe('ใกล้ครบกำหนด3. การจัดซื้อจัดจ้างสิ้นสุด 10 ส.ค. 2567 · ยังเหลือ 1 จาก 4 รายการ');
    expect(within(region).queryByText(/การเปิดเผยข้อมูล/)).toBeNull();
    expect(links.some((l) => l.getAttribute('href') === `/measures/${m1}`)).toBe(false);
    expect(screen.getByText('เลยกำหนด 1 มาตรการ · ใกล้ครบกำหนด 1 มาตรการ')).toBeTruthy();
  });

  it('lists the weak ITA items lowest score first, with their measure, and leaves strengths out', async () => {
    const { planId, m1, m3 } = await seed();
    renderAt(`/plans/${planId}/dashboard`);
    const region = await screen.findByRole('region', { name: 'จุดอ่อนจากผลการประเมิน ITA' });
    const items = within(region).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.weak-head')?.textContent)).toEqual([
      'E11คะแนน 72.25',
      'I13คะแนน 80.5',
      'O39คะแนน 90',
    ]);
    expect(items[0]!.textContent).toContain('การติดต่อผ่านช่องทางออนไลน์');
    expect(within(items[0]!).getByRole('link', { name: 'มาตรการที่ 3' }).getAttribute('href')).toBe(
      `/measures/${m3}`,
    );
    expect(within(items[1]!).getByRole('link', { name: 'มาตรการที่ 1' }).getAttribute('href')).toBe(
      `/measures/${m1}`,
    );
    expect(within(region).queryByText(/O11/)).toBeNull();
  });

  it('says the plan is not here when it does not exist', async () => {
    renderAt('/plans/missing/dashboard');
    expect(await screen.findByRole('heading', { level: 1, name: 'ไม่พบข้อมูล' })).toBeTruthy();
  });
});
