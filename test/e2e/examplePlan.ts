import { expect, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';

export const EXAMPLE = fileURLToPath(new URL('../fixtures/000_8abfe1898a6e5c73.txt', import.meta.url));
export const EXAMPLE_AGENCY = 'องค์การบริหารส่วนตำบลเรือเสาะออก';

/** Imports the example document through the app's import page; ends on the plan's page, returning its id. */
export async function importExample(page: Page): Promise<string> {
  await page.goto('/import');
  await page.getByLabel(/เลือกไฟล์เอกสารมาตรการ/).setInputFiles(EXAMPLE);
  await expect(page.getByRole('form', { name: 'ตรวจทานก่อนบันทึก' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: EXAMPLE_AGENCY })).toBeVisible();
  return new URL(page.url()).pathname.split('/')[2]!;
}
