import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { bangkokDate, fiscalYearOf, quarterOf } from '../../src/domain/fiscalCalendar';
import { commands } from '../../src/hooks/commands';
import { followUp } from '../../src/hooks/followUp';
import { MeetingPage } from '../../src/pages/MeetingPage';
import { MeetingsPage } from '../../src/pages/MeetingsPage';
import { QuarterlyRecordPage } from '../../src/pages/QuarterlyRecordPage';
import { SummaryPage } from '../../src/pages/SummaryPage';
import { emptyApp, renderAt } from './renderRoutes';

const today = bangkokDate(new Date());
const fiscalYear = fiscalYearOf(today);
const { quarter } = quarterOf(today);

async function seed() {
  const planId = await commands.createPlan({
    agency: { name: 'อบต.ประชุม', district: '', province: '' },
    assessmentYear: fiscalYear - 1,
    fiscalYear,
    overallScore: null,
    rating: '',
    constraints: [],
  });
  const m1 = await commands.createMeasure(planId, {
    number: 1,
    title: 'เปิดเผยข้อมูล',
    responsible: 'สำนักปลัด',
    period: null,
  });
  const m2 = await commands.createMeasure(planId, {
    number: 2,
    title: 'จัดซื้อจัดจ้าง',
    responsible: 'กองคลัง',
    period: null,
  });
  const a1 = await commands.createAction(m1, { kind: 'step', number: '3.1', text: 'ลงเว็บไซต์' });
  await commands.createAction(m1, { kind: 'step', number: '3.2', text: 'ติดประกาศ' });
  await commands.createAction(m2, { kind: 'step', number: '3.1', text: 'รายงานผล' });
  const meetingId = await followUp.createMeeting(planId, {
    date: today,
    number: `2/${fiscalYear}`,
    title: 'ประชุมประจำเดือน',
    attendees: 9,
    notes: '',
  });
  return { planId, m1, a1, meetingId };
}

/** A paragraph whose whole text (across inline elements) matches. */
const paragraph = (re: RegExp) => (_: string, el: Element | null) =>
  el?.tagName === 'P' && re.test(el.textContent ?? '');

const ROUTES = {
  '/plans/:planId/meetings': MeetingsPage,
  '/meetings/:meetingId': MeetingPage,
  '/plans/:planId/quarters/:quarter/measures/:measureId': QuarterlyRecordPage,
  '/plans/:planId/summary/:period': SummaryPage,
};

beforeEach(emptyApp);

describe('meeting mode', () => {
  it('one tap with a note records a tick of this meeting, and undo removes it', async () => {
    const { meetingId, a1 } = await seed();
    renderAt(`/meetings/${meetingId}`, ROUTES);
    expect(await screen.findByText('ลงผลแล้ว 0 จาก 3 รายการ')).toBeTruthy();
    const group = screen.getByRole('region', { name: 'มาตรการที่ 1 เปิดเผยข้อมูล' });
    fireEvent.input(within(group).getByLabelText(/บันทึกสั้นของ 3\.1/), { target: { value: 'ลงแล้ว' } });
    fireEvent.click(within(group).getByRole('button', { name: /เสร็จแล้ว.*3\.1/ }));
    expect(await screen.findByText(paragraph(/ลงผลในการประชุมนี้: ดำเนินการแล้ว – ลงแล้ว/))).toBeTruthy();
    expect(screen.getByText('ลงผลแล้ว 1 จาก 3 รายการ')).toBeTruthy();
    const tick = (await db.progress.where('actionId').equals(a1).toArray())[0]!;
    expect(tick).toMatchObject({ meetingId, status: 'done', note: 'ลงแล้ว', date: today });

    fireEvent.click(within(group).getByRole('button', { name: /เลิกทำ/ }));
    await waitFor(() => expect(screen.getByText('ลงผลแล้ว 0 จาก 3 รายการ')).toBeTruthy());
    expect((await db.progress.get(tick.id))!.deletedAt).not.toBeNull();
  });

  it('a note typed after the tap is written to the tick of that row', async () => {
    const { meetingId, a1 } = await seed();
    renderAt(`/meetings/${meetingId}`, ROUTES);
    const group = await screen.findByRole('region', { name: 'มาตรการที่ 1 เปิดเผยข้อมูล' });
    fireEvent.click(within(group).getByRole('button', { name: /กำลังทำ.*3\.1/ }));
    expect(await screen.findByText(paragraph(/ลงผลในการประชุมนี้: อยู่ระหว่างดำเนินการ/))).toBeTruthy();
    fireEvent.input(screen.getAllByLabelText(/บันทึกสั้นของ 3\.1/)[0]!, { target: { value: 'รอลงนาม' } });
    expect(
      await screen.findByText(paragraph(/อยู่ระหว่างดำเนินการ – รอลงนาม/), {}, { timeout: 3000 }),
    ).toBeTruthy();
    const ticks = await db.progress.where('actionId').equals(a1).toArray();
    expect(ticks.map((t) => [t.status, t.note])).toEqual([['in_progress', 'รอลงนาม']]);
  });

  it('groups the same actions by responsible unit', async () => {
    const { meetingId } = await seed();
    renderAt(`/meetings/${meetingId}`, ROUTES);
    fireEvent.click(await screen.findByLabelText('ตามผู้รับผิดชอบ'));
    const units = screen.getAllByRole('region').map((r) => r.getAttribute('aria-label'));
    expect(units).toEqual(['กองคลัง', 'สำนักปลัด']);
    expect(within(screen.getByRole('region', { name: 'สำนักปลัด' })).getAllByRole('listitem')).toHaveLength(2);
  });

  it('grouped by unit, each row says which measure its step belongs to, in names and on screen', async () => {
    const { meetingId } = await seed();
    renderAt(`/meetings/${meetingId}`, ROUTES);
    fireEvent.click(await screen.findByLabelText('ตามผู้รับผิดชอบ'));
    const finance = screen.getByRole('region', { name: 'กองคลัง' });
    expect(within(finance).getByText('มาตรการที่ 2 จัดซื้อจัดจ้าง')).toBeTruthy();
    expect(within(finance).getByRole('button', { name: 'เสร็จแล้ว 3.1 ของมาตรการที่ 2' })).toBeTruthy();
  });

  it('after closing, undo is gone and a new tap is recorded as a correction', async () => {
    const { meetingId, a1 } = await seed();
    await followUp.tickInMeeting(meetingId, a1, 'in_progress', '');
    await followUp.closeMeeting(meetingId);
    renderAt(`/meetings/${meetingId}`, ROUTES);
    expect(await screen.findByText(/ปิดการประชุมแล้ว/)).toBeTruthy();
    const group = screen.getByRole('region', { name: 'มาตรการที่ 1 เปิดเผยข้อมูล' });
    expect(within(group).queryByRole('button', { name: /เลิกทำ/ })).toBeNull();
    fireEvent.click(within(group).getByRole('button', { name: /เสร็จแล้ว.*3\.1/ }));
    // One stray tap records nothing: a correction is confirmed first.
    expect(await within(group).findByText(/เป็นรายการแก้ไขใหม่หรือไม่/)).toBeTruthy();
    expect(await db.progress.where('actionId').equals(a1).count()).toBe(1);
    fireEvent.click(within(group).getByRole('button', { name: /ยืนยันแก้ไข 3\.1/ }));
    expect(await screen.findByText(paragraph(/แก้ไขหลังปิดการประชุม/))).toBeTruthy();
    expect(await db.progress.where('actionId').equals(a1).count()).toBe(2);
  });
});

describe('meeting mode in Thai digits', () => {
  it('writes the meeting number, counts, measure and step numbers in Thai digits when set', async () => {
    const { meetingId } = await seed();
    await commands.saveDeviceSettings({ deviceName: 'มือถือ', staffName: 'สมศรี', digits: 'thai' });
    const thai = (text: string) => text.replace(/[0-9]/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]!);
    renderAt(`/meetings/${meetingId}`, ROUTES);
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
        `ประชุมครั้งที่ ${thai(`2/${fiscalYear}`)}`,
      ),
    );
    expect(screen.getByText('ลงผลแล้ว ๐ จาก ๓ รายการ')).toBeTruthy();
    const group = screen.getByRole('region', { name: 'มาตรการที่ ๑ เปิดเผยข้อมูล' });
    expect(within(group).getAllByText('๓.๑')).toHaveLength(1);
    expect(within(group).getByRole('group', { name: 'ลงผล ๓.๑ ของมาตรการที่ ๑' })).toBeTruthy();
  });
});

describe('meeting mode at size', () => {
  it('shows the first measures at once and the whole agenda a frame later', async () => {
    const { planId, meetingId } = await seed();
    // Two more measures of 8 steps: 27 rows, more than the first frame holds.
    for (const n of [3, 4]) {
      const m = await commands.createMeasure(planId, {
        number: n,
        title: `มาตรการ ${n}`,
        responsible: 'กองช่าง',
        period: null,
      });
      for (let k = 1; k <= 8; k++)
        await commands.createAction(m, { kind: 'step', number: `3.${k}`, text: `ขั้นที่ ${k}` });
    }
    const { container } = renderAt(`/meetings/${meetingId}`, ROUTES);
    expect(await screen.findByText('ลงผลแล้ว 0 จาก 19 รายการ')).toBeTruthy();
    await waitFor(() => expect(container.querySelectorAll('li.agenda-row')).toHaveLength(19));
    expect(screen.getByRole('region', { name: 'มาตรการที่ 4 มาตรการ 4' })).toBeTruthy();
  });

  it("makes a tick's evidence panel only when its disclosure is opened", async () => {
    const { meetingId } = await seed();
    renderAt(`/meetings/${meetingId}`, ROUTES);
    const group = await screen.findByRole('region', { name: 'มาตรการที่ 1 เปิดเผยข้อมูล' });
    fireEvent.click(within(group).getByRole('button', { name: /เสร็จแล้ว.*3\.1/ }));
    const summary = await within(group).findByText('หลักฐานของ 3.1');
    expect(within(group).queryByRole('group', { name: 'หลักฐานของ การลงผล 3.1' })).toBeNull();
    const details = summary.closest('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const panel = await within(group).findByRole('group', { name: 'หลักฐานของ การลงผล 3.1' });
    expect(within(panel).getByLabelText('แนบรูปหรือ PDF')).toBeTruthy();
  });
});

describe('quarterly record', () => {
  it('starts prefilled from the quarter’s ticks and saves what the person edits', async () => {
    const { planId, m1, a1, meetingId } = await seed();
    await followUp.tickInMeeting(meetingId, a1, 'done', 'ลงเว็บ อบต. แล้ว');
    renderAt(`/plans/${planId}/quarters/${quarter}/measures/${m1}`, ROUTES);
    const results = (await screen.findByLabelText('ผลการดำเนินงาน')) as HTMLTextAreaElement;
    await waitFor(() =>
      expect(results.value).toMatch(/ดำเนินการแล้ว 1 จาก 2 รายการ: 3\.1 \(ลงเว็บ อบต\. แล้ว\)/),
    );
    expect(results.value).toMatch(new RegExp(`ครั้งที่ 2/${fiscalYear}`));
    expect((screen.getByLabelText('ความก้าวหน้า (ร้อยละ)') as HTMLInputElement).value).toBe('50');

    fireEvent.input(screen.getByLabelText('งบประมาณที่ใช้ (บาท)'), { target: { value: '-5' } });
    fireEvent.click(screen.getByRole('button', { name: 'บันทึก' }));
    expect(await screen.findByText(/งบประมาณที่ใช้ต้องเป็นจำนวนเงิน/)).toBeTruthy();
    expect(await db.quarterlyRecords.count()).toBe(0);

    fireEvent.input(screen.getByLabelText('งบประมาณที่ใช้ (บาท)'), { target: { value: '1,250.50' } });
    fireEvent.click(screen.getByLabelText('ฉบับสมบูรณ์'));
    fireEvent.click(screen.getByRole('button', { name: 'บันทึก' }));
    await waitFor(async () => expect(await db.quarterlyRecords.count()).toBe(1));
    const saved = (await db.quarterlyRecords.toArray())[0]!;
    expect(saved).toMatchObject({ budgetSpent: 1250.5, status: 'final', progress: 50, quarter });
    expect(saved.results).toMatch(/ลงเว็บ อบต\. แล้ว/);
  });
});

describe('meetings list', () => {
  it('opens with a link to the new-meeting form that follows the list', async () => {
    const { planId } = await seed();
    renderAt(`/plans/${planId}/meetings`, ROUTES);
    const start = await screen.findByRole('link', { name: '+ เริ่มการประชุมใหม่' });
    const target = document.getElementById(start.getAttribute('href')!.slice(1));
    expect(target?.tagName).toBe('H2');
    expect(target?.textContent).toBe('เริ่มการประชุมใหม่');
    // The list comes first, the form after it.
    const list = screen.getByRole('list');
    expect(list.compareDocumentPosition(target!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

describe('the report (six-month and year-end)', () => {
  const record = (budgetSpent: number, status: 'draft' | 'final') => ({
    results: 'ลงประกาศแล้ว',
    budgetSpent,
    problems: '',
    suggestions: '',
    progress: 40,
    status,
  });

  it('adds up the budget of Q1–Q2 for the plan and says which records are missing or drafts', async () => {
    const { planId, m1 } = await seed();
    await followUp.saveQuarterlyRecord(m1, fiscalYear, 1, record(12500, 'final'));
    await followUp.saveQuarterlyRecord(m1, fiscalYear, 2, record(1250.5, 'draft'));
    renderAt(`/plans/${planId}/summary/half`, ROUTES);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe(`รายงานผลการดำเนินการตามมาตรการ ปีงบประมาณ ${fiscalYear}`);
    const preview = screen.getByRole('region', { name: 'ตัวอย่างเอกสารตามที่จะพิมพ์' });
    expect(within(preview).getByText(/รอบ ๖ เดือน/)).toBeTruthy();
    expect(within(preview).getByText('งบประมาณที่ใช้รวม ๑๓,๗๕๐.๕ บาท (ไม่ได้ระบุงบประมาณที่ตั้งไว้)')).toBeTruthy();
    expect(screen.getByText('มาตรการที่ 1: ยังมีบันทึกรายไตรมาสที่เป็นฉบับร่าง')).toBeTruthy();
    expect(screen.getByText('มาตรการที่ 2: ยังไม่มีบันทึกรายไตรมาสของไตรมาส 1, 2')).toBeTruthy();
  });

  it('prints in Thai digits by default, in Arabic digits when chosen', async () => {
    const { planId, m1 } = await seed();
    await followUp.saveQuarterlyRecord(m1, fiscalYear, 1, record(12500, 'final'));
    renderAt(`/plans/${planId}/summary/year`, ROUTES);
    const thai = (n: number) => String(n).replace(/[0-9]/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]!);
    const preview = await screen.findByRole('region', { name: 'ตัวอย่างเอกสารตามที่จะพิมพ์' });
    expect(
      within(preview).getByText(`ประจำปีงบประมาณ พ.ศ. ${thai(fiscalYear)}`, { exact: false }),
    ).toBeTruthy();
    expect(within(preview).getByText('งบประมาณที่ใช้รวม ๑๒,๕๐๐ บาท (ไม่ได้ระบุงบประมาณที่ตั้งไว้)')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('เลขอารบิก (1 2 3)'));
    await waitFor(() =>
      expect(within(preview).getByText('งบประมาณที่ใช้รวม 12,500 บาท (ไม่ได้ระบุงบประมาณที่ตั้งไว้)')).toBeTruthy(),
    );
    expect(screen.getByText('มาตรการที่ 2: ยังไม่มีบันทึกรายไตรมาสของไตรมาส 1, 2, 3, 4')).toBeTruthy();
  });
});

describe('meeting evidence', () => {
  it('a file over the size limit is refused with its size in Thai, and nothing is stored', async () => {
    const { meetingId } = await seed();
    renderAt(`/meetings/${meetingId}`, ROUTES);
    const panel = await screen.findByRole('group', { name: /หลักฐานของ การประชุมครั้งที่/ });
    const input = within(panel).getByLabelText('แนบรูปหรือ PDF') as HTMLInputElement;
    const big = new File([new Uint8Array(21 * 1024 * 1024)], 'IMG_0001.jpg', { type: 'image/jpeg' });
    fireEvent.change(input, { target: { files: [big] } });
    expect((await within(panel).findByRole('alert')).textContent).toBe(
      'IMG_0001.jpg: ไฟล์ใหญ่เกินไป (21 MB) แนบได้ไม่เกิน 20 MB ต่อไฟล์',
    );
    expect(await db.evidence.count()).toBe(0);
    expect(await db.files.count()).toBe(0);
  });
});
