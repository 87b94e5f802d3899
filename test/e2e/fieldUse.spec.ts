import { expect, test, type Page } from '@playwright/test';
import { addAction, addMeasure, createPlan } from './helpers';
import { importExample } from './examplePlan';

/** Counts the person's taps (trusted clicks) from now on, in this document (the app moves between pages in it). */
async function countTaps(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __taps: number };
    w.__taps = 0;
    document.addEventListener('click', (e) => void (e.isTrusted && (w.__taps += 1)), true);
  });
}
const taps = (page: Page) => page.evaluate(() => (window as unknown as { __taps: number }).__taps);
const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

test.describe('on a 360 × 780 phone', () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test('a step is ticked from the plan screen in two taps, without scrolling', async ({ page }) => {
    await importExample(page);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await scrollY(page)).toBe(0);
    await countTaps(page);

    // Tap 1: the first measure, on the first screen of the plan.
    const measure = page.getByRole('link', { name: /^1\. / });
    await expect(measure).toBeInViewport({ ratio: 1 });
    await measure.click();
    await expect(page.getByRole('heading', { level: 1, name: /^มาตรการที่ 1 / })).toBeVisible();
    expect(await scrollY(page)).toBe(0);

    // Tap 2: "done" on the first step, on the first screen of the measure.
    const done = page.getByRole('button', { name: 'เสร็จแล้ว 3.1 ของมาตรการที่ 1' });
    await expect(done).toBeInViewport({ ratio: 1 });
    await done.click();
    const step = page.locator('li.action[data-action-number="3.1"]');
    await expect(step.locator('.badge')).toHaveText(/ดำเนินการแล้ว/);
    await expect(done).toHaveAttribute('aria-pressed', 'true');
    expect(await scrollY(page)).toBe(0);
    const total = await taps(page);
    expect(total).toBeLessThanOrEqual(2);
    test.info().annotations.push({ type: 'taps', description: `plan screen → step ticked: ${total} taps` });
    // It stays ticked.
    await page.reload();
    await expect(page.locator('li.action[data-action-number="3.1"] .badge')).toHaveText(/ดำเนินการแล้ว/);
  });
});

test('after a tick, focus stays on the control used and the step and status are announced', async ({
  page,
}) => {
  await createPlan(page, 'อบต.โฟกัส');
  await addMeasure(page, 'การเปิดเผยข้อมูล');
  await addAction(page, 'ประกาศมาตรการ');
  await addAction(page, 'เผยแพร่บนเว็บไซต์');

  // The tick form: after บันทึกผล focus goes back to the button that opened it.
  const open = page.getByRole('button', { name: /^ลงผล 3\.2/ });
  await open.click();
  await page.getByLabel('อยู่ระหว่างดำเนินการ').check();
  await page.getByRole('button', { name: 'บันทึกผล' }).click();
  await expect(page.locator('li.action[data-action-number="3.2"] .badge')).toHaveText(/อยู่ระหว่างดำเนินการ/);
  await expect(open).toBeFocused();
  await expect(page.locator('li.action[data-action-number="3.2"]')).toBeInViewport();
  await expect(page.locator('.toast-region')).toContainText('บันทึกผล 3.2 ของมาตรการที่ 1 แล้ว: อยู่ระหว่างดำเนินการ');

  // Meeting mode: the status button keeps focus while and after it saves; the change is announced.
  await page.getByRole('link', { name: 'อบต.โฟกัส' }).click();
  await page.getByRole('link', { name: 'การประชุมประจำเดือน' }).click();
  await page.getByRole('button', { name: 'เริ่มประชุม' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /ประชุมครั้งที่ 1\// })).toBeVisible();
  const announcer = page.getByTestId('announcer');
  await expect(announcer).toHaveText('');
  await expect(announcer).toHaveAttribute('aria-live', 'polite');
  const button = page.getByRole('button', { name: 'เสร็จแล้ว 3.1 ของมาตรการที่ 1' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(announcer).toHaveText('บันทึกแล้ว 3.1 ของมาตรการที่ 1: ดำเนินการแล้ว');
  await expect(button).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
});

test('the installed app’s shortcuts open the newest plan’s meetings, measures and quarterly report', async ({
  page,
}) => {
  await page.goto('/go/meeting');
  await expect(page).toHaveURL(/\/$/);
  await createPlan(page, 'อบต.ทางลัด');
  const planPath = new URL(page.url()).pathname;
  await page.goto('/go/meeting');
  await expect(page).toHaveURL(new RegExp(`${planPath}/meetings$`));
  await expect(page.getByRole('heading', { level: 1, name: 'การประชุมประจำเดือน' })).toBeVisible();
  await page.goto('/go/tick');
  await expect(page).toHaveURL(new RegExp(`${planPath}$`));
  await page.goto('/go/report');
  // Today (December) the six-month report is the one due next.
  await expect(page).toHaveURL(new RegExp(`${planPath}/summary/(half|year)$`));
  await expect(page.getByRole('heading', { level: 1, name: /รายงานผลการดำเนินการ/ })).toBeVisible();
});
