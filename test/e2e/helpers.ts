import { expect, type BrowserContext, type Page } from '@playwright/test';

/** Waits until the service worker controls the page, so the app shell is cached. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload();
  }
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
}

export async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  await expect(page.getByTestId('net-status')).toHaveText(/ออฟไลน์/);
}

/** Creates a plan through the form and returns to its page. */
/** The years are left at the form's defaults: the current fiscal year. */
export async function createPlan(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: /สร้างแผนใหม่/ }).click();
  await page.getByLabel('ชื่อหน่วยงาน').fill(name);
  await page.getByRole('button', { name: 'บันทึก' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export async function addMeasure(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: /เพิ่มมาตรการ/ }).click();
  await page.getByLabel('ชื่อมาตรการ').fill(title);
  await page.getByRole('button', { name: 'บันทึก' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible();
}

export async function addAction(page: Page, text: string): Promise<void> {
  await page.getByRole('link', { name: /เพิ่มวิธีการหรือขั้นตอน/ }).click();
  await page.getByLabel('รายละเอียด').fill(text);
  await page.getByRole('button', { name: 'บันทึก' }).click();
  await expect(page.getByText(text)).toBeVisible();
}
