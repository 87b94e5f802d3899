import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addAction, addMeasure, createPlan, waitForServiceWorker } from './helpers';
import { startOwnServer, type OwnServer } from './server';

const PORT = 4177;
const BASE = `http://127.0.0.1:${PORT}`;
const PHOTO = 'test/fixtures/meeting-photo.jpg';
test.use({ baseURL: BASE });

function enrolCode(dataDir: string): string {
  const r = spawnSync(
    'node_modules/.bin/tsx',
    ['src/cli/agency.ts', 'create', 'อบต.สองเครื่อง', '--uses', '2'],
    {
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(PORT) },
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`agency create failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { enrolCode: string }).enrolCode;
}

async function device(
  browser: Browser,
  code: string,
  name: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: BASE,
    viewport: { width: 360, height: 740 },
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
  });
  const page = await context.newPage();
  await page.goto(`/enrol?code=${encodeURIComponent(code)}`);
  await waitForServiceWorker(page);
  await page.goto('/settings');
  await page.getByLabel(/ชื่อผู้ใช้/).fill(name);
  await page.getByLabel('ชื่ออุปกรณ์').fill(`มือถือ${name}`);
  await page.getByRole('button', { name: 'บันทึก' }).click();
  await page.goto(`/enrol?code=${encodeURIComponent(code)}`);
  await page.getByRole('button', { name: 'ลงทะเบียน' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ส่งออกและส่งรายงาน' })).toBeVisible();
  return { context, page };
}

/** Presses "sync now" and waits until that sync has finished (its attempt time changes). */
async function syncNow(page: Page, expectSuccess = true) {
  await page.goto('/sync');
  const status = page.getByTestId('sync-status');
  const before = (await status.getAttribute('data-last-attempt')) ?? '';
  await page.getByRole('button', { name: 'ซิงก์ตอนนี้' }).click();
  await expect(status).not.toHaveAttribute('data-last-attempt', before, { timeout: 30_000 });
  if (expectSuccess) {
    await expect(status).toHaveAttribute(
      'data-last-success',
      (await status.getAttribute('data-last-attempt')) ?? 'x',
    );
  }
}

async function tickIn(page: Page, planName: string, step: string, note: string) {
  await page.goto('/');
  await page
    .getByRole('link', { name: new RegExp(planName) })
    .first()
    .click();
  await page.getByRole('link', { name: /1\. มาตรการร่วม/ }).click();
  await page.getByRole('button', { name: new RegExp(`ลงผล ${step.replace('.', '\\.')}`) }).click();
  await page.getByLabel('บันทึก (ถ้ามี)').fill(note);
  await page.getByRole('button', { name: 'บันทึกผล' }).click();
  await expect(page.getByText(note)).toBeVisible();
}

test('two phones offline converge: every tick kept, the same quarterly field edited on both becomes a conflict, a photo follows', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'ita-e2e-sync-'));
  let server: OwnServer = await startOwnServer('dist', PORT, dataDir);
  try {
    const code = enrolCode(dataDir);
    const a = await device(browser, code, 'เอ');
    const b = await device(browser, code, 'บี');

    // A sets up the plan and the quarter's record; B receives them.
    await createPlan(a.page, 'อบต.สองเครื่อง');
    await addMeasure(a.page, 'มาตรการร่วม');
    await addAction(a.page, 'ขั้นตอนแรก');
    await addAction(a.page, 'ขั้นตอนที่สอง');
    await a.page.getByRole('link', { name: 'อบต.สองเครื่อง' }).click();
    await a.page.getByRole('link', { name: 'บันทึกรายไตรมาส' }).click();
    await a.page.getByRole('link', { name: /1\. มาตรการร่วม/ }).click();
    await a.page.getByLabel('ผลการดำเนินงาน').fill('เริ่มต้น');
    await a.page.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await expect(a.page.getByText('บันทึกฉบับร่างแล้ว')).toBeVisible();
    const recordUrl = new URL(a.page.url()).pathname;
    await syncNow(a.page);
    await syncNow(b.page);
    await b.page.goto('/');
    await expect(b.page.getByRole('link', { name: /อบต.สองเครื่อง/ })).toBeVisible();

    // Both offline: different actions, the same action, and the same field.
    await a.context.setOffline(true);
    await b.context.setOffline(true);
    await tickIn(a.page, 'อบต.สองเครื่อง', '3.1', 'เอทำขั้นแรก');
    await tickIn(b.page, 'อบต.สองเครื่อง', '3.2', 'บีทำขั้นที่สอง');
    await tickIn(b.page, 'อบต.สองเครื่อง', '3.1', 'บีก็ทำขั้นแรก');
    for (const [d, text] of [
      [a, 'ผลจากเครื่องเอ'],
      [b, 'ผลจากเครื่องบี'],
    ] as const) {
      await d.page.goto(recordUrl);
      await d.page.getByLabel('ผลการดำเนินงาน').fill(text);
      await d.page.getByRole('button', { name: 'บันทึก', exact: true }).click();
      await expect(d.page.getByText('บันทึกฉบับร่างแล้ว')).toBeVisible();
    }
    // A photo on A's record.
    await a.page
      .getByRole('group', { name: /หลักฐานของ บันทึกรายไตรมาส/ })
      .getByLabel('แนบรูปหรือ PDF')
      .setInputFiles(PHOTO);
    await expect(a.page.getByRole('img', { name: 'meeting-photo.jpg' })).toBeVisible();

    // Back online: A pushes, but the server dies after storing and before answering.
    await a.context.setOffline(false);
    await b.context.setOffline(false);
    let killed = false;
    await a.page.route('**/api/v1/sync/push', async (route) => {
      if (killed) return route.continue();
      killed = true;
      await route.fetch();
      await server.kill();
      await route.abort('connectionreset');
    });
    await syncNow(a.page, false);
    await expect(a.page.getByTestId('sync-status')).toContainText('ติดต่อเซิร์ฟเวอร์ไม่ได้');
    server = await startOwnServer('dist', PORT, dataDir);
    await syncNow(a.page);
    await syncNow(b.page);
    await syncNow(a.page);

    // Every tick is on both phones.
    for (const d of [a, b]) {
      await d.page.goto('/');
      await d.page
        .getByRole('link', { name: /อบต.สองเครื่อง/ })
        .first()
        .click();
      await d.page.getByRole('link', { name: /1\. มาตรการร่วม/ }).click();
      const first = d.page.locator('[data-action-number="3.1"]');
      await first.getByRole('link', { name: /ประวัติ/ }).click();
      await expect(d.page.getByText(/เอทำขั้นแรก/)).toBeVisible();
      await expect(d.page.getByText(/บีก็ทำขั้นแรก/)).toBeVisible();
      await d.page.goBack();
      await expect(d.page.locator('[data-action-number="3.2"]')).toContainText('ดำเนินการแล้ว');
    }

    // The same field: one value wins everywhere, the other waits for a person on both phones.
    const resultsOn = async (page: Page) => {
      await page.goto(recordUrl);
      const field = page.getByLabel('ผลการดำเนินงาน');
      await expect(field).toHaveValue(/ผลจากเครื่อง/);
      // The record's page says the other value waits on the sync page.
      await expect(page.getByTestId('open-conflicts')).toContainText('1 ช่องของรายการนี้ถูกแก้ไขพร้อมกัน');
      return field.inputValue();
    };
    const winnerA = await resultsOn(a.page);
    const winnerB = await resultsOn(b.page);
    expect(winnerA).toBe(winnerB);
    expect(['ผลจากเครื่องเอ', 'ผลจากเครื่องบี']).toContain(winnerA);
    for (const d of [a, b]) {
      await d.page.goto('/sync');
      const conflict = d.page.getByTestId('conflicts').getByRole('listitem').first();
      await expect(conflict).toContainText('ช่อง ผลการดำเนินงาน');
      await expect(conflict.getByRole('link', { name: 'เปิดดู' })).toHaveAttribute('href', recordUrl);
      await expect(conflict).toContainText('ผลจากเครื่องเอ');
      await expect(conflict).toContainText('ผลจากเครื่องบี');
    }
    // B settles it by taking the value that lost; A gets that value and the conflict closes there too.
    await b.page.getByRole('button', { name: 'ใช้ค่าที่ถูกแทน' }).click();
    await expect(b.page.getByText('บันทึกการเลือกแล้ว จะซิงก์ไปยังเครื่องอื่น')).toBeVisible();
    await syncNow(b.page);
    await syncNow(a.page);
    const loser = winnerA === 'ผลจากเครื่องเอ' ? 'ผลจากเครื่องบี' : 'ผลจากเครื่องเอ';
    await a.page.goto(recordUrl);
    await expect(a.page.getByLabel('ผลการดำเนินงาน')).toHaveValue(loser);
    await a.page.goto('/sync');
    await expect(a.page.getByTestId('sync-status')).toContainText('0 รายการ');

    // The photo attached on A shows on B (fetched from the server).
    await b.page.goto(recordUrl);
    await expect(b.page.getByRole('img', { name: 'meeting-photo.jpg' })).toBeVisible({ timeout: 20_000 });

    await a.context.close();
    await b.context.close();
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
