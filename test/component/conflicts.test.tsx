import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/db/db';
import { bangkokDate, fiscalYearOf, quarterOf } from '../../src/domain/fiscalCalendar';
import { encodeHlc } from '../../src/domain/hlc';
import type { SyncConflict } from '../../src/domain/syncProtocol';
import { commands } from '../../src/hooks/commands';
import { followUp } from '../../src/hooks/followUp';
import { QuarterlyRecordPage } from '../../src/pages/QuarterlyRecordPage';
import { SyncPage } from '../../src/pages/SyncPage';
import { emptyApp, renderAt } from './renderRoutes';

const today = bangkokDate(new Date());
const fiscalYear = fiscalYearOf(today);
const { quarter } = quarterOf(today);

/** A plan, a measure and its quarterly record, and a conflict on the record's results as a pull brings it. */
async function seed() {
  const planId = await commands.createPlan({
    agency: { name: 'อบต.สองเครื่อง', district: '', province: '' },
    assessmentYear: fiscalYear - 1,
    fiscalYear,
    overallScore: null,
    rating: '',
    constraints: [],
  });
  const measureId = await commands.createMeasure(planId, {
    number: 3,
    title: 'เปิดเผยข้อมูลสาธารณะ',
    responsible: 'สำนักปลัด',
    period: null,
  });
  const recordId = await followUp.saveQuarterlyRecord(measureId, fiscalYear, quarter, {
    results: 'สรุปของบี',
    budgetSpent: null,
    problems: '',
    suggestions: '',
    progress: null,
    status: 'draft',
  });
  const conflict: SyncConflict = {
    id: 'conflict-1',
    table: 'quarterlyRecords',
    recordId,
    field: 'results',
    winner: {
      value: 'สรุปของบี',
      stamp: encodeHlc({ wall: Date.parse('2024-01-15T03:20:00Z'), counter: 0, node: 'phone-b-00bbbb' }),
      deviceId: 'phone-b-00bbbb',
    },
    loser: {
      value: 'สรุปของเอ',
      stamp: encodeHlc({ wall: Date.parse('2024-01-15T03:10:00Z'), counter: 0, node: 'phone-a-00aaaa' }),
      deviceId: 'phone-a-00aaaa',
    },
    createdAt: new Date().toISOString(),
    resolvedAt: null,
    reported: true,
  };
  await db.conflicts.put(conflict);
  return { planId, measureId, recordId };
}

const ROUTES = {
  '/sync': SyncPage,
  '/plans/:planId/quarters/:quarter/measures/:measureId': QuarterlyRecordPage,
};

beforeEach(emptyApp);

describe('conflicts for a person', () => {
  it('the sync page names the record, the field and both values in Thai, links to the record, and settles it', async () => {
    const { planId, measureId, recordId } = await seed();
    renderAt('/sync', ROUTES);
    const card = (await screen.findByTestId('conflicts')).querySelector('li')!;
    expect(card.textContent).toContain(
      `บันทึกรายงานผลไตรมาส ${quarter}/${fiscalYear} · มาตรการที่ 3 เปิดเผยข้อมูลสาธารณะ`,
    );
    expect(card.textContent).toContain('ช่อง ผลการดำเนินงาน');
    expect(card.textContent).not.toContain('results');
    expect(card.textContent).toContain('ค่าปัจจุบัน: สรุปของบี');
    expect(card.textContent).toContain('ค่าที่ถูกแทน: สรุปของเอ');
    // Which phone wrote each value, and when (Bangkok time), to help the choice.
    const [current, replaced] = [...card.querySelectorAll('p')].filter((p) =>
      p.textContent?.startsWith('ค่า'),
    );
    expect(current!.querySelector('.sub')!.textContent).toBe('เครื่อง …00bbbb · 15 ม.ค. 2567 10:20');
    expect(replaced!.querySelector('.sub')!.textContent).toBe('เครื่อง …00aaaa · 15 ม.ค. 2567 10:10');
    expect(screen.getByRole('link', { name: 'เปิดดู' }).getAttribute('href')).toBe(
      `/plans/${planId}/quarters/${quarter}/measures/${measureId}`,
    );

    fireEvent.click(screen.getByRole('button', { name: 'ใช้ค่าที่ถูกแทน' }));
    await waitFor(() => expect(screen.queryByTestId('conflicts')).toBeNull());
    expect((await db.quarterlyRecords.get(recordId))!.results).toBe('สรุปของเอ');
  });

  it("the record's page says a field waits for a choice, with the way to the sync page, until it is settled", async () => {
    const { planId, measureId } = await seed();
    renderAt(`/plans/${planId}/quarters/${quarter}/measures/${measureId}`, ROUTES);
    const note = await screen.findByTestId('open-conflicts');
    expect(note.textContent).toContain('1 ช่องของรายการนี้ถูกแก้ไขพร้อมกันจากสองเครื่อง');
    expect(note.querySelector('a')!.getAttribute('href')).toBe('/sync');
    await db.conflicts.update('conflict-1', { resolvedAt: new Date().toISOString() });
    await waitFor(() => expect(screen.queryByTestId('open-conflicts')).toBeNull());
  });
});
