import { expect, test } from '@playwright/test';
import { addAction, addMeasure, createPlan, goOffline, waitForServiceWorker } from './helpers';

test.describe('offline use', () => {
  test('the page is controlled by the service worker', async ({ page }) => {
    await page.goto('/');
    await waitForServiceWorker(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js$/);
  });

  test('a plan created and an action ticked while offline are still there after an offline reload', async ({
    page,
    context,
  }) => {
    await page.goto('/');
    await waitForServiceWorker(page);
    await goOffline(context, page);

    await createPlan(page, 'อบต.ออฟไลน์');
    await addMeasure(page, 'เปิดเผยข้อมูลสาธารณะ');
    await addAction(page, 'เผยแพร่มาตรการบนเว็บไซต์');

    await page.getByRole('button', { name: /ลงผล/ }).first().click();
    await page.getByLabel('ดำเนินการแล้ว').check();
    await page.getByLabel('บันทึก (ถ้ามี)').fill('ลงเว็บไซต์แล้ว');
    await page.getByRole('button', { name: 'บันทึกผล' }).click();
    await expect(page.getByRole('progressbar', { name: 'ความคืบหน้าของมาตรการ' })).toHaveAttribute(
      'aria-valuenow',
      '1',
    );

    const url = page.url();
    await page.reload();
    await expect(page.getByTestId('net-status')).toHaveText(/ออฟไลน์/);
    expect(page.url()).toBe(url);
    await expect(page.getByText('เผยแพร่มาตรการบนเว็บไซต์')).toBeVisible();
    await expect(page.getByText('ลงเว็บไซต์แล้ว')).toBeVisible();
    await expect(page.locator('.action .badge')).toHaveText(/ดำเนินการแล้ว/);

    await page.getByRole('link', { name: 'อบต.ออฟไลน์' }).click();
    await expect(page.getByRole('progressbar', { name: 'ความคืบหน้าทั้งแผน' })).toHaveAttribute(
      'aria-valuetext',
      /1 จาก 1/,
    );
  });

  test('a deep link opens offline', async ({ page, context }) => {
    await page.goto('/');
    await waitForServiceWorker(page);
    await createPlan(page, 'อบต.ลิงก์ตรง');
    const deepLink = new URL(page.url()).pathname;
    await goOffline(context, page);
    const fresh = await context.newPage();
    await fresh.goto(deepLink);
    await expect(fresh.getByRole('heading', { level: 1, name: 'อบต.ลิงก์ตรง' })).toBeVisible();
    await fresh.goto('/settings');
    await expect(fresh.getByRole('heading', { level: 1, name: 'ตั้งค่าอุปกรณ์' })).toBeVisible();
  });
});

test('a deep link opened offline fetches its page code at once, under the CSP, with no violation', async ({
  page,
  context,
}) => {
  // Every CSP violation the page reports, from the first byte of each document.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto('/');
  await waitForServiceWorker(page);
  await goOffline(context, page);

  await page.goto('/plans/0190a1b2-0000-7000-8000-000000000000/dashboard');
  await expect(page.getByText('แผนนี้ไม่มีในเครื่อง หรือถูกลบไปแล้ว')).toBeVisible();
  const state = await page.evaluate(() => ({
    csp: (window as unknown as { __csp: string[] }).__csp,
    preloads: [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map(
      (l) => new URL(l.href).pathname,
    ),
    // Fetched once (the router's import() used what the preload link fetched), and by the
    // browser straight from the precache: the worker's static route, not its fetch handler.
    fetches: performance
      .getEntriesByType('resource')
      .filter((e) => /\/assets\/follow-up-/.test(e.name))
      .map(
        (e) =>
          (e as PerformanceResourceTiming & { workerMatchedSourceType?: string }).workerMatchedSourceType,
      ),
  }));
  expect(state.csp).toEqual([]);
  expect(state.preloads.some((p) => /^\/assets\/follow-up-.*\.js$/.test(p))).toBe(true);
  expect(state.fetches).toEqual(['cache']);
});
