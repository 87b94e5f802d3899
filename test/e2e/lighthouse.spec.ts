import { chromium, expect, test } from '@playwright/test';
import lighthouse from 'lighthouse';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { importExample } from './examplePlan';

test('Lighthouse scores meeting mode 100 for accessibility, with the example plan', async ({ baseURL }) => {
  test.setTimeout(120_000);
  // Lighthouse drives the same browser over its DevTools port (port 0: any free one, written to
  // the profile), so it sees this profile's database: the plan and the meeting made below.
  const dir = mkdtempSync(join(tmpdir(), 'ita-lighthouse-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--remote-debugging-port=0'],
    baseURL: baseURL!,
    viewport: { width: 360, height: 740 },
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const planId = await importExample(page);
    await page.goto(`/plans/${planId}/meetings`);
    await page.getByRole('button', { name: 'เริ่มประชุม' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /ประชุมครั้งที่/ })).toBeVisible();
    await page.getByRole('button', { name: 'เสร็จแล้ว 3.1 ของมาตรการที่ 1' }).click();
    await expect(page.getByText(/ลงผลแล้ว 1 จาก/)).toBeVisible();
    const port = Number(readFileSync(join(dir, 'DevToolsActivePort'), 'utf8').split('\n')[0]);

    const result = await lighthouse(page.url(), {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['accessibility'],
      disableStorageReset: true,
      formFactor: 'mobile',
      screenEmulation: { mobile: true, width: 360, height: 740, deviceScaleFactor: 2, disabled: false },
      throttlingMethod: 'provided',
    });
    const lhr = result!.lhr;
    const failed = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
      .map((a) => a.id);
    expect(failed).toEqual([]);
    expect(lhr.categories.accessibility!.score).toBe(1);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
