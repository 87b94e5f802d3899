import { expect, test } from '@playwright/test';
import { createPlan, waitForServiceWorker } from './helpers';

test('a database upgrade from another tab is announced and loses nothing', async ({ page, context }) => {
  await page.goto('/');
  await waitForServiceWorker(page);
  await createPlan(page, 'อบต.สองแท็บ');
  await page.getByRole('link', { name: 'แก้ไขแผน' }).click();
  await page.getByLabel('จังหวัด').fill('ยังไม่ได้บันทึก');

  // Another tab runs a newer build whose schema adds a table.
  const other = await context.newPage();
  await other.goto('/');
  const upgraded = await other.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('ita-tracker', 20);
        req.onupgradeneeded = () => req.result.createObjectStore('future');
        req.onsuccess = () => {
          const v = req.result.version;
          req.result.close();
          resolve(v);
        };
        req.onerror = () => reject(req.error);
      }),
  );
  expect(upgraded).toBe(20);

  const notice = page.getByRole('alert').filter({ hasText: 'แอปถูกอัปเดตในอีกแท็บหนึ่ง' });
  await expect(notice).toBeVisible();
  await notice.getByRole('button', { name: 'โหลดใหม่' }).click();
  await expect(page.getByLabel('จังหวัด')).toHaveValue('ยังไม่ได้บันทึก');
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'อบต.สองแท็บ' })).toBeVisible();
});
