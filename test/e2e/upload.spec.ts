import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlan, goOffline, waitForServiceWorker } from './helpers';
import { startOwnServer, type OwnServer } from './server';

const PORT = 4176;
const BASE = `http://127.0.0.1:${PORT}`;
// Uploads go to a server of this test's own, which it stops and restarts.
test.use({ baseURL: BASE });

function createAgency(dataDir: string, name: string): { enrolCode: string; enrolUrl: string } {
  const r = spawnSync('node_modules/.bin/tsx', ['src/cli/agency.ts', 'create', name], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(PORT) },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`agency create failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { enrolCode: string; enrolUrl: string };
}

async function serverExports(page: Page): Promise<{ id: string }[]> {
  const token = await page.evaluate(async () => {
    const open = indexedDB.open('ita-tracker');
    const db = await new Promise<IDBDatabase>((r) => (open.onsuccess = () => r(open.result)));
    const row = await new Promise<{ value: { token: string } } | undefined>((r) => {
      const req = db.transaction('meta').objectStore('meta').get('server');
      req.onsuccess = () => r(req.result as { value: { token: string } } | undefined);
    });
    db.close();
    return row?.value.token ?? '';
  });
  const res = await fetch(`${BASE}/api/v1/exports`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { exports: { id: string }[] }).exports;
}

const waitingLine = (page: Page) => page.getByTestId('upload-status').locator('dd').first();

test('an export made offline waits in the queue, is sent when online, and a server killed mid-upload stores it once', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'ita-e2e-data-'));
  let server: OwnServer = await startOwnServer('dist', PORT, dataDir);
  try {
    const { enrolCode } = createAgency(dataDir, 'อบต.ส่งข้อมูล');

    await page.goto(`/enrol?code=${encodeURIComponent(enrolCode)}`);
    await waitForServiceWorker(page);
    await page.getByLabel('ชื่ออุปกรณ์').fill('มือถือทดสอบ');
    await page.getByRole('button', { name: 'ลงทะเบียน' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'ส่งออกและส่งรายงาน' })).toBeVisible();

    await createPlan(page, 'อบต.ส่งข้อมูล');
    await goOffline(context, page);
    await page.goto('/export');
    await page.getByRole('button', { name: 'ส่งขึ้นเซิร์ฟเวอร์' }).click();
    await expect(page.getByText('เก็บไว้ในคิว จะส่งเมื่อมีสัญญาณ')).toBeVisible();
    await expect(waitingLine(page)).toHaveText('1 ไฟล์');

    await context.setOffline(false);
    await expect(waitingLine(page)).toHaveText('0 ไฟล์', { timeout: 20_000 });
    expect(await serverExports(page)).toHaveLength(1);

    // The server stores the next upload, then dies before the phone hears back.
    await page.route('**/api/v1/exports', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fetch();
      await server.kill();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'ส่งขึ้นเซิร์ฟเวอร์' }).click();
    await expect(page.getByTestId('upload-status')).toContainText('ติดต่อเซิร์ฟเวอร์ไม่ได้', { timeout: 20_000 });
    await expect(waitingLine(page)).toHaveText('1 ไฟล์');
    await page.unroute('**/api/v1/exports');

    server = await startOwnServer('dist', PORT, dataDir);
    await page.getByRole('button', { name: 'ส่งตอนนี้' }).click();
    await expect(waitingLine(page)).toHaveText('0 ไฟล์', { timeout: 20_000 });
    const stored = await serverExports(page);
    expect(stored).toHaveLength(2);
    expect(new Set(stored.map((e) => e.id)).size).toBe(2);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the same export file imported twice changes nothing', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ita-e2e-data-'));
  const server = await startOwnServer('dist', PORT, dataDir);
  try {
    await createPlan(page, 'อบต.ไฟล์ซ้ำ');
    await page.goto('/export');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'บันทึกเป็นไฟล์' }).click(),
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'ita-dl-')), download.suggestedFilename());
    await download.saveAs(file);
    const outbox = () =>
      page.evaluate(async () => {
        const open = indexedDB.open('ita-tracker');
        const db = await new Promise<IDBDatabase>((r) => (open.onsuccess = () => r(open.result)));
        const n = await new Promise<number>((r) => {
          const req = db.transaction('outbox').objectStore('outbox').count();
          req.onsuccess = () => r(req.result);
        });
        db.close();
        return n;
      });
    const before = await outbox();
    for (let i = 0; i < 2; i++) {
      await page.goto('/import-file');
      await page.getByLabel('เลือกไฟล์').setInputFiles(file);
      const preview = page.getByTestId('import-preview');
      await expect(preview.getByRole('row', { name: /^แผน/ })).toHaveText(/แผน\s*0\s*0\s*1/);
      await page.getByRole('button', { name: 'นำเข้า', exact: true }).click();
      await expect(page.getByText('ไม่มีข้อมูลใหม่ ข้อมูลในเครื่องเป็นปัจจุบันแล้ว')).toBeVisible();
    }
    expect(await outbox()).toBe(before);

    // A truncated copy of the file is refused in Thai and changes nothing.
    await page.goto('/import-file');
    await page.getByLabel('เลือกไฟล์').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"ita-tracker","version":1,"id":"'),
    });
    await expect(page.getByRole('alert')).toHaveText(/ไม่ใช่ไฟล์ JSON หรือไฟล์ไม่ครบ/);
    expect(await outbox()).toBe(before);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
