import { expect, test } from '@playwright/test';
import { rmSync } from 'node:fs';
import { addAction, addMeasure, createPlan, waitForServiceWorker } from './helpers';
import { copyBuild, deployNewBuild, startOwnServer } from './server';

const PORT = 4174;
// This test deploys a new build, so it runs against a server of its own.
test.use({ baseURL: `http://127.0.0.1:${PORT}` });

test('a new deployment shows the Thai update prompt, and applying it keeps data and unsaved input', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const served = copyBuild('dist');
  const server = await startOwnServer(served, PORT);
  try {
    await page.goto('/');
    await waitForServiceWorker(page);
    await page.goto('/settings');
    const oldVersion = await page.getByTestId('app-version').textContent();

    // Data saved before the update…
    await page.goto('/');
    await createPlan(page, 'อบต.อัปเดต');
    await addMeasure(page, 'มาตรการก่อนอัปเดต');
    await addAction(page, 'ขั้นตอนก่อนอัปเดต');
    await page.getByRole('button', { name: /ลงผล/ }).first().click();
    await page.getByRole('button', { name: 'บันทึกผล' }).click();
    await expect(page.locator('.action .badge')).toHaveText(/ดำเนินการแล้ว/);
    // …and input typed but not saved.
    await page.getByRole('link', { name: 'แก้ไขมาตรการ' }).click();
    await page.getByLabel('ผู้รับผิดชอบหรือผู้ที่เกี่ยวข้อง').fill('งานที่ยังไม่ได้บันทึก');
    const formUrl = page.url();

    deployNewBuild(served, `e2e-${Date.now()}`);
    await page.reload(); // the browser checks sw.js on navigation and finds the new one
    const prompt = page.getByRole('alert').filter({ hasText: 'มีเวอร์ชันใหม่ของแอป' });
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    await expect(page.getByLabel('ผู้รับผิดชอบหรือผู้ที่เกี่ยวข้อง')).toHaveValue('งานที่ยังไม่ได้บันทึก');

    await prompt.getByRole('button', { name: 'อัปเดตตอนนี้' }).click();
    await page.waitForEvent('load');
    await expect(prompt).toBeHidden();
    expect(page.url()).toBe(formUrl);
    await expect(page.getByLabel('ผู้รับผิดชอบหรือผู้ที่เกี่ยวข้อง')).toHaveValue('งานที่ยังไม่ได้บันทึก');

    await page.goto('/settings');
    await expect(page.getByTestId('app-version')).not.toHaveText(oldVersion ?? '');
    await page.goto('/');
    await page.getByRole('link', { name: 'อบต.อัปเดต' }).click();
    await expect(page.getByRole('progressbar', { name: 'ความคืบหน้าทั้งแผน' })).toHaveAttribute(
      'aria-valuetext',
      /1 จาก 1/,
    );
  } finally {
    await server.stop();
    rmSync(served, { recursive: true, force: true });
  }
});
