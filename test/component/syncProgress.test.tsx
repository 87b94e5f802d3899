import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { db } from '../../src/db/db';
import type { PullResponse } from '../../src/domain/syncProtocol';
import { saveServerSettings } from '../../src/sync/serverSettings';
import { SyncPage } from '../../src/pages/SyncPage';
import { planInput } from '../unit/db/testDb';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await saveServerSettings(db, {
    url: 'https://ita.example.go.th',
    token: 't',
    deviceId: 'device-c',
    enrolledAt: '2024-01-15T03:00:00.000Z',
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const page = (cursor: number, more: boolean): PullResponse => ({
  changes: [],
  conflicts: [],
  cursor,
  more,
  latest: 2_000,
});

it('a long pull shows how far it has come while it runs, and the bar goes when it is over', async () => {
  // The agency's server, seen through fetch: the second page waits until the test lets it go.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      asked.push(new URL(url).search);
      if (url.includes('since=1000')) await held;
      const body = url.includes('since=0') ? page(1_000, true) : page(2_000, false);
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  render(<SyncPage />);
  fireEvent.click(await screen.findByRole('button', { name: 'ซิงก์ตอนนี้' }));
  const bar = await screen.findByRole('progressbar', { name: 'กำลังรับข้อมูลจากเครื่องอื่น 1000 จาก 2000 รายการ' });
  expect(bar.getAttribute('aria-valuenow')).toBe('50');
  release();
  await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  await waitFor(() =>
    expect(screen.getByTestId('sync-status').getAttribute('data-last-success')).not.toBe(''),
  );
  expect(asked.filter((q) => q.includes('since='))).toEqual(['?since=0&format=2', '?since=1000&format=2']);
});

it('says how many changes wait to be sent: the unsent ones, not the audit trail of sent ones', async () => {
  const { commands } = await import('../../src/hooks/commands');
  await commands.saveDeviceSettings({ deviceName: 'มือถือ', staffName: 'สมศรี', digits: 'arabic' });
  const planId = await commands.createPlan(planInput);
  await commands.createMeasure(planId, { number: 1, title: 'ก', responsible: '', period: null });
  const [first] = await db.outbox.orderBy('deviceSeq').toArray();
  await db.outbox.update(first!.opId, { sentAt: '2024-01-15T04:00:00.000Z' });
  const unsent = (await db.outbox.toArray()).filter((op) => op.sentAt === null).length;
  expect(unsent).toBeGreaterThan(0);
  render(<SyncPage />);
  expect(await screen.findByText(`${unsent} รายการ`)).toBeTruthy();
});
